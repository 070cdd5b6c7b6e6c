import "server-only";
import { db } from "@/lib/db";
import {
  computeMetrics,
  ONBOARDING_DAYS,
  toCents,
  type ArrFacts,
  type BandCounts,
  type CsCostFact,
  type MetricFacts,
  type MetricsReport,
  type OnboardingFact,
  type Period,
  type Tally,
} from "@/lib/domain/metrics";

// The facts of SPEC §5's metrics for one period, in a fixed handful of set-based queries (none
// per account), handed to the pure functions of lib/domain/metrics.ts. Money leaves PostgreSQL
// as numeric text so it is parsed to cents exactly; dates leave as YYYY-MM-DD text.

/** Every metric of SPEC §5 for the period `from`..`to` (both included). */
export async function getMetricsReport(period: Period): Promise<MetricsReport> {
  return computeMetrics(await loadMetricFacts(period), period);
}

async function loadMetricFacts(period: Period): Promise<MetricFacts> {
  const [arr, scalars, surveys, signatureDays, bands, onboarding, csCosts] = await Promise.all([
    loadArrFacts(period),
    loadScalars(period),
    loadSurveyTallies(period),
    loadSignatureDays(period),
    loadBands(period),
    loadOnboarding(period),
    loadCsCosts(period),
  ]);
  return { arr, ...scalars, ...surveys, signatureDays, bands, onboarding, csCosts };
}

interface BalanceRow {
  startArr: string;
  startAccounts: number;
  endArr: string;
  endAccounts: number;
}

interface MovementRow {
  type: string;
  amount: string;
  accounts: number;
}

/** The ARR ledger: balances before `from` and up to `to` per account, and the period's movements by type. */
export async function loadArrFacts({ from, to }: Period): Promise<ArrFacts> {
  const [balances, movements] = await Promise.all([
    db.$queryRaw<BalanceRow[]>`
      SELECT coalesce(sum(start_arr), 0)::text AS "startArr",
        count(*) FILTER (WHERE start_arr > 0)::int AS "startAccounts",
        coalesce(sum(end_arr), 0)::text AS "endArr",
        count(*) FILTER (WHERE end_arr > 0)::int AS "endAccounts"
      FROM (
        SELECT sum(amount) FILTER (WHERE date < ${from}::date) AS start_arr, sum(amount) AS end_arr
        FROM "ArrMovement" WHERE date <= ${to}::date GROUP BY "accountId"
      ) balances`,
    db.$queryRaw<MovementRow[]>`
      SELECT type::text AS type, sum(amount)::text AS amount, count(DISTINCT "accountId")::int AS accounts
      FROM "ArrMovement" WHERE date BETWEEN ${from}::date AND ${to}::date GROUP BY type`,
  ]);
  const [balance] = balances;
  const byType = new Map(movements.map((m) => [m.type, m]));
  // Losses are stored negative; ArrFacts holds them as positive magnitudes.
  const cents = (type: string) => toCents(byType.get(type)?.amount ?? "0");
  return {
    startArrCents: toCents(balance.startArr),
    startAccounts: balance.startAccounts,
    newCents: cents("new"),
    reactivationCents: cents("reactivation"),
    expansionCents: cents("expansion"),
    contractionCents: -cents("contraction"),
    churnedCents: -cents("churn"),
    churnedAccounts: byType.get("churn")?.accounts ?? 0,
    endArrCents: toCents(balance.endArr),
    endAccounts: balance.endAccounts,
  };
}

interface ScalarRow {
  arrDue: string;
  won: number;
  lost: number;
  referenceContacts: number;
}

/**
 * ARR due for renewal (renewals dated in the period, any outcome), expansion deals closed in
 * it, and reference-willing contacts at active accounts — the flag is not dated, so that count
 * is today's whatever the period.
 */
async function loadScalars({ from, to }: Period) {
  const [row] = await db.$queryRaw<ScalarRow[]>`
    SELECT
      (SELECT coalesce(sum(arr), 0)::text FROM "Renewal" WHERE "renewalDate" BETWEEN ${from}::date AND ${to}::date) AS "arrDue",
      (SELECT count(*)::int FROM "ExpansionOpportunity" WHERE status = 'won' AND "closedAt" BETWEEN ${from}::date AND ${to}::date) AS won,
      (SELECT count(*)::int FROM "ExpansionOpportunity" WHERE status = 'lost' AND "closedAt" BETWEEN ${from}::date AND ${to}::date) AS lost,
      (SELECT count(*)::int FROM "Contact" c JOIN "Account" a ON a.id = c."accountId"
        WHERE c."referenceWilling" AND a.status = 'active') AS "referenceContacts"`;
  return {
    arrDueForRenewalCents: toCents(row.arrDue),
    opportunities: { won: row.won, lost: row.lost },
    referenceContacts: row.referenceContacts,
  };
}

interface TallyRow {
  value: number;
  count: number;
}

async function loadSurveyTallies({ from, to }: Period): Promise<{ nps: Tally; csat: Tally }> {
  const rows = await db.$queryRaw<(TallyRow & { type: string })[]>`
    SELECT type::text AS type, score AS value, count(*)::int AS count
    FROM "SurveyResponse" WHERE "respondedAt" BETWEEN ${from}::date AND ${to}::date GROUP BY type, score`;
  const of = (type: string) => rows.filter((r) => r.type === type).map(({ value, count }) => ({ value, count }));
  return { nps: of("nps"), csat: of("csat") };
}

/** Days from process start to signature of the renewals signed in the period, as a tally. */
function loadSignatureDays({ from, to }: Period): Promise<Tally> {
  return db.$queryRaw<TallyRow[]>`
    SELECT ("signedAt" - "processStartedAt")::int AS value, count(*)::int AS count
    FROM "Renewal"
    WHERE "signedAt" BETWEEN ${from}::date AND ${to}::date AND "processStartedAt" IS NOT NULL
    GROUP BY 1`;
}

/**
 * Bands of the accounts active on `to` (contract started, not yet churned), each from its latest
 * snapshot up to `to`: one index lookup per account, instead of reading every snapshot.
 */
async function loadBands({ to }: Period): Promise<BandCounts> {
  const rows = await db.$queryRaw<{ band: keyof BandCounts; count: number }[]>`
    SELECT latest.band::text AS band, count(*)::int AS count
    FROM "Account" a
    CROSS JOIN LATERAL (
      SELECT s.band FROM "HealthSnapshot" s
      WHERE s."accountId" = a.id AND s."asOf" <= ${to}::date
      ORDER BY s."asOf" DESC LIMIT 1
    ) latest
    WHERE a."contractStart" <= ${to}::date AND (a.status = 'active' OR a."churnedAt" > ${to}::date) AND latest.band IS NOT NULL
    GROUP BY latest.band`;
  const bands: BandCounts = { red: 0, yellow: 0, green: 0, purple: 0 };
  for (const row of rows) bands[row.band] = row.count;
  return bands;
}

/**
 * Accounts with onboarding milestones whose 90-day onboarding ends in the period (completion)
 * or whose initial value was reached in it (time to value), with their milestones.
 */
function loadOnboarding({ from, to }: Period): Promise<OnboardingFact[]> {
  return db.$queryRaw<OnboardingFact[]>`
    SELECT to_char(a."contractStart", 'YYYY-MM-DD') AS "contractStart",
      jsonb_object_agg(m.key, to_char(m."reachedAt", 'YYYY-MM-DD')) AS reached
    FROM "Account" a JOIN "OnboardingMilestone" m ON m."accountId" = a.id
    WHERE a."contractStart" BETWEEN ${from}::date - ${ONBOARDING_DAYS}::int AND ${to}::date - ${ONBOARDING_DAYS}::int
      OR a.id IN (
        SELECT "accountId" FROM "OnboardingMilestone"
        WHERE key = 'initial_value' AND "reachedAt" BETWEEN ${from}::date AND ${to}::date
      )
    GROUP BY a.id`;
}

/** CS cost entries overlapping the period (the pure code prorates them). */
function loadCsCosts({ from, to }: Period): Promise<CsCostFact[]> {
  return db.$queryRaw<CsCostFact[]>`
    SELECT to_char("periodStart", 'YYYY-MM-DD') AS "periodStart", to_char("periodEnd", 'YYYY-MM-DD') AS "periodEnd",
      amount::text AS amount, "grossMarginPct"
    FROM "CsCost" WHERE "periodStart" <= ${to}::date AND "periodEnd" >= ${from}::date`;
}
