import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateTemporaryPassword } from "@/lib/auth/password";
import { recordSecurityEvent } from "@/lib/data/platform/security-events";
import { checkCredentials, createUser, listUsersForAdmin, setPassword, updateUser } from "@/lib/data/platform/users";
import { AppError } from "@/lib/errors";
import { pinClock } from "@/lib/clock";

const PASSWORD = "initial passphrase 1";
let n = 0;
const make = (role: "admin" | "csm" | "ae" = "csm") =>
  createUser({ email: `admin-${++n}@example.com`, name: `Person ${n}`, role, password: PASSWORD }, { system: "test" });

describe("user administration", () => {
  it("lists every user with their last sign-in (or none)", async () => {
    const a = await make();
    const b = await make();
    pinClock("2026-03-01T09:00:00Z");
    await recordSecurityEvent(db, { type: "sign_in", subject: { userId: a.id } });
    pinClock("2026-03-04T10:30:00Z");
    await recordSecurityEvent(db, { type: "sign_in", subject: { userId: a.id } });
    await recordSecurityEvent(db, { type: "sign_in_failed", subject: { userId: b.id } });
    const rows = await listUsersForAdmin();
    expect(rows.find((r) => r.id === a.id)?.lastSignInAt).toBe("2026-03-04T10:30:00.000Z");
    expect(rows.find((r) => r.id === b.id)?.lastSignInAt).toBeNull();
  });

  it("an admin's reset sets a new password, ends the user's sessions and is audited without the password", async () => {
    const admin = await make("admin");
    const user = await make();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const temp = generateTemporaryPassword();
    await setPassword(user.id, temp, { userId: admin.id });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await checkCredentials(user.email, temp)).ok).toBe(true);
    expect((await checkCredentials(user.email, PASSWORD)).ok).toBe(false);

    const entries = await db.auditLog.findMany({
      where: { OR: [{ entity: "user", entityId: String(user.id) }, { entityId: `user:${user.id}` }] },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual(["create (test)", "user_created", "reset password", "password_reset"]);
    expect(entries.slice(2).every((e) => e.actorId === admin.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(temp);
  });

  it("refuses a reset password the policy refuses, and changes nothing", async () => {
    const admin = await make("admin");
    const user = await make();
    const count = await db.auditLog.count();
    for (const bad of ["short", "password1234", user.email]) {
      const error = await setPassword(user.id, bad, { userId: admin.id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid");
    }
    expect(await db.auditLog.count()).toBe(count);
    expect((await checkCredentials(user.email, PASSWORD)).ok).toBe(true);
    await expect(setPassword(999_999, "a fine long passphrase", { userId: admin.id })).rejects.toThrow(/no longer/);
  });

  it("deactivation and reactivation are audited, end sessions, and are idempotent", async () => {
    const admin = await make("admin");
    const user = await make();
    const v0 = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await updateUser(user.id, { active: false }, { userId: admin.id });
    await updateUser(user.id, { active: false }, { userId: admin.id });
    const off = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(off).toMatchObject({ active: false, sessionVersion: v0 + 1 });
    expect((await checkCredentials(user.email, PASSWORD)).ok).toBe(false);
    await updateUser(user.id, { active: true }, { userId: admin.id });
    expect((await checkCredentials(user.email, PASSWORD)).ok).toBe(true);
    const events = await db.auditLog.findMany({
      where: { entity: "security", entityId: `user:${user.id}`, action: { startsWith: "user_" } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["user_created", "user_deactivated", "user_reactivated"]);
  });

  it("two admins demoting each other at once leave one admin standing", async () => {
    await db.user.updateMany({ where: { role: "admin" }, data: { active: false } });
    const a = await make("admin");
    const b = await make("admin");
    const results = await Promise.allSettled([
      updateUser(b.id, { role: "csm" }, { userId: a.id }),
      updateUser(a.id, { active: false }, { userId: b.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", active: true } })).toBe(1);
  });
});
