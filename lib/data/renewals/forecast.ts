import "server-only";
import { RENEWAL_WINDOW_ENDS, type RenewalWindow } from "@/lib/domain/windows";
import { atRiskSql } from "../platform/rules.sql";
import { prismaSql, sqlText } from "../platform/sql";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Band, RenewalForecast } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/session";
import { type IsoDate } from "@/lib/domain/dates";
import { DUE_HORIZON_DAYS } from "@/lib/domain/renewals";
import {
  dueByHorizon,
  forecastQuarterGrr,
  quarterOf,
  type ForecastCategory,
  type ForecastGroup,
  type HorizonDue,
  type QuarterGrr,
} from "@/lib/domain/renewal-forecast";
import type { TPipelineQuery } from "@/lib/validation/renewals";
import { atRiskCount } from "@/lib/domain/renewal-rollup";
import { pipelineScopeSql } from "./pipeline";
import { ensureRenewalRollup, getOpenRenewalGroups, getQuarterLedger } from "./rollup";
import { clock } from "@/lib/clock";

// The forecast summary of the renewals page: the open renewals grouped by distance and forecast
// and the quarter's ARR ledger come from the renewal rollup (./rollup.ts), the largest at-risk
// renewals from one indexed walk; lib/domain/renewal-forecast.ts turns the groups into horizons
// and the quarter's GRR.

export const AT_RISK_LIMIT = 25;

export interface AtRiskRenewal {
  externalId: string;
  name: string;
  renewalDate: IsoDate;
  daysUntil: number;
  arr: number;
  band: Band | null;
  score: number | null;
  forecast: RenewalForecast | null;
}

export interface ForecastSummary {
  asOf: IsoDate;
  quarter: { start: IsoDate; end: IsoDate; label: string };
  /** Dollars per horizon and category. */
  horizons: (Omit<HorizonDue, "totalCents" | "byCategory"> & {
    total: number;
    byCategory: Record<ForecastCategory, number>;
  })[];
  overdue: { count: number; arr: number };
  grr: { startArr: number; lostSoFar: number; expectedLoss: number; grr: number | null };
  atRisk: AtRiskRenewal[];
  atRiskCount: number;
}

const dollars = (cents: number) => cents / 100;

export async function getForecastSummary(
  viewer: CurrentUser,
  query: TPipelineQuery,
  asOf = clock.today(),
): Promise<ForecastSummary> {
  const quarter = quarterOf(asOf);
  const scope = pipelineScopeSql(viewer, query);
  await ensureRenewalRollup(asOf);
  const [open, ledger, atRisk] = await Promise.all([
    getOpenRenewalGroups("rollup", scope, asOf),
    getQuarterLedger("rollup", scope, asOf),
    atRiskRenewals(scope, asOf, AT_RISK_LIMIT),
  ]);
  // The forecast reads renewals due within 90 days or by the quarter's end, and overdue ones.
  const groups = open
    .filter((g) => g.bucket !== "later" || g.inQuarter)
    .map((g): ForecastGroup => ({
      bucket: forecastBucket(g.bucket),
      inQuarter: g.inQuarter,
      forecast: g.forecast,
      arrCents: g.cents,
      count: g.count,
    }));
  const grr: QuarterGrr = forecastQuarterGrr({
    startArrCents: ledger.startCents,
    lostSoFarCents: ledger.lostCents,
    groups,
  });
  const overdue = groups.filter((g) => g.bucket === "overdue");
  return {
    asOf,
    quarter,
    horizons: dueByHorizon(groups).map((h) => ({
      days: h.days,
      count: h.count,
      total: dollars(h.totalCents),
      byCategory: Object.fromEntries(Object.entries(h.byCategory).map(([k, v]) => [k, dollars(v)])) as Record<
        ForecastCategory,
        number
      >,
    })),
    overdue: {
      count: overdue.reduce((s, g) => s + g.count, 0),
      arr: dollars(overdue.reduce((s, g) => s + g.arrCents, 0)),
    },
    grr: {
      startArr: dollars(grr.startArrCents),
      lostSoFar: dollars(grr.lostSoFarCents),
      expectedLoss: dollars(grr.expectedLossCents),
      grr: grr.grr,
    },
    atRisk,
    atRiskCount: atRiskCount(open),
  };
}

/** Every at-risk renewal of the filtered book (not only the page's largest 25), largest ARR first. */
export async function listAtRiskRenewals(
  viewer: CurrentUser,
  query: TPipelineQuery,
  asOf = clock.today(),
): Promise<AtRiskRenewal[]> {
  return atRiskRenewals(pipelineScopeSql(viewer, query), asOf);
}

/**
 * At-risk renewals (lib/domain/renewals.ts isAtRisk) due within DUE_HORIZON_DAYS, overdue ones
 * included, largest ARR first. With a limit (the page's list) it is one walk down the open
 * renewals' ARR index (Renewal_open_arr_idx) that stops at the limit-th match.
 */
async function atRiskRenewals(scope: Prisma.Sql, asOf: IsoDate, limit?: number): Promise<AtRiskRenewal[]> {
  const risky = prismaSql(atRiskSql(sqlText`a."healthBand"`, sqlText`r.forecast`));
  const rows = await db.$queryRaw<{ r: AtRiskRenewal }[]>`
SELECT json_build_object('externalId', t."externalId", 'name', t.name, 'renewalDate', to_char(t."renewalDate", 'YYYY-MM-DD'),
  'daysUntil', t.days, 'arr', t.arr::float8, 'band', t."healthBand", 'score', t."healthScore", 'forecast', t.forecast) AS r
FROM (
  SELECT r.id, r."renewalDate", r.arr, r.forecast, a."externalId", a.name, a."healthBand", a."healthScore",
    (r."renewalDate" - ${asOf}::date) AS days
  FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
  WHERE r.status = 'open' AND a.status = 'active' AND r."renewalDate" <= ${asOf}::date + ${DUE_HORIZON_DAYS}::int
    AND ${risky} AND ${scope}
  ORDER BY r.arr DESC, r.id ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}
) t ORDER BY t.arr DESC, t.id`;
  return rows.map((row) => row.r);
}

/** The forecast's buckets are the renewal windows, named by their last day (30, 60, 90). */
function forecastBucket(window: RenewalWindow): ForecastGroup["bucket"] {
  if (window === "overdue" || window === "later") return window;
  return RENEWAL_WINDOW_ENDS.find((w) => w.window === window)?.lastDay as 30 | 60 | 90;
}
