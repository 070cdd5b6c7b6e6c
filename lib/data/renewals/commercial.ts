import "server-only";
import { db } from "@/lib/db";
import type { Renewal, SuccessOutcome } from "@/lib/generated/prisma/client";
import type { RenewalForecast, RenewalOutcome, RenewalStatus } from "@/lib/generated/prisma/enums";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import type { TOutcomeUpsert, TRenewalForecast, TSuccessPlanUpsert } from "@/lib/validation/api";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditActor } from "../platform/audit";
import {
  accountNotFound,
  dateOnly,
  isoOrNull,
  saveAudited,
  writeAccountFacts,
  type Saved,
  type Tx,
} from "../accounts/write";
import { clock } from "@/lib/clock";
import { conflict, notFound } from "@/lib/errors";
import { valueReport, type ValueReport } from "@/lib/domain/qbr";

// The business side of health: success-plan outcomes (ROI achievement), the open renewal's
// forecast (renewal likelihood). Expansion deals: lib/data/expansion/deals.ts.

// ---------------------------------------------------------------------------------------------
// Success-plan outcomes, addressed by a key the caller chooses.

export type OutcomeView = {
  key: string;
  title: string;
  dueDate: IsoDate;
  achieved: boolean;
  achievedAt: IsoDate | null;
};

/** The success-plan view: the outcome plus its measure and value (GET/PUT …/success-plan/{key}). */
export type SuccessPlanView = OutcomeView & {
  metric: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  annualValue: number | null;
};

export function toSuccessPlanView(o: SuccessOutcome): SuccessPlanView {
  return {
    key: o.key,
    title: o.title,
    dueDate: toIsoDate(o.dueDate),
    achieved: o.achieved,
    achievedAt: isoOrNull(o.achievedAt),
    metric: o.metric,
    baseline: o.baseline,
    target: o.target,
    current: o.current,
    annualValue: o.annualValue === null ? null : Number(o.annualValue),
  };
}

/** The outcomes resource keeps its original shape. */
export function toOutcomeView(o: SuccessOutcome | SuccessPlanView): OutcomeView {
  return {
    key: o.key,
    title: o.title,
    dueDate: typeof o.dueDate === "string" ? o.dueDate : toIsoDate(o.dueDate),
    achieved: o.achieved,
    achievedAt: typeof o.achievedAt === "string" || o.achievedAt === null ? o.achievedAt : isoOrNull(o.achievedAt),
  };
}

/**
 * achievedAt is the date sent, else today when the outcome becomes achieved (kept while it stays
 * achieved), and cleared when it stops being so.
 */
export async function upsertOutcome(
  externalId: string,
  key: string,
  input: TOutcomeUpsert,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<OutcomeView>> {
  const saved = await upsertSuccessPlan(externalId, key, input, actor, outerTx);
  return { created: saved.created, record: toOutcomeView(saved.record) };
}

/** One success-plan outcome; the plan's fields left out keep their stored values. */
export function upsertSuccessPlan(
  externalId: string,
  key: string,
  input: TSuccessPlanUpsert,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<SuccessPlanView>> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const existing = await tx.successOutcome.findUnique({ where: { accountId_key: { accountId, key } } });
      const data = {
        title: input.title,
        dueDate: dateOnly(input.dueDate),
        achieved: input.achieved,
        achievedAt: changedAt(input.achieved, existing?.achieved ?? false, existing?.achievedAt, input.achievedAt),
        metric: input.metric,
        baseline: input.baseline,
        target: input.target,
        current: input.current,
        annualValue:
          input.annualValue === undefined || input.annualValue === null
            ? input.annualValue
            : new Prisma.Decimal(input.annualValue.toFixed(2)),
      };
      return saveAudited(tx, {
        actor,
        entity: "success_outcome",
        accountId,
        existing,
        create: () => tx.successOutcome.create({ data: { accountId, key, ...data } }),
        update: (current) => tx.successOutcome.update({ where: { id: current.id }, data }),
        view: toSuccessPlanView,
      });
    },
    outerTx,
  );
}

/**
 * The date a state was entered: the date the caller gives (backfills), else today when it turns
 * on, kept while it stays on; null when off.
 */
function changedAt(on: boolean, wasOn: boolean, since: Date | null | undefined, given?: IsoDate): Date | null {
  if (!on) return null;
  if (given) return dateOnly(given);
  return wasOn && since ? since : dateOnly(clock.today());
}

// ---------------------------------------------------------------------------------------------
// The open renewal (one per account; PUT /accounts/{externalId} keeps it in step with the account).

export type RenewalView = {
  renewalDate: IsoDate;
  status: RenewalStatus;
  forecast: RenewalForecast | null;
  arr: number;
  outcome: RenewalOutcome | null;
  newArr: number | null;
  signedAt: IsoDate | null;
};

export function toRenewalView(r: Renewal): RenewalView {
  return {
    renewalDate: toIsoDate(r.renewalDate),
    status: r.status,
    forecast: r.forecast,
    arr: Number(r.arr),
    outcome: r.outcome,
    newArr: r.newArr === null ? null : Number(r.newArr),
    signedAt: isoOrNull(r.signedAt),
  };
}

/**
 * Sets the open renewal's forecast; 409 when the account has none open. Outcomes close the
 * renewal and move ARR: see recordRenewalOutcome (lib/data/renewals/outcomes.ts).
 */
export function updateRenewal(
  externalId: string,
  input: TRenewalForecast,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<RenewalView> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const open = await tx.renewal.findFirst({ where: { accountId, status: "open" } });
      if (!open) throw conflict("The account has no open renewal (it is churned or its renewal was closed).");
      const updated = await tx.renewal.update({ where: { id: open.id }, data: { forecast: input.forecast } });
      await recordAudit(tx, actor, {
        entity: "renewal",
        entityId: String(open.id),
        accountId,
        action: "update",
        before: toRenewalView(open),
        after: toRenewalView(updated),
      });
      return toRenewalView(updated);
    },
    outerTx,
  );
}

/**
 * The account page's renewal: the open one (at most one, Renewal_open_account_key), and the last
 * one closed (its outcome), from one read of the account's renewals (one a year).
 */
export async function getAccountRenewals(
  accountId: number,
): Promise<{ open: RenewalView | null; lastClosed: RenewalView | null }> {
  const renewals = await db.renewal.findMany({
    where: { accountId },
    orderBy: [{ signedAt: "desc" }, { id: "desc" }],
  });
  const open = renewals.find((r) => r.status === "open") ?? null;
  const lastClosed = renewals.find((r) => r.status === "closed") ?? null;
  return { open: open && toRenewalView(open), lastClosed: lastClosed && toRenewalView(lastClosed) };
}

/** One account's success-plan outcome, or not found. */
export async function getSuccessPlanOutcome(externalId: string, key: string): Promise<SuccessPlanView> {
  const row = await db.successOutcome.findFirst({ where: { key, account: { externalId } } });
  if (!row) {
    const exists = await db.account.count({ where: { externalId } });
    throw exists
      ? notFound(`No success-plan outcome with the key "${key}" on this account.`)
      : accountNotFound(externalId);
  }
  return toSuccessPlanView(row);
}

/** Every outcome of an account's success plan, by due date. */
export async function listSuccessPlan(accountId: number): Promise<SuccessPlanView[]> {
  const rows = await db.successOutcome.findMany({
    where: { accountId },
    orderBy: [{ dueDate: "asc" }, { key: "asc" }],
  });
  return rows.map(toSuccessPlanView);
}

/**
 * The account page's success plan: its outcomes and the value report (achieved, yearly value,
 * ROI). The page passes the account's ARR it has read already (one query fewer).
 */
export async function getSuccessPlan(
  accountId: number,
  known?: { arr: number },
): Promise<{ outcomes: SuccessPlanView[]; report: ValueReport }> {
  const [outcomes, arr] = await Promise.all([
    listSuccessPlan(accountId),
    known
      ? known.arr
      : db.account.findUniqueOrThrow({ where: { id: accountId }, select: { arr: true } }).then((a) => Number(a.arr)),
  ]);
  return { outcomes, report: valueReport(outcomes, arr, clock.today()) };
}
