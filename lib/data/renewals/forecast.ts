import "server-only";
import { RENEWAL_WINDOW_ENDS, type RenewalWindow } from "@/lib/domain/windows";
import { atRiskSql, renewalWindowSql } from "../platform/rules.sql";
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
import { pipelineScopeSql } from "./pipeline";
import { clock } from "@/lib/clock";

// The forecast summary of the renewals page: one statement groups the open renewals by
// distance and forecast, reads the quarter's ARR ledger and picks the largest at-risk renewals;
// lib/domain/renewal-forecast.ts turns the groups into horizons and the quarter's GRR.

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

interface Row {
  groups: { bucket: string; in_quarter: boolean; forecast: RenewalForecast | null; cents: number; n: number }[] | null;
  start_cents: number;
  lost_cents: number;
  at_risk: AtRiskRenewal[] | null;
  at_risk_count: number;
}

const dollars = (cents: number) => cents / 100;

export async function getForecastSummary(
  viewer: CurrentUser,
  query: TPipelineQuery,
  asOf = clock.today(),
): Promise<ForecastSummary> {
  const quarter = quarterOf(asOf);
  const [row] = await db.$queryRaw<Row[]>(
    forecastSql(pipelineScopeSql(viewer, query), asOf, quarter.start, quarter.end),
  );
  const groups = (row.groups ?? []).map((g): ForecastGroup => ({
    bucket: forecastBucket(g.bucket as RenewalWindow),
    inQuarter: g.in_quarter,
    forecast: g.forecast,
    arrCents: Number(g.cents),
    count: g.n,
  }));
  const grr: QuarterGrr = forecastQuarterGrr({
    startArrCents: Number(row.start_cents),
    lostSoFarCents: Number(row.lost_cents),
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
    atRisk: row.at_risk ?? [],
    atRiskCount: row.at_risk_count,
  };
}

// Renewals up to 90 days out or to the quarter's end (whichever is later), and overdue ones.
// At risk = red or yellow health, or forecast at risk / lost (lib/domain/renewals.ts isAtRisk).
function openRenewalsCtes(scope: Prisma.Sql, asOf: IsoDate, quarterEnd: IsoDate): Prisma.Sql {
  return Prisma.sql`scope AS (
  SELECT a.id, a.status, a."externalId", a.name, a."healthBand", a."healthScore" FROM "Account" a WHERE ${scope}
), open_r AS (
  SELECT r.id, r."renewalDate", r.arr, r.forecast, s."externalId", s.name, s."healthBand", s."healthScore",
    (r."renewalDate" - ${asOf}::date) AS days
  FROM "Renewal" r JOIN scope s ON s.id = r."accountId"
  WHERE r.status = 'open' AND s.status = 'active' AND r."renewalDate" <= GREATEST(${asOf}::date + 90, ${quarterEnd}::date)
), risky AS (
  SELECT * FROM open_r WHERE days <= ${DUE_HORIZON_DAYS} AND ${prismaSql(atRiskSql(sqlText`"healthBand"`, sqlText`forecast`))}
)`;
}

/** One at-risk renewal of the CTE row t as JSON (the page's list and the CSV export). */
const AT_RISK_JSON = Prisma.sql`json_build_object('externalId', t."externalId", 'name', t.name, 'renewalDate', to_char(t."renewalDate", 'YYYY-MM-DD'),
     'daysUntil', t.days, 'arr', t.arr::float8, 'band', t."healthBand", 'score', t."healthScore", 'forecast', t.forecast)`;

/** Every at-risk renewal of the filtered book (not only the page's largest 25), largest ARR first. */
export async function listAtRiskRenewals(
  viewer: CurrentUser,
  query: TPipelineQuery,
  asOf = clock.today(),
): Promise<AtRiskRenewal[]> {
  const rows = await db.$queryRaw<{ r: AtRiskRenewal }[]>(Prisma.sql`
WITH ${openRenewalsCtes(pipelineScopeSql(viewer, query), asOf, quarterOf(asOf).end)}
SELECT ${AT_RISK_JSON} AS r FROM risky t ORDER BY t.arr DESC, t.id`);
  return rows.map((row) => row.r);
}

function forecastSql(scope: Prisma.Sql, asOf: IsoDate, quarterStart: IsoDate, quarterEnd: IsoDate): Prisma.Sql {
  return Prisma.sql`
WITH ${openRenewalsCtes(scope, asOf, quarterEnd)}, grouped AS (
  SELECT ${prismaSql(renewalWindowSql(sqlText`days`))} AS bucket,
    "renewalDate" <= ${quarterEnd}::date AS in_quarter, forecast, SUM(arr * 100)::float8 AS cents, COUNT(*)::int AS n
  FROM open_r GROUP BY 1, 2, 3
), top_risky AS (
  SELECT * FROM risky ORDER BY arr DESC, id LIMIT ${AT_RISK_LIMIT}
), ledger AS (
  SELECT COALESCE(SUM(m.amount) FILTER (WHERE m.date < ${quarterStart}::date), 0) * 100 AS start_cents,
    -COALESCE(SUM(m.amount) FILTER (WHERE m.date >= ${quarterStart}::date AND m.date <= ${asOf}::date AND m.type IN ('churn', 'contraction')), 0) * 100 AS lost_cents
  FROM "ArrMovement" m JOIN scope s ON s.id = m."accountId"
)
SELECT
  (SELECT json_agg(grouped) FROM grouped) AS groups,
  ledger.start_cents::float8 AS start_cents,
  ledger.lost_cents::float8 AS lost_cents,
  (SELECT json_agg(${AT_RISK_JSON} ORDER BY t.arr DESC, t.id) FROM top_risky t) AS at_risk,
  (SELECT COUNT(*)::int FROM risky) AS at_risk_count
FROM ledger`;
}

/** The forecast's buckets are the renewal windows, named by their last day (30, 60, 90). */
function forecastBucket(window: RenewalWindow): ForecastGroup["bucket"] {
  if (window === "overdue" || window === "later") return window;
  return RENEWAL_WINDOW_ENDS.find((w) => w.window === window)?.lastDay as 30 | 60 | 90;
}
