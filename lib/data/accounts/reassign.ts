import "server-only";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/policy";
import { OWNER_FIELD, reassignProblem, type OwnerRole, type ReassignResult } from "@/lib/domain/reassign";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "../platform/audit";
import { sqlLiteral, sqlText, statement, type SqlText } from "../platform/sql";

// Reassigning accounts from one CSM (or AE) to another. The old owner's open tasks on the moved
// accounts follow the new owner; each moved account gets an audit entry. Repeating a
// reassignment finds nothing left to move, so it is safe to retry.

type Tx = Prisma.TransactionClient;

async function newOwner(tx: Tx, role: OwnerRole, fromId: number | null, toId: number) {
  const to = await tx.user.findUnique({
    where: { id: toId },
    select: { id: true, name: true, role: true, active: true },
  });
  const problem = reassignProblem(role, fromId, to);
  if (problem || !to)
    throw new AppError("invalid", problem ?? "Pick a new owner.", {
      issues: [{ path: "toId", message: problem ?? "" }],
    });
  return to;
}

/** One account's CSM or AE becomes `toId`; that owner's open tasks on it follow. */
export async function reassignAccount(
  accountId: number,
  role: OwnerRole,
  toId: number,
  actor: Actor,
): Promise<ReassignResult & { externalId: string; toName: string }> {
  const field = OWNER_FIELD[role];
  return db.$transaction(async (tx) => {
    const account = await tx.account.findUnique({
      where: { id: accountId },
      select: { id: true, externalId: true, csmId: true, aeId: true },
    });
    if (!account) throw new AppError("not_found", "That account no longer exists.");
    const fromId = account[field];
    if (fromId === toId) {
      const to = await tx.user.findUnique({ where: { id: toId }, select: { name: true } });
      return { accounts: 0, tasks: 0, externalId: account.externalId, toName: to?.name ?? "" };
    }
    const to = await newOwner(tx, role, fromId, toId);
    await tx.account.update({ where: { id: accountId }, data: { [field]: toId } });
    const tasks =
      fromId === null
        ? { count: 0 }
        : await tx.task.updateMany({
            where: { accountId, ownerId: fromId, status: "open" },
            data: { ownerId: toId },
          });
    await recordAudit(
      tx,
      { userId: actor.id },
      {
        entity: "account",
        entityId: String(accountId),
        accountId,
        action: "reassign",
        before: { [field]: fromId },
        after: { [field]: toId, tasksMoved: tasks.count },
      },
    );
    return { accounts: 1, tasks: tasks.count, externalId: account.externalId, toName: to.name };
  });
}

const COLUMNS: Record<"csmId" | "aeId", SqlText> = { csmId: sqlText`"csmId"`, aeId: sqlText`"aeId"` };

// A whole book in three set-based statements, whatever its size: the accounts, then the old
// owner's open tasks on exactly those accounts, then one audit entry per moved account.
function bookStatements(field: "csmId" | "aeId") {
  const column = COLUMNS[field];
  const key = sqlLiteral(field);
  return {
    accounts: statement<[number, number, Date]>`
UPDATE "Account" SET ${column} = $2, "updatedAt" = $3 WHERE ${column} = $1 RETURNING id`,
    tasks: statement<[number, number, number[]]>`
UPDATE "Task" SET "ownerId" = $2
WHERE "ownerId" = $1 AND status = 'open' AND "accountId" = ANY($3::int[])`,
    audit: statement<[number, number, number[], number, Date]>`
INSERT INTO "AuditLog" (at, "actorId", "accountId", entity, "entityId", action, before, after)
SELECT $5, $4, t.id, 'account', t.id::text, 'reassign',
  jsonb_build_object(${key}, $1::int),
  jsonb_build_object(${key}, $2::int, 'book', true)
FROM unnest($3::int[]) AS t(id)`,
  };
}

const BOOK = { csm: bookStatements(OWNER_FIELD.csm), ae: bookStatements(OWNER_FIELD.ae) };

/** Every account whose CSM (or AE) is `fromId` goes to `toId`, with that owner's open tasks on them. */
export async function reassignBook(
  role: OwnerRole,
  fromId: number,
  toId: number,
  actor: Actor,
): Promise<ReassignResult & { toName: string }> {
  const sql = BOOK[role];
  return db.$transaction(async (tx) => {
    const to = await newOwner(tx, role, fromId, toId);
    const now = clock.now();
    const moved = await tx.$queryRaw<{ id: number }[]>(sql.accounts(fromId, toId, now));
    const ids = moved.map((m) => m.id);
    if (ids.length === 0) return { accounts: 0, tasks: 0, toName: to.name };
    const tasks = await tx.$executeRaw(sql.tasks(fromId, toId, ids));
    await tx.$executeRaw(sql.audit(fromId, toId, ids, actor.id, now));
    return { accounts: ids.length, tasks, toName: to.name };
  });
}

/** The people who own accounts in a role, with how many (the book form's "from" list). */
export async function listBookOwners(
  role: OwnerRole,
): Promise<{ id: number; name: string; active: boolean; accounts: number }[]> {
  const field = OWNER_FIELD[role];
  const counts = await db.account.groupBy({ by: [field], where: { [field]: { not: null } }, _count: { _all: true } });
  const byId = new Map(counts.map((c) => [c[field], c._count._all]));
  const users = await db.user.findMany({
    where: { OR: [{ role, active: true }, { id: { in: [...byId.keys()].filter((id): id is number => id !== null) } }] },
    select: { id: true, name: true, active: true },
    orderBy: { name: "asc" },
  });
  return users.map((u) => ({ ...u, accounts: byId.get(u.id) ?? 0 }));
}
