import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Band, RenewalForecast, Segment } from "@/lib/generated/prisma/enums";
import { canOnAccount } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { addDays, daysBetween, todayIso, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { daysToSignature, median, pipelineTotals, SIGNATURE_TARGET_DAYS, type PipelineTotals } from "@/lib/domain/renewals";
import { renewalWindow, type RenewalWindow } from "@/lib/domain/windows";
import type { TPipelineQuery } from "@/lib/validation/renewals";
import { dateOnly } from "./ingest";

// The renewal pipeline (SPEC §4): open renewals by window for the AE home page and the API.
// Each view is a fixed number of queries whatever the number of accounts.

/** "Later" on the page stops here: beyond it nothing is due for work yet. */
export const LATER_HORIZON_DAYS = 180;

const openRenewalWhere = (until: IsoDate, account: Prisma.AccountWhereInput = {}): Prisma.RenewalWhereInput => ({
  status: "open",
  renewalDate: { lte: dateOnly(until) },
  account: { status: "active", ...account },
});

// ---------------------------------------------------------------------------------------------
// GET /api/v1/renewals

export interface RenewalDueView {
  externalId: string;
  name: string;
  renewalDate: IsoDate;
  daysUntil: number;
  /** "later" only appears when `within` is over 90 days. */
  window: RenewalWindow;
  arr: number;
  band: Band | null;
  score: number | null;
  forecast: RenewalForecast | null;
}

/** Open renewals due within `within` days and overdue ones, by renewal date. */
export async function listRenewalsDue(within: number, asOf = todayIso()): Promise<RenewalDueView[]> {
  const rows = await db.renewal.findMany({
    where: openRenewalWhere(addDays(asOf, within)),
    orderBy: [{ renewalDate: "asc" }, { accountId: "asc" }],
    select: { renewalDate: true, arr: true, forecast: true, account: { select: { externalId: true, name: true, healthBand: true, healthScore: true } } },
  });
  return rows.map((r) => {
    const renewalDate = toIsoDate(r.renewalDate);
    const daysUntil = daysBetween(asOf, renewalDate);
    return {
      externalId: r.account.externalId,
      name: r.account.name,
      renewalDate,
      daysUntil,
      window: renewalWindow(daysUntil),
      arr: Number(r.arr),
      band: r.account.healthBand,
      score: r.account.healthScore,
      forecast: r.forecast,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The pipeline page

export interface PipelineCard {
  accountId: number;
  externalId: string;
  name: string;
  segment: Segment;
  arr: number;
  renewalDate: IsoDate;
  daysUntil: number;
  forecast: RenewalForecast | null;
  band: Band | null;
  score: number | null;
  aeName: string | null;
  csmName: string | null;
  lastTouchAt: IsoDate | null;
  /** The viewer may change the forecast and record the outcome. */
  editable: boolean;
}

export interface PipelineBucket {
  window: RenewalWindow;
  totals: PipelineTotals;
  cards: PipelineCard[];
}

export interface RenewalPipeline {
  buckets: PipelineBucket[];
  signature: { medianDays: number | null; signed: number; targetDays: number };
}

/** The order buckets are shown in: the work due soonest first, overdue last. */
export const PIPELINE_WINDOWS: readonly RenewalWindow[] = ["0-30", "31-60", "61-90", "later", "overdue"];

export async function getRenewalPipeline(viewer: CurrentUser, query: TPipelineQuery, asOf = todayIso()): Promise<RenewalPipeline> {
  const scope = accountScope(viewer, query);
  const rows = await db.renewal.findMany({
    where: openRenewalWhere(addDays(asOf, LATER_HORIZON_DAYS), scope),
    orderBy: [{ renewalDate: "asc" }, { accountId: "asc" }],
    select: {
      renewalDate: true,
      arr: true,
      forecast: true,
      account: {
        select: {
          id: true,
          externalId: true,
          name: true,
          segment: true,
          healthBand: true,
          healthScore: true,
          lastTouchAt: true,
          aeId: true,
          csmId: true,
          ae: { select: { name: true } },
          csm: { select: { name: true } },
        },
      },
    },
  });
  const cards = rows.map((r): PipelineCard => {
    const a = r.account;
    const renewalDate = toIsoDate(r.renewalDate);
    return {
      accountId: a.id,
      externalId: a.externalId,
      name: a.name,
      segment: a.segment,
      arr: Number(r.arr),
      renewalDate,
      daysUntil: daysBetween(asOf, renewalDate),
      forecast: r.forecast,
      band: a.healthBand,
      score: a.healthScore,
      aeName: a.ae?.name ?? null,
      csmName: a.csm?.name ?? null,
      lastTouchAt: a.lastTouchAt && toIsoDate(a.lastTouchAt),
      editable: canOnAccount(viewer, "renewal:edit", a),
    };
  });
  return {
    buckets: PIPELINE_WINDOWS.map((window) => {
      const inWindow = cards.filter((c) => renewalWindow(c.daysUntil) === window);
      return { window, cards: inWindow, totals: pipelineTotals(inWindow) };
    }),
    signature: await signatureTimes(scope, asOf),
  };
}

/** AEs see their own book unless they pick another AE (or all); others see everyone's. */
export function pipelineAe(viewer: CurrentUser, query: TPipelineQuery): number | "all" {
  return query.ae ?? (viewer.role === "ae" ? viewer.id : "all");
}

function accountScope(viewer: CurrentUser, query: TPipelineQuery): Prisma.AccountWhereInput {
  const ae = pipelineAe(viewer, query);
  return {
    ...(ae === "all" ? {} : { aeId: ae }),
    ...(query.csm ? { csmId: query.csm } : {}),
    ...(query.segment ? { segment: query.segment } : {}),
    ...(query.band ? { healthBand: query.band } : {}),
  };
}

/** Time to renewal signature over the renewals signed in the last year, in the same scope. */
async function signatureTimes(scope: Prisma.AccountWhereInput, asOf: IsoDate): Promise<RenewalPipeline["signature"]> {
  const signed = await db.renewal.findMany({
    where: { status: "closed", processStartedAt: { not: null }, signedAt: { gte: dateOnly(addDays(asOf, -365)), lte: dateOnly(asOf) }, account: scope },
    select: { processStartedAt: true, signedAt: true },
  });
  const days = signed.flatMap((r) => (r.processStartedAt && r.signedAt ? [daysToSignature(toIsoDate(r.processStartedAt), toIsoDate(r.signedAt))] : []));
  return { medianDays: median(days), signed: days.length, targetDays: SIGNATURE_TARGET_DAYS };
}

/** The people the filters offer: active AEs and CSMs. */
export async function listPipelineOwners(): Promise<{ aes: Owner[]; csms: Owner[] }> {
  const users = await db.user.findMany({ where: { active: true, role: { in: ["ae", "csm"] } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
  return { aes: users.filter((u) => u.role === "ae"), csms: users.filter((u) => u.role === "csm") };
}

export interface Owner {
  id: number;
  name: string;
}
