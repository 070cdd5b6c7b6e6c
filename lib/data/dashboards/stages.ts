import "server-only";
import { HEALTH_WINDOW_DAYS } from "@/lib/domain/health";
import { RENEWAL_HORIZON_DAYS } from "@/lib/domain/windows";
import { EFFECTIVE_STAGE, isPromoterSql, renewalWindowSql, snapshotMeasureSql } from "../platform/rules.sql";
import type { MeasureKey } from "@/lib/domain/health-model";
import { prismaSql, sqlText } from "../platform/sql";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Band, RenewalForecast, Segment } from "@/lib/generated/prisma/enums";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import {
  churnReasonLabel,
  DASHBOARD_RENEWAL_WINDOWS,
  MILESTONE_KEYS,
  retentionSeries,
  trailingYearPeriods,
  weeklyHealthMix,
  type DashboardRenewalWindow,
  type DashboardStage,
  type HealthMixPoint,
  type MovementTotal,
  type RetentionPoint,
  type SnapshotCount,
} from "@/lib/domain/dashboards";
import { median, toCents, type Tally } from "@/lib/domain/metrics";
import { stageSortDirection, type TStageTableQuery } from "@/lib/validation/dashboards";
import { clock } from "@/lib/clock";
import { getRenewalFigures, type RenewalFigures } from "../renewals/figures";

// The lifecycle-stage dashboards and the executive portfolio: every figure is one aggregate
// query over the accounts in the stage (never a query per account, never every account in JS).
// An account's stage is its manual override, else its derived stage (SPEC §4); the expression
// matches the index "Account_effective_stage_idx".

const inStage = (stage: DashboardStage) =>
  Prisma.sql`a.status = 'active' AND ${prismaSql(EFFECTIVE_STAGE)} = ${stage}::"LifecycleStage"`;

/** The snapshot's raw value of a measure is at or above its target (an upsell trigger). */
export const reachesTarget = (measure: MeasureKey) =>
  sqlText`${snapshotMeasureSql(sqlText`s.measures`, measure, "raw")} >= ${snapshotMeasureSql(sqlText`s.measures`, measure, "target")}`;

const money = (text: string | null | undefined) => toCents(text ?? "0") / 100;

// ---------------------------------------------------------------------------------------------
// Tiles shared by every stage

export interface StageTotals {
  accounts: number;
  arr: number;
  scored: number;
  unhealthy: number;
  averageScore: number | null;
}

export async function getStageTotals(stage: DashboardStage): Promise<StageTotals> {
  const [row] = await db.$queryRaw<
    { accounts: number; arr: string; scored: number; unhealthy: number; averageScore: number | null }[]
  >`
    SELECT count(*)::int AS accounts, coalesce(sum(a.arr), 0)::text AS arr,
      count(a."healthBand")::int AS scored,
      count(*) FILTER (WHERE a."healthBand" IN ('red', 'yellow'))::int AS unhealthy,
      round(avg(a."healthScore"))::int AS "averageScore"
    FROM "Account" a WHERE ${inStage(stage)}`;
  return { ...row, arr: money(row.arr) };
}

// ---------------------------------------------------------------------------------------------
// Onboarding: milestone progress and time to value

export interface MilestoneProgress {
  key: string;
  done: number;
  overdue: number;
  open: number;
}

export interface OnboardingCharts {
  milestones: MilestoneProgress[];
  /** Days from contract start to "initial value", for the accounts that reached it in the last 365 days. */
  timeToValue: Tally;
  medianTimeToValue: number | null;
}

export async function getOnboardingCharts(stage: DashboardStage, today = clock.today()): Promise<OnboardingCharts> {
  const [milestones, timeToValue] = await Promise.all([
    db.$queryRaw<MilestoneProgress[]>`
      SELECT m.key,
        count(*) FILTER (WHERE m."reachedAt" IS NOT NULL)::int AS done,
        count(*) FILTER (WHERE m."reachedAt" IS NULL AND m."targetDate" < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE m."reachedAt" IS NULL AND m."targetDate" >= ${today}::date)::int AS open
      FROM "OnboardingMilestone" m JOIN "Account" a ON a.id = m."accountId"
      WHERE ${inStage(stage)}
      GROUP BY m.key`,
    db.$queryRaw<{ value: number; count: number }[]>`
      SELECT (m."reachedAt" - a."contractStart")::int AS value, count(*)::int AS count
      FROM "OnboardingMilestone" m JOIN "Account" a ON a.id = m."accountId"
      WHERE m.key = 'initial_value' AND m."reachedAt" BETWEEN ${addDays(today, -364)}::date AND ${today}::date
      GROUP BY 1 ORDER BY 1`,
  ]);
  const byKey = new Map(milestones.map((m) => [m.key, m]));
  return {
    milestones: MILESTONE_KEYS.map((key) => byKey.get(key) ?? { key, done: 0, overdue: 0, open: 0 }),
    timeToValue,
    medianTimeToValue: median(timeToValue),
  };
}

// ---------------------------------------------------------------------------------------------
// Adoption: weekly active-user ratio and feature usage depth

export interface AdoptionWeek {
  /** The last day of the week. */
  week: IsoDate;
  /** Active users per seat per day (a day without usage counts as zero). */
  activeUserRatio: number | null;
  /** Mean daily share of the purchased features used. */
  featureDepth: number | null;
}

export const ADOPTION_WEEKS = 13;

/**
 * The stage's usage per week (weeks end on `today`), over today's accounts in the stage: sums in
 * SQL through the UsageDay primary key (accountId, date), divided here by seats × 7 days and
 * accounts with purchased features × 7 days.
 */
export async function getAdoptionTrend(stage: DashboardStage, today = clock.today()): Promise<AdoptionWeek[]> {
  const from = addDays(today, -(7 * ADOPTION_WEEKS - 1));
  const [[totals], weeks] = await Promise.all([
    db.$queryRaw<{ seats: number; featureAccounts: number }[]>`
      SELECT coalesce(sum(a.seats), 0)::int AS seats, count(*) FILTER (WHERE cardinality(a."purchasedFeatures") > 0)::int AS "featureAccounts"
      FROM "Account" a WHERE ${inStage(stage)}`,
    db.$queryRaw<{ weeksAgo: number; activeUsers: number; depth: number | null }[]>`
      SELECT ((${today}::date - u.date) / 7)::int AS "weeksAgo",
        sum(u."activeUsers")::float8 AS "activeUsers",
        sum(cardinality(u."featuresUsed")::float8 / nullif(cardinality(a."purchasedFeatures"), 0)) AS depth
      FROM "Account" a JOIN "UsageDay" u ON u."accountId" = a.id AND u.date BETWEEN ${from}::date AND ${today}::date
      WHERE ${inStage(stage)}
      GROUP BY 1`,
  ]);
  const byWeek = new Map(weeks.map((w) => [w.weeksAgo, w]));
  const share = (sum: number | null | undefined, per: number) => (per === 0 ? null : (sum ?? 0) / (per * 7));
  return Array.from({ length: ADOPTION_WEEKS }, (_, i) => {
    const weeksAgo = ADOPTION_WEEKS - 1 - i;
    const row = byWeek.get(weeksAgo);
    return {
      week: addDays(today, -7 * weeksAgo),
      activeUserRatio: share(row?.activeUsers, totals.seats),
      featureDepth: share(row?.depth, totals.featureAccounts),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Value realization: success-plan outcomes achieved vs due

export interface OutcomeMonth {
  month: string;
  due: number;
  achieved: number;
}

export interface OutcomeCharts {
  months: OutcomeMonth[];
  /** Outcomes due by today and how many of them were achieved. */
  due: number;
  achieved: number;
}

export async function getOutcomeCharts(
  stage: DashboardStage,
  today = clock.today(),
  monthsBack = 6,
): Promise<OutcomeCharts> {
  const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() - (monthsBack - 1));
  const from = first.toISOString().slice(0, 10);
  const [months, [overall]] = await Promise.all([
    db.$queryRaw<OutcomeMonth[]>`
      SELECT to_char(o."dueDate", 'YYYY-MM') AS month, count(*)::int AS due, count(*) FILTER (WHERE o.achieved)::int AS achieved
      FROM "SuccessOutcome" o JOIN "Account" a ON a.id = o."accountId"
      WHERE ${inStage(stage)} AND o."dueDate" BETWEEN ${from}::date AND ${today}::date
      GROUP BY 1`,
    db.$queryRaw<{ due: number; achieved: number }[]>`
      SELECT count(*)::int AS due, count(*) FILTER (WHERE o.achieved)::int AS achieved
      FROM "SuccessOutcome" o JOIN "Account" a ON a.id = o."accountId"
      WHERE ${inStage(stage)} AND o."dueDate" <= ${today}::date`,
  ]);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const series: OutcomeMonth[] = [];
  for (let i = 0; i < monthsBack; i++) {
    const d = new Date(first);
    d.setUTCMonth(first.getUTCMonth() + i);
    const month = d.toISOString().slice(0, 7);
    series.push(byMonth.get(month) ?? { month, due: 0, achieved: 0 });
  }
  return { months: series, due: overall.due, achieved: overall.achieved };
}

// ---------------------------------------------------------------------------------------------
// Expansion: pipeline and triggers

export interface PipelineCell {
  type: string;
  status: "open" | "won" | "lost";
  deals: number;
  arr: number;
}

export interface ExpansionTriggers {
  accounts: number;
  /** Health score above 80 (SPEC §4's first upsell trigger). */
  healthy: number;
  /** Active users / seats at or above the health model's target in the latest score. */
  highUsage: number;
  /** Feature adoption at or above the health model's target in the latest score. */
  highAdoption: number;
  /** An executive sponsor touched in the last 90 days. */
  execEngaged: number;
  /** A 9–10 NPS answer in the last 180 days. */
  promoters: number;
}

export interface ExpansionCharts {
  /** Open deals, and deals won or lost in the last 365 days. */
  pipeline: PipelineCell[];
  triggers: ExpansionTriggers;
}

export async function getExpansionCharts(stage: DashboardStage, today = clock.today()): Promise<ExpansionCharts> {
  // Raw values and targets from the current snapshot's `measures` (lib/domain/health-snapshot.ts).
  const [pipeline, [triggers]] = await Promise.all([
    db.$queryRaw<(Omit<PipelineCell, "arr"> & { arr: string })[]>`
      SELECT e.type::text AS type, e.status::text AS status, count(*)::int AS deals, sum(e.arr)::text AS arr
      FROM "ExpansionOpportunity" e JOIN "Account" a ON a.id = e."accountId"
      WHERE ${inStage(stage)} AND (e.status = 'open' OR e."closedAt" >= ${addDays(today, -364)}::date)
      GROUP BY 1, 2`,
    db.$queryRaw<ExpansionTriggers[]>`
      SELECT count(*)::int AS accounts,
        count(*) FILTER (WHERE a."healthScore" > 80)::int AS healthy,
        count(*) FILTER (WHERE ${prismaSql(reachesTarget("active_user_ratio"))})::int AS "highUsage",
        count(*) FILTER (WHERE ${prismaSql(reachesTarget("feature_adoption"))})::int AS "highAdoption",
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "Contact" c WHERE c."accountId" = a.id AND c."execSponsor" AND c."lastTouchAt" >= ${addDays(today, -90)}::date))::int AS "execEngaged",
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "SurveyResponse" r WHERE r."accountId" = a.id AND r.type = 'nps' AND ${prismaSql(isPromoterSql(sqlText`r.score`))}
            AND r."respondedAt" BETWEEN ${addDays(today, -(HEALTH_WINDOW_DAYS.nps - 1))}::date AND ${today}::date))::int AS promoters
      FROM "Account" a LEFT JOIN "HealthSnapshot" s ON s."accountId" = a.id AND s."asOf" = a."healthAsOf"
      WHERE ${inStage(stage)}`,
  ]);
  return { pipeline: pipeline.map((p) => ({ ...p, arr: money(p.arr) })), triggers };
}

// ---------------------------------------------------------------------------------------------
// Renewal: ARR due by window and forecast

export interface RenewalCell {
  window: DashboardRenewalWindow;
  forecast: RenewalForecast | "none";
  renewals: number;
  arr: number;
}

/** Open renewals of the stage's accounts due within 90 days or overdue, by window and forecast. */
export async function getRenewalCells(stage: DashboardStage, today = clock.today()): Promise<RenewalCell[]> {
  const rows = await db.$queryRaw<(Omit<RenewalCell, "arr"> & { arr: string })[]>`
    SELECT ${prismaSql(renewalWindowSql(sqlText`(r."renewalDate" - d.as_of)`))} AS window,
      coalesce(r.forecast::text, 'none') AS forecast, count(*)::int AS renewals, sum(r.arr)::text AS arr
    FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId" CROSS JOIN (SELECT ${today}::date AS as_of) d
    WHERE r.status = 'open' AND r."renewalDate" <= ${addDays(today, RENEWAL_HORIZON_DAYS)}::date AND ${inStage(stage)}
    GROUP BY 1, 2`;
  const order = (w: string) => DASHBOARD_RENEWAL_WINDOWS.indexOf(w as DashboardRenewalWindow);
  return rows
    .map((r) => ({ ...r, arr: money(r.arr) }))
    .sort((a, b) => order(a.window) - order(b.window) || a.forecast.localeCompare(b.forecast));
}

// ---------------------------------------------------------------------------------------------
// The accounts in a stage

export interface StageAccountRow {
  externalId: string;
  name: string;
  segment: Segment;
  healthBand: Band | null;
  healthScore: number | null;
  arr: number;
  csmName: string | null;
  /** The stage's own column (see STAGE_COLUMN): a number to sort by, and a detail line. */
  stageValue: number | null;
  stageDetail: string | null;
}

/**
 * Each stage's own column, as SQL over the account `a` and today `t`: onboarding the day of
 * the contract, adoption the 30-day score trend, value realization the share of due outcomes
 * achieved, expansion the open expansion ARR, renewal the days to the renewal date.
 */
function stageColumn(
  stage: DashboardStage,
  today: IsoDate,
): {
  value: Prisma.Sql;
  detail: Prisma.Sql;
  /** The lookup for a page of accounts. */
  join: Prisma.Sql;
  /** The lookup for every account in the stage (sorting by the column), when a grouped join is cheaper. */
  joinAll?: Prisma.Sql;
} {
  switch (stage) {
    case "onboarding":
      return {
        value: Prisma.sql`(${today}::date - a."contractStart")::float8`,
        detail: Prisma.sql`x.reached || ' of ' || x.total || ' milestones'`,
        join: Prisma.sql`LEFT JOIN LATERAL (SELECT count(m."reachedAt")::int AS reached, count(*)::int AS total
          FROM "OnboardingMilestone" m WHERE m."accountId" = a.id) x ON x.total > 0`,
      };
    case "adoption":
      return { value: Prisma.sql`a."healthTrend"::float8`, detail: Prisma.sql`NULL::text`, join: Prisma.empty };
    case "value_realization":
      return {
        value: Prisma.sql`x.achieved::float8 / nullif(x.due, 0)`,
        detail: Prisma.sql`x.achieved || ' of ' || x.due || ' due'`,
        join: Prisma.sql`LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE o.achieved)::int AS achieved, count(*)::int AS due
          FROM "SuccessOutcome" o WHERE o."accountId" = a.id AND o."dueDate" <= ${today}::date) x ON x.due > 0`,
      };
    case "expansion":
      return {
        value: Prisma.sql`x.arr::float8`,
        detail: Prisma.sql`x.deals || CASE WHEN x.deals = 1 THEN ' deal' ELSE ' deals' END`,
        join: Prisma.sql`LEFT JOIN LATERAL (SELECT sum(e.arr) AS arr, count(*)::int AS deals
          FROM "ExpansionOpportunity" e WHERE e."accountId" = a.id AND e.status = 'open') x ON x.deals > 0`,
        // Half the accounts are in expansion: the open deals summed once, then joined.
        joinAll: Prisma.sql`LEFT JOIN (SELECT e."accountId", sum(e.arr) AS arr, count(*)::int AS deals
          FROM "ExpansionOpportunity" e WHERE e.status = 'open' GROUP BY e."accountId") x ON x."accountId" = a.id`,
      };
    case "renewal":
      return {
        value: Prisma.sql`(a."renewalDate" - ${today}::date)::float8`,
        detail: Prisma.sql`coalesce(x.forecast::text, 'no forecast')`,
        join: Prisma.sql`LEFT JOIN LATERAL (SELECT r.forecast FROM "Renewal" r WHERE r."accountId" = a.id AND r.status = 'open' LIMIT 1) x ON true`,
      };
  }
}

function stageOrder(query: Pick<TStageTableQuery, "sort" | "dir">, csmName: Prisma.Sql): Prisma.Sql {
  const dir = Prisma.raw(stageSortDirection(query) === "asc" ? "ASC" : "DESC");
  const column = {
    score: Prisma.sql`a."healthScore"`,
    name: Prisma.sql`a.name`,
    arr: Prisma.sql`a.arr`,
    csm: csmName,
    stage: Prisma.sql`"stageValue"`,
  }[query.sort];
  return Prisma.sql`ORDER BY ${column} ${dir} NULLS LAST, a.id`;
}

interface RawStageRow extends Omit<StageAccountRow, "arr"> {
  arr: string;
}

function selectStageAccounts(
  stage: DashboardStage,
  query: Pick<TStageTableQuery, "sort" | "dir">,
  limit: number,
  offset: number,
  today: IsoDate,
) {
  const column = stageColumn(stage, today);
  const fields = Prisma.sql`a."externalId", a.name, a.segment::text AS segment, a."healthBand"::text AS "healthBand", a."healthScore",
      a.arr::text AS arr`;
  if (query.sort === "stage")
    // Sorted by the stage's own column: every account in the stage needs it before the sort.
    return db.$queryRaw<RawStageRow[]>`
      SELECT ${fields}, u.name AS "csmName", ${column.value} AS "stageValue", ${column.detail} AS "stageDetail"
      FROM "Account" a LEFT JOIN "User" u ON u.id = a."csmId" ${column.joinAll ?? column.join}
      WHERE ${inStage(stage)}
      ${stageOrder(query, Prisma.sql`u.name`)}
      LIMIT ${limit} OFFSET ${offset}`;
  // Otherwise the page's rows are picked first, in the stage index's order, and only those get
  // the stage column's per-account lookup (the expansion stage holds half the accounts: its
  // open-deal sums for all of them cost more than the rest of the page).
  return db.$queryRaw<RawStageRow[]>`
    SELECT ${fields}, a."csmName", ${column.value} AS "stageValue", ${column.detail} AS "stageDetail"
    FROM (
      SELECT a.*, u.name AS "csmName" FROM "Account" a LEFT JOIN "User" u ON u.id = a."csmId"
      WHERE ${inStage(stage)}
      ${stageOrder(query, Prisma.sql`u.name`)}
      LIMIT ${limit} OFFSET ${offset}
    ) a ${column.join}
    ${stageOrder(query, Prisma.sql`a."csmName"`)}`;
}

const toStageRow = (r: RawStageRow): StageAccountRow => ({ ...r, arr: money(r.arr) });

export interface StageAccountPage {
  rows: StageAccountRow[];
  total: number;
}

export async function listStageAccounts(
  stage: DashboardStage,
  query: TStageTableQuery,
  pageSize: number,
  today = clock.today(),
): Promise<StageAccountPage> {
  const [rows, [{ total }]] = await Promise.all([
    listStageRows(stage, query, pageSize, today),
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Account" a WHERE ${inStage(stage)}`,
  ]);
  return { rows, total };
}

/** One page of the table without its count (the dashboard has the count from its totals). */
export async function listStageRows(
  stage: DashboardStage,
  query: TStageTableQuery,
  pageSize: number,
  today = clock.today(),
): Promise<StageAccountRow[]> {
  const rows = await selectStageAccounts(stage, query, pageSize, (query.page - 1) * pageSize, today);
  return rows.map(toStageRow);
}

/** Every row of the table in its order, a batch at a time (for a streamed CSV export). */
export async function* streamStageAccounts(
  stage: DashboardStage,
  query: Pick<TStageTableQuery, "sort" | "dir">,
  batchSize = 2000,
  today = clock.today(),
): AsyncGenerator<StageAccountRow[]> {
  for (let offset = 0; ; offset += batchSize) {
    const rows = await selectStageAccounts(stage, query, batchSize, offset, today);
    if (rows.length > 0) yield rows.map(toStageRow);
    if (rows.length < batchSize) return;
  }
}

// ---------------------------------------------------------------------------------------------
// The executive portfolio

export const HEALTH_MIX_WEEKS = 26;
export const RETENTION_POINTS = 8;

/**
 * Active accounts per band at each of the last 26 weeks, from the snapshots: one GROUP BY over
 * the (asOf, band) index; each week then takes its batch day (lib/domain/dashboards.ts).
 */
export async function getHealthMix(today = clock.today(), weeks = HEALTH_MIX_WEEKS): Promise<HealthMixPoint[]> {
  const rows = await db.$queryRaw<SnapshotCount[]>`
    SELECT to_char(s."asOf", 'YYYY-MM-DD') AS "asOf", s.band::text AS band, count(*)::int AS count
    FROM "HealthSnapshot" s
    WHERE s."asOf" BETWEEN ${addDays(today, -(7 * weeks - 1))}::date AND ${today}::date AND s.band IS NOT NULL
    GROUP BY s."asOf", s.band`;
  return weeklyHealthMix(rows, today, weeks);
}

/**
 * Trailing-12-month GRR and NRR at each of the last quarter ends and today: one query sums the
 * ledger per day and type (a few thousand rows at most), lib/domain sums the periods.
 */
export async function getRetentionTrend(today = clock.today(), points = RETENTION_POINTS): Promise<RetentionPoint[]> {
  const totals = await db.$queryRaw<MovementTotal[]>`
    SELECT to_char(date, 'YYYY-MM-DD') AS date, type::text AS type, sum(amount)::text AS amount
    FROM "ArrMovement" WHERE date <= ${today}::date GROUP BY date, type`;
  return retentionSeries(totals, trailingYearPeriods(today, points));
}

export interface ChurnReasonRow {
  reason: string;
  accounts: number;
  arr: number;
}

/**
 * Churned ARR of the last 365 days by reason: each churn movement counts under its account's
 * primary offboarding reason (the first captured), else the churned renewal's reason.
 */
export async function getChurnByReason(today = clock.today()): Promise<ChurnReasonRow[]> {
  const rows = await db.$queryRaw<{ reason: string | null; accounts: number; arr: string }[]>`
    SELECT coalesce(o.reason, r.reason) AS reason, count(DISTINCT m."accountId")::int AS accounts, (-sum(m.amount))::text AS arr
    FROM "ArrMovement" m
    LEFT JOIN LATERAL (
      SELECT f."churnReasons"[1] AS reason FROM "Offboarding" f
      WHERE f."accountId" = m."accountId" AND cardinality(f."churnReasons") > 0 ORDER BY f."startedAt" DESC LIMIT 1) o ON true
    LEFT JOIN LATERAL (
      SELECT nullif(trim(n."churnReason"), '') AS reason FROM "Renewal" n
      WHERE n."accountId" = m."accountId" AND n.outcome = 'churned' ORDER BY n."signedAt" DESC NULLS LAST LIMIT 1) r ON true
    WHERE m.type = 'churn' AND m.date BETWEEN ${addDays(today, -364)}::date AND ${today}::date
    GROUP BY 1`;
  const merged = new Map<string, ChurnReasonRow>();
  for (const row of rows) {
    const reason = churnReasonLabel(row.reason);
    const current = merged.get(reason) ?? { reason, accounts: 0, arr: 0 };
    merged.set(reason, {
      reason,
      accounts: current.accounts + row.accounts,
      arr: (Math.round(current.arr * 100) + toCents(row.arr)) / 100,
    });
  }
  return [...merged.values()].sort((a, b) => b.arr - a.arr || a.reason.localeCompare(b.reason));
}

// ---------------------------------------------------------------------------------------------
// One stage's charts

export type StageCharts =
  | { stage: "onboarding"; onboarding: OnboardingCharts }
  | { stage: "adoption"; adoption: AdoptionWeek[] }
  | { stage: "value_realization"; outcomes: OutcomeCharts }
  | { stage: "expansion"; expansion: ExpansionCharts }
  | { stage: "renewal"; renewals: RenewalCell[]; figures: RenewalFigures };

export async function getStageCharts(stage: DashboardStage, today = clock.today()): Promise<StageCharts> {
  switch (stage) {
    case "onboarding":
      return { stage, onboarding: await getOnboardingCharts(stage, today) };
    case "adoption":
      return { stage, adoption: await getAdoptionTrend(stage, today) };
    case "value_realization":
      return { stage, outcomes: await getOutcomeCharts(stage, today) };
    case "expansion":
      return { stage, expansion: await getExpansionCharts(stage, today) };
    case "renewal":
      return {
        stage,
        renewals: await getRenewalCells(stage, today),
        // A lifecycle stage is not one of the rollup's filters: grouped from the tables.
        figures: await getRenewalFigures(inStage(stage), today, "live"),
      };
  }
}
