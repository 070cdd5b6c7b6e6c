import "server-only";
import { Prisma, type Renewal } from "@/lib/generated/prisma/client";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  nextRenewalDate,
  outcomeArrProblem,
  outcomeMovement,
  scaleLinePrices,
  toCents,
  type Cents,
} from "@/lib/domain/renewals";
import { RENEWAL_PLAYBOOK } from "@/lib/domain/playbook-defaults";
import type { TRenewalOutcome } from "@/lib/validation/api";
import { churnReasonLabel } from "@/lib/domain/offboarding";
import { recordAudit, type AuditActor } from "../platform/audit";
import { dateOnly, invalidInput, writeAccountFacts, type Tx } from "../accounts/write";
import { toRenewalView, type RenewalView } from "./commercial";
import { startOffboarding, type StartedOffboarding } from "../offboarding/checklist";
import { clock } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { isWithinDateBounds, MAX_DATE } from "@/lib/validation/fields";
import { AppError } from "@/lib/errors";

// Closing a renewal with its outcome (SPEC §4): the renewal, the account's ARR and status, its
// contract lines, the ARR movement and the next renewal all change in one transaction, each
// change audited, and the account is rescored before it commits.

export interface RenewalOutcomeResult {
  closed: RenewalView;
  /** The renewal opened a term later; null when the account churned. */
  next: { renewalDate: IsoDate; arr: number } | null;
  /** The offboarding checklist a churn starts; null otherwise. */
  offboarding: StartedOffboarding | null;
}

const money = (cents: Cents) => new Prisma.Decimal(cents).dividedBy(100);

/**
 * Records the outcome of the account's open renewal; a churn also starts the offboarding (SPEC §4).
 * Safe to retry: the account row is locked (SELECT … FOR UPDATE) for the whole transaction, so
 * concurrent copies run one after the other, and a copy of the outcome last recorded changes
 * nothing and answers what the first did (see repeatedOutcome).
 */
export function recordRenewalOutcome(
  externalId: string,
  input: TRenewalOutcome,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<RenewalOutcomeResult> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const repeat = await repeatedOutcome(tx, accountId, input);
      if (repeat) return repeat;
      const result = await applyRenewalOutcome(tx, accountId, input, actor);
      const offboarding =
        input.outcome === "churned"
          ? await startOffboarding(tx, actor, accountId, { churnReasons: input.churnReason ? [input.churnReason] : [] })
          : null;
      return { ...result, offboarding };
    },
    outerTx,
  );
}

/** Two outcomes are the same when every field the caller sends matches (newArr to the cent, a churn's as 0). */
function sameOutcome(closed: Renewal, input: TRenewalOutcome): boolean {
  return (
    closed.outcome === input.outcome &&
    closed.signedAt !== null &&
    toIsoDate(closed.signedAt) === input.signedAt &&
    toCents(Number(closed.newArr ?? 0)) === toCents(input.newArr ?? 0) &&
    (closed.churnReason ?? null) === (input.churnReason ?? null)
  );
}

/**
 * A delivery pipeline may send the same outcome twice (or four times at once): without this, each
 * copy would close the renewal opened by the one before and renew the account another term.
 * - The same outcome as the one recorded on the last closed renewal is a repeat: nothing is
 *   written, and the answer is the first one's (the closed renewal, the renewal opened after it,
 *   the offboarding a churn started).
 * - A different outcome signed on or before that one's signed date is for the renewal already
 *   closed, not the next one: 409. The next renewal's outcome is signed after it.
 */
async function repeatedOutcome(
  tx: Tx,
  accountId: number,
  input: TRenewalOutcome,
): Promise<RenewalOutcomeResult | null> {
  const last = await tx.renewal.findFirst({
    where: { accountId, status: "closed", signedAt: { not: null } },
    orderBy: { id: "desc" },
  });
  if (!last?.signedAt) return null;
  if (!sameOutcome(last, input)) {
    const signed = toIsoDate(last.signedAt);
    if (input.signedAt > signed) return null;
    throw new AppError(
      "conflict",
      `The renewal due ${toIsoDate(last.renewalDate)} was already closed as ${last.outcome} (signed ${signed}). ` +
        `An outcome for the next renewal is signed after ${signed}.`,
      { issues: [{ path: "signedAt", message: `The last renewal was signed ${signed}.` }] },
    );
  }
  const next = await tx.renewal.findFirst({
    where: { accountId, status: "open", id: { gt: last.id } },
    orderBy: { id: "asc" },
  });
  const offboarding =
    last.outcome === "churned"
      ? await tx.offboarding.findFirst({
          where: { accountId },
          orderBy: { id: "desc" },
          include: { items: { orderBy: { id: "asc" } } },
        })
      : null;
  return {
    closed: toRenewalView(last),
    next: next && { renewalDate: toIsoDate(next.renewalDate), arr: Number(next.arr) },
    offboarding: offboarding && {
      startedOn: toIsoDate(offboarding.startedAt),
      churnReasons: offboarding.churnReasons,
      items: offboarding.items.map((i) => ({
        key: i.key as StartedOffboarding["items"][number]["key"],
        title: i.title,
        dueDate: toIsoDate(i.dueDate),
      })),
    },
  };
}

/**
 * Closes the open renewal with its outcome inside the caller's transaction (the account is
 * locked): renewal, ARR movement, contract lines, stage tasks, the account and the next renewal.
 * `movementNote` names a churn that was not a renewal decision (a termination).
 */
export async function applyRenewalOutcome(
  tx: Tx,
  accountId: number,
  input: TRenewalOutcome,
  actor: AuditActor,
  movementNote?: string,
): Promise<Omit<RenewalOutcomeResult, "offboarding">> {
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { arr: true, seats: true, contractStart: true, status: true },
  });
  const open = await tx.renewal.findFirst({ where: { accountId, status: "open" } });
  if (!open || account.status !== "active")
    throw conflict("The account has no open renewal (it is churned or its renewal was closed).");
  const currentCents = toCents(Number(account.arr));
  const newCents = input.newArr == null ? null : toCents(input.newArr);
  const problem = outcomeArrProblem(input.outcome, currentCents, newCents);
  if (problem) throw invalidInput([{ path: "newArr", message: problem }]);

  const finalCents = newCents ?? 0;
  const renewalDate = toIsoDate(open.renewalDate);
  const audit: Audit = (entity, entityId, action, before, after) =>
    recordAudit(tx, actor, { entity, entityId: String(entityId), accountId, action, before, after });
  const closed = await closeRenewal(tx, audit, open, input, finalCents);
  await recordMovement(tx, audit, accountId, input, currentCents, finalCents, movementNote);
  const termStart = await currentTermStart(tx, accountId, open.id, toIsoDate(account.contractStart));
  const next = input.outcome === "churned" ? null : nextRenewalDate(termStart, renewalDate);
  if (next !== null && !isWithinDateBounds(next)) {
    // A term so long (or a renewal so late) that the next renewal would fall past what Bowtie stores.
    throw invalidInput([
      {
        path: "outcome",
        message: `The next renewal would fall on ${next}, after ${MAX_DATE}: shorten the contract term first.`,
      },
    ]);
  }
  await renewContractLines(tx, audit, accountId, renewalDate, next, finalCents, account.seats);
  await closeStageTasks(tx, audit, accountId);
  await moveAccount(
    tx,
    audit,
    accountId,
    { ...account, renewalDate },
    next === null ? { churnedAt: input.signedAt } : { arrCents: finalCents, renewalDate: next },
  );
  if (next === null) return { closed: toRenewalView(closed), next: null };

  const created = await tx.renewal.create({ data: { accountId, renewalDate: dateOnly(next), arr: money(finalCents) } });
  await audit("renewal", created.id, "create", null, pick(created));
  return { closed: toRenewalView(closed), next: { renewalDate: next, arr: finalCents / 100 } };
}

type Audit = (
  entity: string,
  entityId: number,
  action: "create" | "update",
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) => Promise<void>;

/** The renewal as audited: its view plus what only an outcome sets. */
function pick(r: Renewal) {
  return {
    ...toRenewalView(r),
    processStartedAt: r.processStartedAt && toIsoDate(r.processStartedAt),
    churnReason: r.churnReason,
  };
}

async function closeRenewal(
  tx: Tx,
  audit: Audit,
  open: Renewal,
  input: TRenewalOutcome,
  newCents: Cents,
): Promise<Renewal> {
  const closed = await tx.renewal.update({
    where: { id: open.id },
    data: {
      status: "closed",
      outcome: input.outcome,
      newArr: money(newCents),
      signedAt: dateOnly(input.signedAt),
      churnReason: input.churnReason ?? null,
    },
  });
  await audit("renewal", open.id, "update", pick(open), pick(closed));
  return closed;
}

/** The ARR history (SPEC §5 GRR/NRR) dated the day the outcome was signed. */
async function recordMovement(
  tx: Tx,
  audit: Audit,
  accountId: number,
  input: TRenewalOutcome,
  currentCents: Cents,
  newCents: Cents,
  churnNote?: string,
): Promise<void> {
  const movement = outcomeMovement(input.outcome, currentCents, newCents);
  if (!movement) return;
  const reason = input.churnReason ? `: ${churnReasonLabel(input.churnReason)}` : "";
  const note =
    input.outcome === "churned" ? `${churnNote ?? "Churned at renewal"}${reason}` : `Renewal ${input.outcome}`;
  const row = await tx.arrMovement.create({
    data: { accountId, type: movement.type, amount: money(movement.amountCents), date: dateOnly(input.signedAt), note },
  });
  await audit("arr_movement", row.id, "create", null, {
    type: row.type,
    amount: row.amount,
    date: input.signedAt,
    note,
  });
}

/**
 * A renewal gives the account its new ARR and renewal date; a churn marks it churned and keeps
 * its last ARR (what was lost, as the former-customer list shows it).
 */
async function moveAccount(
  tx: Tx,
  audit: Audit,
  accountId: number,
  before: { arr: Prisma.Decimal; status: string; renewalDate: IsoDate },
  change: { arrCents: Cents; renewalDate: IsoDate } | { churnedAt: IsoDate },
): Promise<void> {
  const after =
    "churnedAt" in change
      ? { arr: before.arr, status: "churned" as const, renewalDate: before.renewalDate, churnedAt: change.churnedAt }
      : { arr: money(change.arrCents), status: before.status, renewalDate: change.renewalDate };
  await tx.account.update({
    where: { id: accountId },
    data:
      "churnedAt" in change
        ? { status: "churned", churnedAt: dateOnly(change.churnedAt) }
        : { arr: after.arr, renewalDate: dateOnly(change.renewalDate) },
  });
  await audit("account", accountId, "update", before, after);
}

/**
 * Where the term ending at this renewal began: the previous renewal's date, or the contract
 * start for a first renewal. (Contract lines cannot tell: add-ons run across several terms.)
 */
async function currentTermStart(
  tx: Tx,
  accountId: number,
  renewalId: number,
  contractStart: IsoDate,
): Promise<IsoDate> {
  const previous = await tx.renewal.findFirst({
    where: { accountId, status: "closed", id: { not: renewalId }, outcome: { not: "churned" } },
    orderBy: { renewalDate: "desc" },
    select: { renewalDate: true },
  });
  return previous ? toIsoDate(previous.renewalDate) : contractStart;
}

/**
 * Lines end the day before the renewal date (end dates are inclusive). For a renewal the lines
 * in force carry into the new term, priced to the new ARR in proportion, so products stay visible.
 */
async function renewContractLines(
  tx: Tx,
  audit: Audit,
  accountId: number,
  renewalDate: IsoDate,
  next: IsoDate | null,
  newCents: Cents,
  seats: number,
): Promise<void> {
  const lastDay = dateOnly(addDays(renewalDate, -1));
  const inForce = await tx.contractLine.findMany({
    where: { accountId, startDate: { lte: lastDay }, endDate: { gte: lastDay } },
    orderBy: { id: "asc" },
  });
  for (const line of inForce.filter((l) => l.endDate > lastDay)) {
    await tx.contractLine.update({ where: { id: line.id }, data: { endDate: lastDay } });
    await audit(
      "contract_line",
      line.id,
      "update",
      { endDate: toIsoDate(line.endDate) },
      { endDate: toIsoDate(lastDay) },
    );
  }
  if (next === null) return;
  const carried = inForce.length > 0 ? inForce : [{ product: "Subscription", seats, price: new Prisma.Decimal(0) }];
  const prices =
    inForce.length > 0
      ? scaleLinePrices(
          carried.map((l) => toCents(Number(l.price))),
          newCents,
        )
      : [newCents];
  for (const [i, line] of carried.entries()) {
    const data = {
      accountId,
      product: line.product,
      seats: line.seats,
      price: money(prices[i]),
      startDate: dateOnly(renewalDate),
      endDate: dateOnly(addDays(next, -1)),
    };
    const created = await tx.contractLine.create({ data });
    await audit("contract_line", created.id, "create", null, {
      product: data.product,
      seats: data.seats,
      price: data.price,
      startDate: renewalDate,
      endDate: addDays(next, -1),
    });
  }
}

/** The closed renewal's stage tasks are moot: closing them lets the next cycle open its own. */
async function closeStageTasks(tx: Tx, audit: Audit, accountId: number): Promise<void> {
  const open = await tx.task.findMany({
    where: { accountId, status: "open", ruleKey: RENEWAL_PLAYBOOK },
    select: { id: true },
  });
  for (const task of open) {
    await tx.task.update({
      where: { id: task.id },
      data: { status: "cancelled", completedAt: clock.now(), outcome: "Renewal closed" },
    });
    await audit("task", task.id, "update", { status: "open" }, { status: "cancelled", outcome: "Renewal closed" });
  }
}
