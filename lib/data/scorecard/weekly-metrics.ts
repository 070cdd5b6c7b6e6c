import "server-only";
import { db } from "@/lib/db";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import {
  expansionRate,
  grossRevenueRetention,
  logoChurnRate,
  netPromoterScore,
  csatMean,
  netRevenueRetention,
  onboardingCompletion,
  averageMrrPerAccount,
  revenueChurnRate,
  timeToValueDays,
  toCents,
  unhealthyShare,
  ONBOARDING_DAYS,
  type ArrFacts,
  type BandCounts,
  type MetricKey,
  type OnboardingFact,
} from "@/lib/domain/metrics";
import type { ScorecardMetricKey } from "@/lib/domain/metrics-catalogue";
import { getMetricsReport } from "../dashboards/metrics";
import { statement } from "../platform/sql";

// The scorecard's metrics for many weeks at once. Each family is one set-based query over every
// requested week (the weeks are unnested in SQL and joined), never a query per account or per
// measurable; the arithmetic is lib/domain/metrics.ts's. A week's figure is measured on its
// last day (or today for the week under way) over the metric's window (metrics-catalogue.ts).

/** A week to measure: its Monday and the day it is measured on. */
export interface WeekPoint {
  start: IsoDate;
  measuredOn: IsoDate;
}

/** metric → week start → value (null: not measurable that week). */
export type WeeklyValues = Map<ScorecardMetricKey, Map<IsoDate, number | null>>;

const ARR_METRICS = {
  grr: (f: ArrWeek) => grossRevenueRetention(f.arr),
  nrr: (f: ArrWeek) => netRevenueRetention(f.arr),
  logoChurnRate: (f: ArrWeek) => logoChurnRate(f.arr),
  revenueChurnRate: (f: ArrWeek) => revenueChurnRate(f.arr, f.arrDueCents),
  averageMrrPerAccount: (f: ArrWeek) => averageMrrPerAccount(f.arr),
  expansionRate: (f: ArrWeek) => expansionRate(f.arr),
} satisfies Partial<Record<MetricKey, (f: ArrWeek) => number | null>>;

const SURVEY_METRICS = { nps: netPromoterScore, csat: csatMean } as const;
const ONBOARDING_METRICS = { onboardingCompletion, timeToValueDays } as const;
const OPERATIONAL_METRICS = ["accountsTouched", "overdueTasks", "renewalsSignedVsDue"] as const;

const has = <K extends string>(family: Record<K, unknown> | readonly K[], key: string): key is K =>
  Array.isArray(family) ? family.includes(key as K) : key in family;

/** Start of the trailing window of `days` days ending on `day`. */
const windowStart = (day: IsoDate, days: number) => addDays(day, -(days - 1));

/**
 * The values of `keys` for each of `weeks`: a handful of queries whatever the number of weeks
 * (one per metric family needed), plus one report per week for the rarely used metrics that
 * have no weekly family.
 */
export async function computeWeeklyValues(
  keys: Iterable<ScorecardMetricKey>,
  weeks: readonly WeekPoint[],
): Promise<WeeklyValues> {
  const wanted = [...new Set(keys)];
  const out: WeeklyValues = new Map(wanted.map((k) => [k, new Map()]));
  if (weeks.length === 0 || wanted.length === 0) return out;
  const set = (key: ScorecardMetricKey, week: IsoDate, value: number | null) => out.get(key)?.set(week, value);

  const jobs: Promise<void>[] = [];
  const arrKeys = wanted.filter((k) => has(ARR_METRICS, k));
  if (arrKeys.length) {
    jobs.push(
      loadArrWeeks(weeks).then((rows) => {
        for (const row of rows) for (const key of arrKeys) set(key, row.start, ARR_METRICS[key](row));
      }),
    );
  }
  if (wanted.includes("unhealthyShare")) {
    jobs.push(
      loadBandWeeks(weeks).then((rows) =>
        rows.forEach((bands, start) => set("unhealthyShare", start, unhealthyShare(bands))),
      ),
    );
  }
  const surveyKeys = wanted.filter((k) => has(SURVEY_METRICS, k));
  if (surveyKeys.length) {
    jobs.push(
      loadSurveyWeeks(weeks).then((rows) => {
        for (const week of weeks) {
          const tally = rows.filter((r) => r.start === week.start);
          for (const key of surveyKeys) set(key, week.start, SURVEY_METRICS[key](tally.filter((r) => r.type === key)));
        }
      }),
    );
  }
  const onboardingKeys = wanted.filter((k) => has(ONBOARDING_METRICS, k));
  if (onboardingKeys.length) {
    jobs.push(
      loadOnboardingFacts(weeks).then((facts) => {
        for (const week of weeks) {
          const period = { from: windowStart(week.measuredOn, 90), to: week.measuredOn };
          for (const key of onboardingKeys) set(key, week.start, ONBOARDING_METRICS[key](facts, period));
        }
      }),
    );
  }
  const operationalKeys = wanted.filter((k) => has(OPERATIONAL_METRICS, k));
  if (operationalKeys.length) {
    jobs.push(
      loadOperationalWeeks(weeks).then((rows) => {
        for (const row of rows) {
          const values = {
            accountsTouched: row.touched,
            overdueTasks: row.overdue,
            renewalsSignedVsDue: row.due ? Math.round((row.signed / row.due) * 10_000) / 10_000 : null,
          };
          for (const key of operationalKeys) set(key, row.start, values[key]);
        }
      }),
    );
  }
  const handled = new Set<string>([...arrKeys, ...surveyKeys, ...onboardingKeys, ...operationalKeys, "unhealthyShare"]);
  const others = wanted.filter((k) => !handled.has(k));
  if (others.length) {
    // One full report per week over the metric's trailing year: a few queries per week.
    jobs.push(
      (async () => {
        for (const week of weeks) {
          const report = await getMetricsReport({ from: windowStart(week.measuredOn, 365), to: week.measuredOn });
          for (const key of others) set(key, week.start, report.metrics[key as MetricKey] ?? null);
        }
      })(),
    );
  }
  await Promise.all(jobs);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Families

interface ArrWeek {
  start: IsoDate;
  arr: ArrFacts;
  arrDueCents: number;
}

interface ArrRow {
  start: string;
  startArr: string;
  startAccounts: number;
  endArr: string;
  endAccounts: number;
  newArr: string;
  reactivation: string;
  expansion: string;
  contraction: string;
  churn: string;
  churnedAccounts: number;
  arrDue: string;
}

// $1 week starts, $2 measured-on days: the ledger of the 365 days ending on each measured-on day.
const ARR_SQL = statement`
WITH pts AS (SELECT unnest($1::date[]) AS ws, unnest($2::date[]) AS d)
SELECT to_char(p.ws, 'YYYY-MM-DD') AS start, b.*, m.*, r."arrDue"
FROM pts p
CROSS JOIN LATERAL (
  SELECT coalesce(sum(start_arr), 0)::text AS "startArr", count(*) FILTER (WHERE start_arr > 0)::int AS "startAccounts",
    coalesce(sum(end_arr), 0)::text AS "endArr", count(*) FILTER (WHERE end_arr > 0)::int AS "endAccounts"
  FROM (
    SELECT sum(amount) FILTER (WHERE date < p.d - 364) AS start_arr, sum(amount) AS end_arr
    FROM "ArrMovement" WHERE date <= p.d GROUP BY "accountId"
  ) balances
) b
CROSS JOIN LATERAL (
  SELECT coalesce(sum(amount) FILTER (WHERE type = 'new'), 0)::text AS "newArr",
    coalesce(sum(amount) FILTER (WHERE type = 'reactivation'), 0)::text AS reactivation,
    coalesce(sum(amount) FILTER (WHERE type = 'expansion'), 0)::text AS expansion,
    coalesce(sum(amount) FILTER (WHERE type = 'contraction'), 0)::text AS contraction,
    coalesce(sum(amount) FILTER (WHERE type = 'churn'), 0)::text AS churn,
    count(DISTINCT "accountId") FILTER (WHERE type = 'churn')::int AS "churnedAccounts"
  FROM "ArrMovement" WHERE date BETWEEN p.d - 364 AND p.d
) m
CROSS JOIN LATERAL (
  SELECT coalesce(sum(arr), 0)::text AS "arrDue" FROM "Renewal" WHERE "renewalDate" BETWEEN p.d - 364 AND p.d
) r`;

async function loadArrWeeks(weeks: readonly WeekPoint[]): Promise<ArrWeek[]> {
  const rows = await db.$queryRaw<ArrRow[]>(
    ARR_SQL(
      weeks.map((w) => w.start),
      weeks.map((w) => w.measuredOn),
    ),
  );
  return rows.map((r) => ({
    start: r.start,
    arrDueCents: toCents(r.arrDue),
    arr: {
      startArrCents: toCents(r.startArr),
      startAccounts: r.startAccounts,
      newCents: toCents(r.newArr),
      reactivationCents: toCents(r.reactivation),
      expansionCents: toCents(r.expansion),
      contractionCents: -toCents(r.contraction),
      churnedCents: -toCents(r.churn),
      churnedAccounts: r.churnedAccounts,
      endArrCents: toCents(r.endArr),
      endAccounts: r.endAccounts,
    },
  }));
}

// Bands on past days come from each account's latest snapshot up to the day (one index lookup
// per account); on a day at or after the latest scoring they are the accounts' current bands.
const PAST_BANDS_SQL = statement`
WITH pts AS (SELECT unnest($1::date[]) AS ws, unnest($2::date[]) AS d)
SELECT to_char(p.ws, 'YYYY-MM-DD') AS start, latest.band::text AS band, count(*)::int AS count
FROM pts p
JOIN "Account" a ON a."contractStart" <= p.d AND (a.status = 'active' OR a."churnedAt" > p.d)
CROSS JOIN LATERAL (
  SELECT s.band FROM "HealthSnapshot" s WHERE s."accountId" = a.id AND s."asOf" <= p.d ORDER BY s."asOf" DESC LIMIT 1
) latest
WHERE latest.band IS NOT NULL
GROUP BY p.ws, latest.band`;

const CURRENT_BANDS_SQL = statement`
SELECT "healthBand"::text AS band, count(*)::int AS count FROM "Account"
WHERE status = 'active' AND "healthBand" IS NOT NULL GROUP BY "healthBand"`;

async function loadBandWeeks(weeks: readonly WeekPoint[]): Promise<Map<IsoDate, BandCounts>> {
  const [latest] = await db.$queryRaw<
    { day: string | null }[]
  >`SELECT to_char(max("healthAsOf"), 'YYYY-MM-DD') AS day FROM "Account" WHERE status = 'active'`;
  const isCurrent = (w: WeekPoint) => latest.day !== null && w.measuredOn >= latest.day;
  const past = weeks.filter((w) => !isCurrent(w));
  const current = weeks.filter(isCurrent);
  const [pastRows, currentRows] = await Promise.all([
    past.length
      ? db.$queryRaw<{ start: string; band: keyof BandCounts; count: number }[]>(
          PAST_BANDS_SQL(
            past.map((w) => w.start),
            past.map((w) => w.measuredOn),
          ),
        )
      : [],
    current.length ? db.$queryRaw<{ band: keyof BandCounts; count: number }[]>(CURRENT_BANDS_SQL()) : [],
  ]);
  const out = new Map<IsoDate, BandCounts>(weeks.map((w) => [w.start, { red: 0, yellow: 0, green: 0, purple: 0 }]));
  const counts = (start: IsoDate): BandCounts => out.get(start) ?? { red: 0, yellow: 0, green: 0, purple: 0 };
  for (const row of pastRows) counts(row.start)[row.band] = row.count;
  for (const week of current) for (const row of currentRows) counts(week.start)[row.band] = row.count;
  return out;
}

const SURVEYS_SQL = statement`
WITH pts AS (SELECT unnest($1::date[]) AS ws, unnest($2::date[]) AS d)
SELECT to_char(p.ws, 'YYYY-MM-DD') AS start, s.type::text AS type, s.score AS value, count(*)::int AS count
FROM pts p JOIN "SurveyResponse" s ON s."respondedAt" BETWEEN p.d - 89 AND p.d
GROUP BY p.ws, s.type, s.score`;

function loadSurveyWeeks(weeks: readonly WeekPoint[]) {
  return db.$queryRaw<{ start: string; type: string; value: number; count: number }[]>(
    SURVEYS_SQL(
      weeks.map((w) => w.start),
      weeks.map((w) => w.measuredOn),
    ),
  );
}

/** Onboarding facts of every account any of the weeks' trailing 90 days can count (one query). */
function loadOnboardingFacts(weeks: readonly WeekPoint[]): Promise<OnboardingFact[]> {
  const from = windowStart(
    weeks.reduce((min, w) => (w.measuredOn < min ? w.measuredOn : min), weeks[0].measuredOn),
    90,
  );
  const to = weeks.reduce((max, w) => (w.measuredOn > max ? w.measuredOn : max), weeks[0].measuredOn);
  return db.$queryRaw<OnboardingFact[]>(
    statement`SELECT to_char(a."contractStart", 'YYYY-MM-DD') AS "contractStart",
       jsonb_object_agg(m.key, to_char(m."reachedAt", 'YYYY-MM-DD')) AS reached
     FROM "Account" a JOIN "OnboardingMilestone" m ON m."accountId" = a.id
     WHERE a."contractStart" BETWEEN $1::date - $3::int AND $2::date - $3::int
       OR a.id IN (SELECT "accountId" FROM "OnboardingMilestone" WHERE key = 'initial_value' AND "reachedAt" BETWEEN $1::date AND $2::date)
     GROUP BY a.id`(from, to, ONBOARDING_DAYS),
  );
}

// Touched: accounts with a touchpoint in the week up to its measured-on day. Overdue: tasks that
// existed on that day, were not done by then and were due before it. Renewals: those dated in
// the week, and of them the ones signed (not churned) by the measured-on day.
const OPERATIONAL_SQL = statement`
WITH pts AS (SELECT unnest($1::date[]) AS ws, unnest($2::date[]) AS d)
SELECT to_char(p.ws, 'YYYY-MM-DD') AS start,
  (SELECT count(DISTINCT t."accountId")::int FROM "Touchpoint" t WHERE t."occurredAt" BETWEEN p.ws AND p.d) AS touched,
  (SELECT count(*)::int FROM "Task" k
    WHERE k."dueDate" < p.d AND k."createdAt" < p.d + 1 AND k.status <> 'cancelled'
      AND (k.status = 'open' OR k."completedAt" >= p.d + 1)) AS overdue,
  (SELECT count(*)::int FROM "Renewal" r WHERE r."renewalDate" BETWEEN p.ws AND p.ws + 6) AS due,
  (SELECT count(*)::int FROM "Renewal" r WHERE r."renewalDate" BETWEEN p.ws AND p.ws + 6
    AND r."signedAt" <= p.d AND r.outcome <> 'churned') AS signed
FROM pts p`;

function loadOperationalWeeks(weeks: readonly WeekPoint[]) {
  return db.$queryRaw<{ start: string; touched: number; overdue: number; due: number; signed: number }[]>(
    OPERATIONAL_SQL(
      weeks.map((w) => w.start),
      weeks.map((w) => w.measuredOn),
    ),
  );
}
