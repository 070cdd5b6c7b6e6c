import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { newContractProblem, terminationProblem } from "@/lib/domain/offboarding";
import type { TReactivation, TTermination } from "@/lib/validation/offboarding";
import { recordAudit, type AuditActor } from "../platform/audit";
import { dateOnly, invalidInput, isoOrNull, writeAccountFacts, type Tx } from "../accounts/write";
import { startOffboarding, type StartedOffboarding } from "./checklist";
import { applyRenewalOutcome } from "../renewals/outcomes";
import { conflict } from "@/lib/errors";

// A manager's two lifecycle moves outside the renewal cycle: terminating a contract (a churn
// that starts the offboarding) and winning a former customer back with a new contract. Each is
// one transaction on the locked account, audited, with the account rescored before it commits.

/**
 * Ends the contract on a date: the open renewal closes as churned, the ARR leaves as a churn
 * movement dated the termination, the account is churned and the offboarding starts.
 */
export function recordTermination(
  externalId: string,
  input: Omit<TTermination, "accountId">,
  actor: AuditActor,
): Promise<StartedOffboarding> {
  return writeAccountFacts(externalId, async (tx, accountId) => {
    const account = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { name: true, status: true, contractStart: true, renewalDate: true, arr: true },
    });
    if (account.status !== "active") throw conflict("This account is already churned.");
    if (input.confirmName.trim() !== account.name.trim())
      throw invalidInput([{ path: "confirmName", message: `Type ${account.name} exactly to confirm.` }]);
    const problem = terminationProblem(toIsoDate(account.contractStart), input.terminatedOn);
    if (problem) throw invalidInput([{ path: "terminatedOn", message: problem }]);
    // Every active account has an open renewal (the daily job); one created since the last run may not yet.
    if ((await tx.renewal.count({ where: { accountId, status: "open" } })) === 0) {
      const created = await tx.renewal.create({
        data: { accountId, renewalDate: account.renewalDate, arr: account.arr },
      });
      await recordAudit(tx, actor, {
        entity: "renewal",
        entityId: String(created.id),
        accountId,
        action: "create",
        after: { renewalDate: toIsoDate(created.renewalDate), arr: created.arr, status: "open" },
      });
    }
    const [first] = input.churnReasons;
    await applyRenewalOutcome(
      tx,
      accountId,
      { outcome: "churned", newArr: null, signedAt: input.terminatedOn, churnReason: first ?? null },
      actor,
      "Contract terminated",
    );
    // The contract ends on the termination date, not at the end of its term.
    await endLinesBy(tx, actor, accountId, addDays(input.terminatedOn, -1));
    return startOffboarding(tx, actor, accountId, { churnReasons: input.churnReasons, churnNotes: input.churnNotes });
  });
}

export interface ReactivationResult {
  renewalDate: IsoDate;
  arr: number;
}

/**
 * Win-back: a churned account signs a new contract. The account is active again with the new
 * terms, a "new" ARR movement is dated the contract start, a contract line and an open renewal
 * are created, and the health is recomputed. The churn's history (movements, closed renewal,
 * offboarding, feedback) stays as it was.
 */
export function reactivateAccount(
  externalId: string,
  input: Omit<TReactivation, "accountId">,
  actor: AuditActor,
): Promise<ReactivationResult> {
  return writeAccountFacts(externalId, async (tx, accountId) => {
    const before = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: {
        status: true,
        churnedAt: true,
        contractStart: true,
        renewalDate: true,
        arr: true,
        seats: true,
        plan: true,
      },
    });
    if (before.status !== "churned") throw conflict("This account is active: only a former customer can be won back.");
    const problem = newContractProblem(input, isoOrNull(before.churnedAt));
    if (problem) throw invalidInput([problem]);
    const audit = (entity: string, entityId: number, b: Prisma.InputJsonObject | null, a: Prisma.InputJsonObject) =>
      recordAudit(tx, actor, {
        entity,
        entityId: String(entityId),
        accountId,
        action: b ? "update" : "create",
        before: b,
        after: a,
      });

    const arr = new Prisma.Decimal(input.arr);
    await tx.account.update({
      where: { id: accountId },
      data: {
        status: "active",
        churnedAt: null,
        contractStart: dateOnly(input.contractStart),
        renewalDate: dateOnly(input.renewalDate),
        arr,
        seats: input.seats,
      },
    });
    await audit(
      "account",
      accountId,
      {
        status: before.status,
        churnedAt: isoOrNull(before.churnedAt),
        contractStart: toIsoDate(before.contractStart),
        renewalDate: toIsoDate(before.renewalDate),
        arr: before.arr.toString(),
        seats: before.seats,
      },
      {
        status: "active",
        churnedAt: null,
        contractStart: input.contractStart,
        renewalDate: input.renewalDate,
        arr: arr.toString(),
        seats: input.seats,
      },
    );
    const movement = await tx.arrMovement.create({
      data: {
        accountId,
        type: "new",
        amount: arr,
        date: dateOnly(input.contractStart),
        note: "Won back: new contract",
      },
    });
    await audit("arr_movement", movement.id, null, {
      type: "new",
      amount: arr.toString(),
      date: input.contractStart,
      note: movement.note,
    });
    // The new contract replaces whatever of the old one was still to run.
    await endLinesBy(tx, actor, accountId, addDays(input.contractStart, -1));
    const line = await tx.contractLine.create({
      data: {
        accountId,
        product: before.plan ?? "Subscription",
        seats: input.seats,
        price: arr,
        startDate: dateOnly(input.contractStart),
        endDate: dateOnly(addDays(input.renewalDate, -1)),
      },
    });
    await audit("contract_line", line.id, null, {
      product: line.product,
      seats: line.seats,
      price: arr.toString(),
      startDate: input.contractStart,
      endDate: addDays(input.renewalDate, -1),
    });
    const renewal = await tx.renewal.create({ data: { accountId, renewalDate: dateOnly(input.renewalDate), arr } });
    await audit("renewal", renewal.id, null, { renewalDate: input.renewalDate, arr: arr.toString(), status: "open" });
    return { renewalDate: input.renewalDate, arr: input.arr };
  });
}

/** Lines running past `lastDay` end on it (end dates are inclusive); lines not started by then are left alone. */
async function endLinesBy(tx: Tx, actor: AuditActor, accountId: number, lastDay: IsoDate): Promise<void> {
  const running = await tx.contractLine.findMany({
    where: { accountId, startDate: { lte: dateOnly(lastDay) }, endDate: { gt: dateOnly(lastDay) } },
    orderBy: { id: "asc" },
  });
  for (const line of running) {
    await tx.contractLine.update({ where: { id: line.id }, data: { endDate: dateOnly(lastDay) } });
    await recordAudit(tx, actor, {
      entity: "contract_line",
      entityId: String(line.id),
      accountId,
      action: "update",
      before: { endDate: toIsoDate(line.endDate) },
      after: { endDate: lastDay },
    });
  }
}
