import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, verifyCredentials } from "@/lib/data/platform/users";
import { AppError } from "@/lib/errors";

describe("users", () => {
  it("creates a user with a hashed password, audited, and signs them in", async () => {
    const user = await createUser(
      { email: " New.CSM@Example.com ", name: "New CSM", role: "csm", password: "correct horse battery" },
      { system: "test" },
    );
    expect(user).toMatchObject({ email: "new.csm@example.com", role: "csm", active: true });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toContain("correct horse");
    expect(await verifyCredentials("new.csm@example.com", "correct horse battery")).toMatchObject({ id: user.id });
    expect(await verifyCredentials("new.csm@example.com", "wrong password")).toBeNull();

    const audit = await db.auditLog.findMany({ where: { entity: "user", entityId: String(user.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create (test)", after: { email: "new.csm@example.com", role: "csm" } });
    expect(JSON.stringify(audit[0].after)).not.toContain("passwordHash");
  });

  it("refuses a second user with the same email and writes nothing", async () => {
    await createUser(
      { email: "dup@example.com", name: "First", role: "ae", password: "long enough pw" },
      { system: "test" },
    );
    const auditBefore = await db.auditLog.count();
    await expect(
      createUser(
        { email: "DUP@example.com", name: "Second", role: "ae", password: "long enough pw" },
        { system: "test" },
      ),
    ).rejects.toBeInstanceOf(AppError);
    expect(await db.user.count({ where: { email: "dup@example.com" } })).toBe(1);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("does not sign in a deactivated user", async () => {
    const user = await createUser(
      { email: "gone@example.com", name: "Gone", role: "csm", password: "long enough pw" },
      { system: "test" },
    );
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await verifyCredentials("gone@example.com", "long enough pw")).toBeNull();
  });
});
