// API-key and user changes in the security log, the admins' filtered, paginated view of it,
// and writes that answer alike for a missing record and someone else's.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/data/platform/api-keys";
import { listSecurityEvents } from "@/lib/data/platform/security-events";
import { updateUser } from "@/lib/data/platform/users";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { completeTask } from "@/lib/data/tasks/tasks";
import { AppError } from "@/lib/errors";
import { createTestUser } from "@/tests/factories/api";
import { makeAccount, makeTask } from "@/tests/factories/tasks";
import { clock } from "@/lib/clock";

describe("API key security events", () => {
  it("records creation, revocation, and the first use from each new address", async () => {
    const admin = await createTestUser("admin");
    const { key, id } = await createApiKey("CRM sync", { userId: admin.id });
    expect(await authenticateApiKey(key, "192.0.2.10")).toMatchObject({ id });
    expect(await authenticateApiKey(key, "192.0.2.10")).toMatchObject({ id });
    expect(await authenticateApiKey(key, "192.0.2.99")).toMatchObject({ id });
    await revokeApiKey(id, { userId: admin.id });

    const events = await db.auditLog.findMany({
      where: { entity: "security", entityId: `api_key:${id}` },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "api_key_created",
      "api_key_new_address",
      "api_key_new_address",
      "api_key_revoked",
    ]);
    expect(events[1].after).toMatchObject({ client: "192.0.2.10" });
    expect(events[2].after).toMatchObject({ client: "192.0.2.99" });
    expect(JSON.stringify(events)).not.toContain(key);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).knownAddresses).toEqual(["192.0.2.10", "192.0.2.99"]);
  });
});

describe("the security log for admins", () => {
  it("filters by event type and by user, newest first, a page at a time", async () => {
    const admin = await createTestUser("admin");
    const target = await createTestUser("csm");
    await updateUser(target.id, { role: "ae" }, { userId: admin.id });
    await updateUser(target.id, { role: "manager" }, { userId: admin.id });
    await updateUser(target.id, { active: false }, { userId: admin.id });

    const roleChanges = await listSecurityEvents({
      type: "user_role_changed",
      userId: target.id,
      page: 1,
      pageSize: 50,
    });
    expect(roleChanges.total).toBe(2);
    expect(roleChanges.rows.map((r) => r.detail)).toEqual([
      { from: "ae", to: "manager" },
      { from: "csm", to: "ae" },
    ]);
    expect(roleChanges.rows[0]).toMatchObject({
      label: "Role changed",
      actor: admin.name,
      subject: `${target.name} <${target.email}>`,
    });

    const forUser = await listSecurityEvents({ userId: target.id, page: 1, pageSize: 2 });
    expect(forUser.total).toBe(3);
    expect(forUser.rows.map((r) => r.type)).toEqual(["user_deactivated", "user_role_changed"]);
    const page2 = await listSecurityEvents({ userId: target.id, page: 2, pageSize: 2 });
    expect(page2.rows.map((r) => r.type)).toEqual(["user_role_changed"]);

    // The admin's own filter finds what they did too.
    expect((await listSecurityEvents({ userId: admin.id, page: 1, pageSize: 50 })).total).toBeGreaterThanOrEqual(3);
  });
});

describe("a missing record and someone else's answer alike", () => {
  const code = (promise: Promise<unknown>) =>
    promise.then(
      () => "ok",
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );

  it("for an account a CSM may not edit", async () => {
    const csm = await createTestUser("csm");
    const other = await createTestUser("csm");
    const manager = await createTestUser("manager");
    const theirs = await makeAccount({ asOf: clock.today(), csmId: other.id });
    const missing = 9_999_999;
    const asCsm = { id: csm.id, role: "csm" as const };
    expect(await code(authorizeAccount(asCsm, theirs.id, "account:edit"))).toBe("forbidden");
    expect(await code(authorizeAccount(asCsm, missing, "account:edit"))).toBe("forbidden");
    const messages = await Promise.all(
      [theirs.id, missing].map((id) => authorizeAccount(asCsm, id, "account:edit").catch((e: Error) => e.message)),
    );
    expect(messages[0]).toBe(messages[1]);
    // A manager may edit any account, so telling them it is gone reveals nothing.
    expect(await code(authorizeAccount({ id: manager.id, role: "manager" }, missing, "account:edit"))).toBe(
      "not_found",
    );
  });

  it("for a task that is not the caller's", async () => {
    const csm = await createTestUser("csm");
    const other = await createTestUser("csm");
    const task = await makeTask({ ownerId: other.id, dueDate: clock.today() });
    const asCsm = { id: csm.id, role: "csm" as const };
    expect(await code(completeTask(task.id, null, asCsm))).toBe("forbidden");
    expect(await code(completeTask(9_999_999, null, asCsm))).toBe("forbidden");
  });
});
