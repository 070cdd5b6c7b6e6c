import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { addDays } from "@/lib/domain/dates";
import { reassignAccount, reassignBook } from "@/lib/data/accounts/reassign";
import { AppError } from "@/lib/errors";
import { makeAccount, makeTask, makeUser } from "../factories/tasks";

const today = () => clock.today();

async function book(csmId: number, size: number) {
  const accounts = [];
  for (let i = 0; i < size; i++) accounts.push(await makeAccount({ asOf: today(), csmId }));
  return accounts;
}

const owners = (ids: number[]) =>
  db.task.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { ownerId: true, status: true } });

describe("reassigning accounts", () => {
  it("moves a whole CSM book with the old owner's open tasks on it, audited once per account, and is idempotent", async () => {
    const manager = await makeUser("manager");
    const leaving = await makeUser("csm");
    const taking = await makeUser("csm");
    const other = await makeUser("csm");
    const accounts = await book(leaving.id, 3);
    const elsewhere = await makeAccount({ asOf: today(), csmId: other.id });
    const due = addDays(today(), 3);
    const open1 = await makeTask({ ownerId: leaving.id, accountId: accounts[0].id, dueDate: due });
    const open2 = await makeTask({ ownerId: leaving.id, accountId: accounts[2].id, dueDate: due });
    const done = await makeTask({ ownerId: leaving.id, accountId: accounts[0].id, dueDate: due, status: "done" });
    const noAccount = await makeTask({ ownerId: leaving.id, dueDate: due });
    const onOtherBook = await makeTask({ ownerId: leaving.id, accountId: elsewhere.id, dueDate: due });
    const someoneElses = await makeTask({ ownerId: manager.id, accountId: accounts[1].id, dueDate: due });

    const result = await reassignBook("csm", leaving.id, taking.id, manager);
    expect(result).toMatchObject({ accounts: 3, tasks: 2 });

    expect(await db.account.count({ where: { csmId: taking.id, updatedAt: clock.now() } })).toBe(3);
    expect(await db.account.count({ where: { csmId: leaving.id } })).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id: elsewhere.id } })).csmId).toBe(other.id);
    const ids = [open1, open2, done, noAccount, onOtherBook, someoneElses].map((t) => t.id);
    expect((await owners(ids)).map((t) => t.ownerId)).toEqual([
      taking.id,
      taking.id,
      leaving.id,
      leaving.id,
      leaving.id,
      manager.id,
    ]);

    const audit = await db.auditLog.findMany({
      where: { entity: "account", action: "reassign" },
      orderBy: { accountId: "asc" },
    });
    expect(audit.map((a) => a.accountId)).toEqual(accounts.map((a) => a.id));
    expect(audit[0]).toMatchObject({
      actorId: manager.id,
      before: { csmId: leaving.id },
      after: { csmId: taking.id, book: true },
    });
    expect(audit[0].at.toISOString()).toBe(clock.now().toISOString());

    expect(await reassignBook("csm", leaving.id, taking.id, manager)).toMatchObject({ accounts: 0, tasks: 0 });
    expect(await db.auditLog.count({ where: { entity: "account", action: "reassign" } })).toBe(3);
  });

  it("moves an AE's book by the AE field, with their renewal tasks", async () => {
    const admin = await makeUser("admin");
    const fromAe = await makeUser("ae");
    const toAe = await makeUser("ae");
    const csm = await makeUser("csm");
    const account = await makeAccount({ asOf: today(), csmId: csm.id });
    await db.account.update({ where: { id: account.id }, data: { aeId: fromAe.id } });
    const task = await makeTask({ ownerId: fromAe.id, accountId: account.id, dueDate: today() });
    const csmTask = await makeTask({ ownerId: csm.id, accountId: account.id, dueDate: today() });
    expect(await reassignBook("ae", fromAe.id, toAe.id, admin)).toMatchObject({ accounts: 1, tasks: 1 });
    const stored = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored).toMatchObject({ aeId: toAe.id, csmId: csm.id });
    expect((await owners([task.id, csmTask.id])).map((t) => t.ownerId)).toEqual([toAe.id, csm.id]);
  });

  it("moves one account and its old owner's open tasks; repeating it changes nothing", async () => {
    const manager = await makeUser("manager");
    const from = await makeUser("csm");
    const to = await makeUser("csm");
    const [account, sibling] = await book(from.id, 2);
    const task = await makeTask({ ownerId: from.id, accountId: account.id, dueDate: today() });
    const siblingTask = await makeTask({ ownerId: from.id, accountId: sibling.id, dueDate: today() });

    expect(await reassignAccount(account.id, "csm", to.id, manager)).toMatchObject({ accounts: 1, tasks: 1 });
    expect(await reassignAccount(account.id, "csm", to.id, manager)).toMatchObject({ accounts: 0, tasks: 0 });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).csmId).toBe(to.id);
    expect((await db.account.findUniqueOrThrow({ where: { id: sibling.id } })).csmId).toBe(from.id);
    expect((await owners([task.id, siblingTask.id])).map((t) => t.ownerId)).toEqual([to.id, from.id]);
    const audit = await db.auditLog.findMany({ where: { accountId: account.id, action: "reassign" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { csmId: from.id }, after: { csmId: to.id, tasksMoved: 1 } });
  });

  it("refuses a new owner who is deactivated or in the wrong role, and writes nothing", async () => {
    const manager = await makeUser("manager");
    const from = await makeUser("csm");
    const gone = await makeUser("csm", { active: false });
    const ae = await makeUser("ae");
    const [account] = await book(from.id, 1);
    const audits = await db.auditLog.count();
    for (const [to, message] of [
      [gone.id, /active person/],
      [ae.id, /must be a CSM/],
      [999_999, /active person/],
    ] as const) {
      const error = await reassignBook("csm", from.id, to, manager).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid");
      expect((error as AppError).message).toMatch(message);
      await expect(reassignAccount(account.id, "csm", to, manager)).rejects.toThrow(message);
    }
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).csmId).toBe(from.id);
    expect(await db.auditLog.count()).toBe(audits);
    await expect(reassignAccount(999_999, "csm", from.id, manager)).rejects.toThrow(/no longer exists/);
  });
});
