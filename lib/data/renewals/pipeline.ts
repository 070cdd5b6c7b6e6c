import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Band, RenewalForecast, Segment } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { addDays, daysBetween, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { SIGNATURE_TARGET_DAYS, type PipelineTotals } from "@/lib/domain/renewals";
import { windowTotals, type OpenRenewalGroup } from "@/lib/domain/renewal-rollup";
import { renewalWindow, type RenewalWindow } from "@/lib/domain/windows";
import type { TPipelineQuery } from "@/lib/validation/renewals";
import { dateOnly } from "../accounts/write";
import { ensureRenewalRollup, getOpenRenewalGroups, getSignatureTimes, LATER_HORIZON_DAYS } from "./rollup";
import { clock } from "@/lib/clock";

// The renewal pipeline (SPEC §4): open renewals by window for the AE home page and the API.
// Each view is a fixed number of queries whatever the number of accounts: the windows' totals and
// the signature times come from the renewal rollup (./rollup.ts), the cards are one indexed page
// per window.

/** "Later" on the page stops here: beyond it nothing is due for work yet. */
export { LATER_HORIZON_DAYS };

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
export async function listRenewalsDue(within: number, asOf = clock.today()): Promise<RenewalDueView[]> {
  const rows = await db.renewal.findMany({
    where: openRenewalWhere(addDays(asOf, within)),
    orderBy: [{ renewalDate: "asc" }, { accountId: "asc" }],
    select: {
      renewalDate: true,
      arr: true,
      forecast: true,
      account: { select: { externalId: true, name: true, healthBand: true, healthScore: true } },
    },
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
  /** One page of the window's renewals, soonest first (totals cover all of them). */
  cards: PipelineCard[];
  page: number;
  pageCount: number;
}

export interface RenewalPipeline {
  buckets: PipelineBucket[];
  /** The filtered book's open renewals grouped (for its figures: lib/domain/renewal-rollup.ts). */
  groups: OpenRenewalGroup[];
  signature: { medianDays: number | null; signed: number; targetDays: number };
}

/** The order buckets are shown in: overdue renewals first (they need work now), then soonest due. */
export const PIPELINE_WINDOWS: readonly RenewalWindow[] = ["overdue", "0-30", "31-60", "61-90", "later"];

/** Cards per window and page: a manager's pipeline over 50,000 accounts holds tens of thousands. */
export { PIPELINE_PAGE_SIZE } from "@/lib/domain/renewals";
import { PIPELINE_PAGE_SIZE } from "@/lib/domain/renewals";

/** The renewal dates of a window (inclusive), for a day. */
function windowDates(window: RenewalWindow, asOf: IsoDate): { gte?: IsoDate; lte: IsoDate } {
  const range: Record<RenewalWindow, [number | null, number]> = {
    overdue: [null, -1],
    "0-30": [0, 30],
    "31-60": [31, 60],
    "61-90": [61, 90],
    later: [91, LATER_HORIZON_DAYS],
  };
  const [from, to] = range[window];
  return { ...(from === null ? {} : { gte: addDays(asOf, from) }), lte: addDays(asOf, to) };
}

export async function getRenewalPipeline(
  viewer: CurrentUser,
  query: TPipelineQuery,
  asOf = clock.today(),
): Promise<RenewalPipeline> {
  const scopeSql = pipelineScopeSql(viewer, query);
  await ensureRenewalRollup(asOf);
  const [groups, signature, ...pages] = await Promise.all([
    getOpenRenewalGroups("rollup", scopeSql, asOf),
    getSignatureTimes("rollup", scopeSql, asOf),
    ...PIPELINE_WINDOWS.map((window) =>
      pipelineCards(viewer, scopeSql, window, query.window === window ? (query.page ?? 1) : 1, asOf),
    ),
  ]);
  const totals = windowTotals(groups);
  return {
    buckets: PIPELINE_WINDOWS.map((window, i) => {
      const t = totals.get(window) ?? { count: 0, arrDue: 0, arrAtRisk: 0, expectedArr: 0 };
      return {
        window,
        totals: t,
        cards: pages[i].cards,
        page: pages[i].page,
        pageCount: Math.max(1, Math.ceil(t.count / PIPELINE_PAGE_SIZE)),
      };
    }),
    groups,
    signature: { ...signature, targetDays: SIGNATURE_TARGET_DAYS },
  };
}

interface CardRow {
  accountId: number;
  externalId: string;
  name: string;
  segment: Segment;
  arr: number;
  renewalDate: IsoDate;
  forecast: RenewalForecast | null;
  band: Band | null;
  score: number | null;
  aeId: number | null;
  csmId: number | null;
  aeName: string | null;
  csmName: string | null;
  lastTouchAt: IsoDate | null;
}

/**
 * One page of a window's renewals, soonest first: one statement that walks the open renewals'
 * (renewalDate, accountId) index (Renewal_open_date_account_idx) in the page's order and stops
 * after the page, whatever the size of the book.
 */
async function pipelineCards(
  viewer: CurrentUser,
  scope: Prisma.Sql,
  window: RenewalWindow,
  page: number,
  asOf: IsoDate,
) {
  const { gte, lte } = windowDates(window, asOf);
  const rows = await db.$queryRaw<CardRow[]>`
SELECT a.id AS "accountId", a."externalId", a.name, a.segment, r.arr::float8 AS arr,
  to_char(r."renewalDate", 'YYYY-MM-DD') AS "renewalDate", r.forecast, a."healthBand" AS band, a."healthScore" AS score,
  a."aeId", a."csmId", ae.name AS "aeName", csm.name AS "csmName", to_char(a."lastTouchAt", 'YYYY-MM-DD') AS "lastTouchAt"
FROM "Renewal" r
JOIN "Account" a ON a.id = r."accountId"
LEFT JOIN "User" ae ON ae.id = a."aeId"
LEFT JOIN "User" csm ON csm.id = a."csmId"
WHERE r.status = 'open' AND a.status = 'active' AND r."renewalDate" <= ${lte}::date
  ${gte === undefined ? Prisma.empty : Prisma.sql`AND r."renewalDate" >= ${gte}::date`} AND ${scope}
ORDER BY r."renewalDate", r."accountId"
LIMIT ${PIPELINE_PAGE_SIZE} OFFSET ${(page - 1) * PIPELINE_PAGE_SIZE}`;
  const cards = rows.map((r): PipelineCard => ({
    accountId: r.accountId,
    externalId: r.externalId,
    name: r.name,
    segment: r.segment,
    arr: r.arr,
    renewalDate: r.renewalDate,
    daysUntil: daysBetween(asOf, r.renewalDate),
    forecast: r.forecast,
    band: r.band,
    score: r.score,
    aeName: r.aeName,
    csmName: r.csmName,
    lastTouchAt: r.lastTouchAt,
    editable: can(viewer, "renewal:edit", { aeId: r.aeId, csmId: r.csmId }),
  }));
  return { cards, page };
}

/** The pipeline's filters as SQL over "Account" a (the same book the pipeline page shows). */
export function pipelineScopeSql(viewer: CurrentUser, query: TPipelineQuery): Prisma.Sql {
  const ae = pipelineAe(viewer, query);
  const conditions = [
    ae === "all" ? null : Prisma.sql`a."aeId" = ${ae}`,
    query.csm ? Prisma.sql`a."csmId" = ${query.csm}` : null,
    query.segment ? Prisma.sql`a.segment = ${query.segment}::"Segment"` : null,
    query.band ? Prisma.sql`a."healthBand" = ${query.band}::"Band"` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** AEs see their own book unless they pick another AE (or all); others see everyone's. */
export function pipelineAe(viewer: CurrentUser, query: TPipelineQuery): number | "all" {
  return query.ae ?? (viewer.role === "ae" ? viewer.id : "all");
}

/** The people the filters offer: active AEs and CSMs. */
export async function listPipelineOwners(): Promise<{ aes: Owner[]; csms: Owner[] }> {
  const users = await db.user.findMany({
    where: { active: true, role: { in: ["ae", "csm"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
  return { aes: users.filter((u) => u.role === "ae"), csms: users.filter((u) => u.role === "csm") };
}

export interface Owner {
  id: number;
  name: string;
}
