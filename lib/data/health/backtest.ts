import "server-only";
import {
  BACKTEST_HORIZONS,
  isPositiveOutcome,
  type BandRate,
  type ClosedOutcome,
  type Horizon,
} from "@/lib/domain/backtest";
import {
  buildBacktestReport,
  findSlice,
  SEGMENTS,
  type SegmentFilter,
  readingOf,
  type BacktestSample,
  type BacktestSlice,
  compareSegmentModels,
  type ComparisonSample,
  type ModelComparison,
  type ScoreReading,
} from "@/lib/domain/backtest-report";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { computeHealth, type Band, type Segment } from "@/lib/domain/health";
import { COMPONENT_KEYS, modelForSegment, segmentsWithOwnModel, type HealthModel } from "@/lib/domain/health-model";
import type { Prisma } from "@/lib/generated/prisma/client";
import { suggestWeights, type WeightSuggestion, type Weights } from "@/lib/domain/suggested-weights";
import type { Db } from "@/lib/db/types";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { statement } from "../platform/sql";
import { getHealthModel, loadHealthFactsMany } from "./recompute";

// The health backtest (issue 15): for every closed renewal and horizon N (30/60/90/180 days),
// the account's score as of renewal date − N — the stored snapshot of that day, or, where none
// is stored, recomputed as of that date from the account's dated facts exactly as
// GET …/health?asOf= does (loadHealthFacts → computeHealth), for many accounts per query —
// against the outcome. One run
// stores one HealthBacktest row with every horizon × segment (lib/domain/backtest-report.ts).

interface RenewalRow {
  id: number;
  account_id: number;
  renewal_date: IsoDate;
  outcome: ClosedOutcome;
  segment: Segment;
}

const NEAREST_HORIZON = Math.min(...BACKTEST_HORIZONS);

/** Closed renewals whose nearest horizon date has passed. */
const CLOSED_RENEWALS_SQL = statement<[asOf: IsoDate]>`
SELECT r.id, r."accountId" AS account_id, r."renewalDate"::text AS renewal_date, r.outcome::text AS outcome,
       a.segment::text AS segment
FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
WHERE r.status = 'closed' AND r.outcome IS NOT NULL AND r."renewalDate" - ${NEAREST_HORIZON} <= $1::date
ORDER BY r.id`;

// Each snapshot's component and measure scores, as the database computes them from the compact
// snapshot into "readings" (migration snapshot_readings: COMPONENT_KEYS, then COMPONENT_MEASURES
// in order; null for the old format). Only those numbers cross the wire, and each chunk comes
// back as text of lines "accountId;day;score;band;c1,…,c4,m1,…,m15" (day = days since
// 1970-01-01, as readingKey counts them; an empty field is
// null), which costs far less to receive than many rows. float8 prints the shortest text that
// reads back exactly, so Number() restores the very doubles the snapshot stored.
// Rows of a few hundred accounts each: one huge text would be copied over and over while it
// arrives. With the row estimate right (no filter into the document), the planner probes the unique index for
// a few pairs among many snapshots, and hashes the pairs against one scan when they are many.
const READINGS_PER_ROW = 250;
const SNAPSHOT_READINGS_SQL = statement<[accountIds: string, dates: string]>`
SELECT string_agg(concat_ws(';', s."accountId", s."asOf" - DATE '1970-01-01', coalesce(s.score::text, ''), coalesce(s.band::text, ''),
         array_to_string(s.readings, ',', '')), E'\n') AS lines
FROM unnest($1::text::int[], $2::text::date[]) AS p(id, d)
JOIN "HealthSnapshot" s ON s."accountId" = p.id AND s."asOf" = p.d
WHERE s.readings IS NOT NULL
GROUP BY s."accountId" / ${READINGS_PER_ROW}`;

const numberOrNull = (field: string) => (field === "" ? null : Number(field));

const SNAPSHOT_CHUNK = 200_000;
const FACTS_CHUNK = 250;

const dayNumbers = new Map<IsoDate, number>();
const KEY_STRIDE = 200_000;
const KEY_OFFSET = 50_000;

/**
 * The key of one (account, date) in the readings: a number, so 800,000 of them cost no strings.
 * accountId × 200,000 + 50,000 + days since 1970-01-01: dates are bounded to 1900–2199 (−25,567
 * to 83,600 days), and account ids are int4, so keys never collide and stay exact (< 2^53).
 */
export function readingKey(accountId: number, asOf: IsoDate): number {
  let day = dayNumbers.get(asOf);
  if (day === undefined) {
    day = Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10))) / 86_400_000;
    dayNumbers.set(asOf, day);
  }
  return accountId * KEY_STRIDE + KEY_OFFSET + day;
}

/** Scores as of each (account, date): stored snapshots first, then recomputed from facts. */
export async function loadReadings(
  client: Db,
  pairs: readonly { accountId: number; asOf: IsoDate }[],
  model: HealthModel,
): Promise<Map<number, ScoreReading>> {
  const readings = new Map<number, ScoreReading>();
  for (let start = 0; start < pairs.length; start += SNAPSHOT_CHUNK) {
    const chunk = pairs.slice(start, start + SNAPSHOT_CHUNK);
    const ids = `{${chunk.map((p) => p.accountId).join(",")}}`;
    const dates = `{${chunk.map((p) => p.asOf).join(",")}}`;
    const rows = await client.$queryRaw<{ lines: string }[]>(SNAPSHOT_READINGS_SQL(ids, dates));
    for (const { lines } of rows) {
      for (const line of lines.split("\n")) {
        const [accountId, day, score, band, parts] = line.split(";");
        const values = parts.split(",");
        const components: (number | null)[] = [];
        const measures: (number | null)[] = [];
        for (let k = 0; k < values.length; k++) {
          (k < COMPONENT_KEYS.length ? components : measures).push(numberOrNull(values[k]));
        }
        readings.set(Number(accountId) * KEY_STRIDE + KEY_OFFSET + Number(day), {
          score: numberOrNull(score),
          band: band === "" ? null : (band as Band),
          components,
          measures,
        });
      }
    }
  }
  // What has no snapshot is recomputed as GET …/health?asOf= does it — the account's dated facts
  // through computeHealth — loading the facts of many accounts per query and each account once
  // for all of its dates.
  const missing = new Map<number, IsoDate[]>();
  for (const { accountId, asOf } of pairs) {
    if (readings.has(readingKey(accountId, asOf))) continue;
    const dates = missing.get(accountId) ?? [];
    dates.push(asOf);
    missing.set(accountId, dates);
  }
  const accountIds = [...missing.keys()];
  for (let start = 0; start < accountIds.length; start += FACTS_CHUNK) {
    const facts = await loadHealthFactsMany(client, accountIds.slice(start, start + FACTS_CHUNK));
    for (const [id, accountFacts] of facts) {
      for (const asOf of missing.get(id) ?? []) {
        readings.set(readingKey(id, asOf), readingOf(computeHealth(accountFacts, asOf, model)));
      }
    }
  }
  return readings;
}

/** One sample per closed renewal and horizon whose date has passed. */
export async function loadBacktestSamples(
  client: Db,
  { asOf, model }: { asOf: IsoDate; model: HealthModel },
): Promise<{ samples: BacktestSample[]; renewals: RenewalRow[] }> {
  const renewals = await client.$queryRaw<RenewalRow[]>(CLOSED_RENEWALS_SQL(asOf));
  const wanted = horizonDates(renewals, asOf);
  const unique = new Map(
    wanted.map((w) => [readingKey(w.r.account_id, w.date), { accountId: w.r.account_id, asOf: w.date }]),
  );
  const readings = await loadReadings(client, [...unique.values()], model);
  const samples: BacktestSample[] = [];
  for (const { r, horizonDays, date } of wanted) {
    const reading = readings.get(readingKey(r.account_id, date));
    if (!reading) continue;
    // One object shape for every sample, whichever way its reading was made.
    samples.push({
      score: reading.score,
      band: reading.band,
      components: reading.components,
      measures: reading.measures,
      renewalId: r.id,
      segment: r.segment,
      renewalDate: r.renewal_date,
      positive: isPositiveOutcome(r.outcome),
      horizonDays,
    });
  }
  return { samples, renewals };
}

/** The (renewal, horizon) pairs whose horizon date has passed. */
function horizonDates(renewals: readonly RenewalRow[], asOf: IsoDate) {
  // Renewals share dates: each (date, horizon) is worked out once.
  const dates = new Map<string, IsoDate>();
  const before = (date: IsoDate, days: number) => {
    const key = `${date}|${days}`;
    let result = dates.get(key);
    if (result === undefined) dates.set(key, (result = addDays(date, -days)));
    return result;
  };
  return renewals
    .flatMap((r) =>
      BACKTEST_HORIZONS.map((horizonDays) => ({ r, horizonDays, date: before(r.renewal_date, horizonDays) })),
    )
    .filter((w) => w.date <= asOf);
}

/**
 * For the segments with a model of their own: each of their renewals scored as of each horizon
 * date by that model and by the default one, both recomputed from the account's dated facts
 * (snapshots hold one model's score only), to compare the two over the same renewals.
 */
export async function loadModelComparisons(
  client: Db,
  { renewals, asOf, model }: { renewals: readonly RenewalRow[]; asOf: IsoDate; model: HealthModel },
): Promise<ModelComparison[]> {
  const segments = new Set(segmentsWithOwnModel(model));
  if (segments.size === 0) return [];
  const globalModel: HealthModel = { weights: model.weights, measures: model.measures };
  const wanted = horizonDates(
    renewals.filter((r) => segments.has(r.segment)),
    asOf,
  );
  const accountIds = [...new Set(wanted.map((w) => w.r.account_id))];
  const samples: ComparisonSample[] = [];
  for (let start = 0; start < accountIds.length; start += FACTS_CHUNK) {
    const chunk = new Set(accountIds.slice(start, start + FACTS_CHUNK));
    const facts = await loadHealthFactsMany(client, [...chunk]);
    for (const { r, horizonDays, date } of wanted) {
      const accountFacts = chunk.has(r.account_id) ? facts.get(r.account_id) : undefined;
      if (!accountFacts) continue;
      samples.push({
        segment: r.segment,
        horizonDays,
        positive: isPositiveOutcome(r.outcome),
        own: computeHealth(accountFacts, date, model).score,
        global: computeHealth(accountFacts, date, globalModel).score,
      });
    }
  }
  return compareSegmentModels(samples);
}

export interface BacktestRun {
  id: number;
  computedAt: Date;
  asOf: IsoDate;
  modelVersion: number;
  renewals: number;
  slices: BacktestSlice[];
  /** Fitted at SUGGESTION_HORIZON, over all renewals and per segment. */
  suggestions: WeightSuggestion[];
  /** Each segment with its own model: that model against the default one (none without). */
  comparisons: ModelComparison[];
}

/** The horizon the suggested weights are fitted at: a quarter ahead, when a CSM can still act. */
export const SUGGESTION_HORIZON = 90;

interface StoredResult {
  slices: BacktestSlice[];
  suggestions: WeightSuggestion[];
  /** Absent from runs stored before segment models existed. */
  comparisons?: ModelComparison[];
}

function suggestionsFor(samples: readonly BacktestSample[], model: HealthModel): WeightSuggestion[] {
  const atHorizon = samples.filter((s) => s.horizonDays === SUGGESTION_HORIZON);
  return (["all", ...SEGMENTS] as const).map((segment) =>
    suggestWeights(
      segment === "all" ? atHorizon : atHorizon.filter((s) => s.segment === segment),
      segment === "all" ? model.weights : modelForSegment(model, segment).weights,
      { segment, horizonDays: SUGGESTION_HORIZON },
    ),
  );
}

/** The version of the model in force: 0 while the SPEC defaults apply. */
export async function getHealthModelVersion(client: Db): Promise<number> {
  const row = await client.healthModel.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? 0;
}

/** Runs the backtest as of a date and stores the result. */
export async function runHealthBacktest(client: Db, { asOf }: { asOf: IsoDate }): Promise<BacktestRun> {
  const [model, modelVersion] = await Promise.all([getHealthModel(client), getHealthModelVersion(client)]);
  const { samples, renewals } = await loadBacktestSamples(client, { asOf, model });
  const result = {
    slices: buildBacktestReport(samples),
    suggestions: suggestionsFor(samples, model),
    comparisons: await loadModelComparisons(client, { renewals, asOf, model }),
  } satisfies StoredResult;
  const row = await client.healthBacktest.create({
    data: {
      asOf: new Date(`${asOf}T00:00:00Z`),
      modelVersion,
      renewals: renewals.length,
      result: result as unknown as Prisma.InputJsonValue,
    },
  });
  return { id: row.id, computedAt: row.computedAt, asOf, modelVersion, renewals: renewals.length, ...result };
}

/** The latest stored run, or null before the first. */
export async function getLatestBacktest(client: Db): Promise<BacktestRun | null> {
  const row = await client.healthBacktest.findFirst({ orderBy: [{ computedAt: "desc" }, { id: "desc" }] });
  if (!row) return null;
  const result = row.result as unknown as StoredResult;
  return {
    id: row.id,
    computedAt: row.computedAt,
    asOf: row.asOf.toISOString().slice(0, 10),
    modelVersion: row.modelVersion,
    renewals: row.renewals,
    slices: result.slices,
    suggestions: result.suggestions,
    comparisons: result.comparisons ?? [],
  };
}

let backtestRunning = false;

/** The daily job's call: a run as of today unless one is stored already (or one is under way). */
export async function runBacktestIfStale(today: IsoDate): Promise<void> {
  if (backtestRunning) return;
  backtestRunning = true;
  try {
    const latest = await db.healthBacktest.findFirst({ orderBy: { asOf: "desc" }, select: { asOf: true } });
    if (latest && toIsoDate(latest.asOf) >= today) return;
    const started = performance.now();
    const run = await runHealthBacktest(db, { asOf: today });
    console.log(`[health] backtest of ${run.renewals} renewals in ${Math.round(performance.now() - started)} ms`);
  } finally {
    backtestRunning = false;
  }
}

/** POST /health/backtest: a run as of today, on the app's database. */
export async function runBacktestNow() {
  const run = await runHealthBacktest(db, { asOf: clock.today() });
  return { computedAt: run.computedAt, asOf: run.asOf, modelVersion: run.modelVersion, renewals: run.renewals };
}

/** GET /health/backtest: the documented summary of the latest run's slice. */
export async function getBacktestSummary(horizonDays: number, segment: SegmentFilter) {
  const run = await getLatestBacktest(db);
  if (!run) throw notFound("No backtest has run yet: POST /api/v1/health/backtest runs one.");
  const slice = findSlice(run.slices, horizonDays, segment);
  if (!slice) throw notFound("The latest backtest has no figures for this horizon.");
  return {
    horizonDays: slice.horizonDays,
    n: slice.n,
    positives: slice.positives,
    auc: slice.auc,
    aucLow: slice.aucLow,
    aucHigh: slice.aucHigh,
    bands: slice.bands.map(({ band, n, churnRate }) => ({ band, n, churnRate })),
    measures: slice.measures.map(({ key, auc }) => ({ key, auc })),
    computedAt: run.computedAt,
    modelVersion: run.modelVersion,
  };
}

const LATEST_BANDS_SQL = statement<[horizon: number, segment: string]>`
SELECT x->'bands' AS bands
FROM (SELECT result FROM "HealthBacktest" ORDER BY "computedAt" DESC, id DESC LIMIT 1) b
CROSS JOIN LATERAL jsonb_array_elements(b.result->'slices') x
WHERE (x->>'horizonDays')::int = $1 AND x->>'segment' = $2`;

/** One slice's churn rates by band from the latest run (the account page's sentence), without the rest. */
export async function getLatestBandRates(horizon: Horizon, segment: SegmentFilter): Promise<BandRate[] | null> {
  const rows = await db.$queryRaw<{ bands: BandRate[] }[]>(LATEST_BANDS_SQL(horizon, segment));
  return rows[0]?.bands ?? null;
}

/** The weights a stored run suggests for all segments or one; null for an unknown run or no suggestion. */
export async function getSuggestedWeights(
  client: Db,
  runId: number,
  segment: SegmentFilter = "all",
): Promise<Weights | null> {
  const row = await client.healthBacktest.findUnique({ where: { id: runId }, select: { result: true } });
  const result = row?.result as unknown as StoredResult | undefined;
  return result?.suggestions.find((s) => s.segment === segment)?.suggested ?? null;
}
