import "server-only";
import {
  BACKTEST_HORIZONS,
  isPositiveOutcome,
  type BandRate,
  type ClosedOutcome,
  type Horizon,
} from "@/lib/domain/backtest";
import {
  buildBacktestReportOfColumns,
  findSlice,
  READING_WIDTH,
  readingNumbers,
  SampleColumns,
  SEGMENTS,
  type SegmentFilter,
  readingOf,
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
import { suggestWeightsOfColumns, type WeightSuggestion, type Weights } from "@/lib/domain/suggested-weights";
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

// Each snapshot's component and measure scores, as the rescore stores them beside the compact
// snapshot in "readings" (snapshotReadings: COMPONENT_KEYS, then COMPONENT_MEASURES in order;
// null for the old format). Only those numbers cross the wire, as text of lines
// "n;score;band;c1,…,c4,m1,…,m15" (n = the pair's place in the request, from 1; an empty field
// is null), which costs far less to receive than many rows. float8 prints the shortest text
// that reads back exactly, so Number() restores the very doubles the snapshot stored.
// Rows of a thousand lines each: one huge text would be copied over and over while it arrives.
// With the row estimate right (no filter into the document), the planner probes the unique
// index for a few pairs among many snapshots, and hashes the pairs against one scan when they
// are many.
const LINES_PER_ROW = 1000;
const SNAPSHOT_READINGS_SQL = statement<[accountIds: string, dates: string]>`
SELECT string_agg(concat_ws(';', p.n, coalesce(s.score::text, ''), coalesce(s.band::text, ''),
         array_to_string(s.readings, ',', '')), E'\n') AS lines
FROM unnest($1::text::int[], $2::text::date[]) WITH ORDINALITY AS p(id, d, n)
JOIN "HealthSnapshot" s ON s."accountId" = p.id AND s."asOf" = p.d
WHERE s.readings IS NOT NULL
GROUP BY p.n / ${LINES_PER_ROW}`;

const SNAPSHOT_CHUNK = 200_000;
const FACTS_CHUNK = 250;

/** (account, date) pairs as two parallel lists. */
interface Pairs {
  accountIds: readonly number[];
  dates: readonly IsoDate[];
}

type ReadingVisitor = (index: number, band: Band | null, values: Float64Array) => void;

/**
 * Calls `visit` with each line's pair index (from `offset`), band and READING_WIDTH numbers (NaN
 * = none), reading the text in place: no array per line or field.
 */
function eachReadingLine(lines: string, offset: number, values: Float64Array, visit: ReadingVisitor): void {
  const field = (from: number, to: number) => (from === to ? Number.NaN : Number(lines.slice(from, to)));
  let at = 0;
  while (at < lines.length) {
    let lineEnd = lines.indexOf("\n", at);
    if (lineEnd < 0) lineEnd = lines.length;
    let end = lines.indexOf(";", at);
    const index = offset + Number(lines.slice(at, end)) - 1;
    at = end + 1;
    end = lines.indexOf(";", at);
    values[0] = field(at, end);
    at = end + 1;
    end = lines.indexOf(";", at);
    const band = at === end ? null : (lines.slice(at, end) as Band);
    at = end + 1;
    for (let k = 1; k < READING_WIDTH; k++) {
      end = k < READING_WIDTH - 1 ? lines.indexOf(",", at) : lineEnd;
      values[k] = field(at, end);
      at = end + 1;
    }
    visit(index, band, values);
    at = lineEnd + 1;
  }
}

/** Visits the stored snapshot reading of each pair that has one. */
async function readStoredReadings(client: Db, pairs: Pairs, visit: ReadingVisitor): Promise<void> {
  const total = pairs.accountIds.length;
  const query = (start: number) => {
    const ids = `{${pairs.accountIds.slice(start, start + SNAPSHOT_CHUNK).join(",")}}`;
    const dates = `{${pairs.dates.slice(start, start + SNAPSHOT_CHUNK).join(",")}}`;
    // then() starts it now: Prisma's queries run when first awaited.
    return client.$queryRaw<{ lines: string }[]>(SNAPSHOT_READINGS_SQL(ids, dates)).then((rows) => rows);
  };
  const values = new Float64Array(READING_WIDTH);
  // The database works on the next chunk while this one is parsed (outside a transaction the
  // client runs them on two connections).
  let next = total > 0 ? query(0) : null;
  for (let start = 0; next; start += SNAPSHOT_CHUNK) {
    const rows = await next;
    next = start + SNAPSHOT_CHUNK < total ? query(start + SNAPSHOT_CHUNK) : null;
    for (const { lines } of rows) eachReadingLine(lines, start, values, visit);
  }
}

/**
 * Recomputes the given pairs' readings as GET …/health?asOf= does — the account's dated facts
 * through computeHealth — loading the facts of many accounts per query, each account once for
 * all of its dates, and each (account, date) scored once.
 */
async function recomputeReadings(
  client: Db,
  pairs: Pairs,
  indices: readonly number[],
  model: HealthModel,
  visit: (index: number, reading: ScoreReading) => void,
): Promise<void> {
  const byAccount = new Map<number, number[]>();
  for (const i of indices) {
    const list = byAccount.get(pairs.accountIds[i]);
    if (list) list.push(i);
    else byAccount.set(pairs.accountIds[i], [i]);
  }
  const accountIds = [...byAccount.keys()];
  for (let start = 0; start < accountIds.length; start += FACTS_CHUNK) {
    const facts = await loadHealthFactsMany(client, accountIds.slice(start, start + FACTS_CHUNK));
    for (const [id, accountFacts] of facts) {
      const byDate = new Map<IsoDate, ScoreReading>();
      for (const i of byAccount.get(id) ?? []) {
        const asOf = pairs.dates[i];
        let reading = byDate.get(asOf);
        if (!reading) byDate.set(asOf, (reading = readingOf(computeHealth(accountFacts, asOf, model))));
        visit(i, reading);
      }
    }
  }
}

/** Scores as of each (account, date), in order: the stored snapshot, else recomputed from facts; null for no account. */
export async function loadReadings(
  client: Db,
  pairs: readonly { accountId: number; asOf: IsoDate }[],
  model: HealthModel,
): Promise<(ScoreReading | null)[]> {
  const columns: Pairs = { accountIds: pairs.map((p) => p.accountId), dates: pairs.map((p) => p.asOf) };
  const readings: (ScoreReading | null)[] = pairs.map(() => null);
  const nullIfNaN = (v: number) => (Number.isNaN(v) ? null : v);
  await readStoredReadings(client, columns, (i, band, values) => {
    readings[i] = {
      score: nullIfNaN(values[0]),
      band,
      components: Array.from(values.subarray(1, 1 + COMPONENT_KEYS.length), nullIfNaN),
      measures: Array.from(values.subarray(1 + COMPONENT_KEYS.length), nullIfNaN),
    };
  });
  const missing = pairs.flatMap((_, i) => (readings[i] ? [] : [i]));
  await recomputeReadings(client, columns, missing, model, (i, reading) => (readings[i] = reading));
  return readings;
}

/** One sample per closed renewal and horizon whose date has passed, as columns. */
export async function loadBacktestSamples(
  client: Db,
  { asOf, model }: { asOf: IsoDate; model: HealthModel },
): Promise<{ samples: SampleColumns; renewals: RenewalRow[] }> {
  const renewals = await client.$queryRaw<RenewalRow[]>(CLOSED_RENEWALS_SQL(asOf));
  const wanted = horizonDates(renewals, asOf);
  // Sample i is wanted[i], and pair i its (account, horizon date).
  const samples = new SampleColumns(wanted.length);
  for (const { r, horizonDays } of wanted) {
    samples.add({
      renewalId: r.id,
      segment: r.segment,
      renewalDate: r.renewal_date,
      positive: isPositiveOutcome(r.outcome),
      horizonDays,
    });
  }
  const pairs: Pairs = { accountIds: wanted.map((w) => w.r.account_id), dates: wanted.map((w) => w.date) };
  await readStoredReadings(client, pairs, (i, band, values) => samples.setReading(i, band, values));
  const missing: number[] = [];
  for (let i = 0; i < samples.count; i++) if (!samples.read[i]) missing.push(i);
  await recomputeReadings(client, pairs, missing, model, (i, reading) =>
    samples.setReading(i, reading.band, readingNumbers(reading)),
  );
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

function suggestionsFor(samples: SampleColumns, model: HealthModel): WeightSuggestion[] {
  const h = BACKTEST_HORIZONS.indexOf(SUGGESTION_HORIZON);
  return (["all", ...SEGMENTS] as const).map((segment) => {
    const g = segment === "all" ? -1 : SEGMENTS.indexOf(segment);
    const rows: number[] = [];
    for (let i = 0; i < samples.count; i++) {
      if (samples.read[i] && samples.horizon[i] === h && (g < 0 || samples.segment[i] === g)) rows.push(i);
    }
    const columns = {
      components: COMPONENT_KEYS.map((_, k) =>
        Float64Array.from(rows, (i) => samples.scores[i * READING_WIDTH + 1 + k]),
      ),
      positive: Uint8Array.from(rows, (i) => samples.positive[i]),
    };
    const current = segment === "all" ? model.weights : modelForSegment(model, segment).weights;
    return suggestWeightsOfColumns(columns, current, { segment, horizonDays: SUGGESTION_HORIZON });
  });
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
    slices: buildBacktestReportOfColumns(samples),
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
