import "server-only";
import {
  scoreHealth,
  type Band,
  type HealthFacts,
  type HealthInputs,
  type HealthResult,
  type RenewalForecast,
  type Segment,
} from "@/lib/domain/health";
import { DEFAULT_HEALTH_MODEL, ZHealthModel, type HealthModel } from "@/lib/domain/health-model";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { snapshotMeasures, toStoredHealth } from "@/lib/domain/health-snapshot";
import { snapshotReadings } from "@/lib/domain/backtest-report";
import { runPlaybooks } from "../playbooks/engine";
import { HEALTH_INPUTS_SQL } from "./inputs.sql";
import { clock } from "@/lib/clock";
import { sqlLiteral, statement } from "../platform/sql";
import type { Db } from "@/lib/db/types";
import { bulkPoolOf } from "@/lib/db/client";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

// Health scores in the database: the active model, set-based aggregation of every account's
// inputs, and the write of snapshots plus the current score denormalised onto Account.
// Takes the client as a parameter so writes can recompute inside their own transaction.

/** The admin-configured model, or SPEC's defaults when none is saved (or it no longer validates). */
export async function getHealthModel(client: Db): Promise<HealthModel> {
  const row = await client.healthModel.findUnique({ where: { id: 1 } });
  const parsed = ZHealthModel.safeParse(row?.config);
  return parsed.success ? parsed.data : DEFAULT_HEALTH_MODEL;
}

interface InputsRow {
  id: number;
  segment: Segment;
  seats: number;
  arr: number;
  days_since_contract_start: number;
  has_usage: boolean;
  purchased_feature_count: number;
  logins: number;
  active_users: number;
  sessions: number;
  session_minutes: number;
  workflows_started: number;
  workflows_completed: number;
  mean_feature_depth: number;
  features_adopted: number;
  latest_data_quality: number | null;
  integrations: number;
  tickets: number;
  days_since_exec_sponsor_touch: number | null;
  attended_reviews: number;
  nps_responses: number;
  nps_promoters: number;
  nps_detractors: number;
  csat_responses: number;
  csat_sum: number;
  outcomes_due: number;
  outcomes_achieved: number;
  renewal_forecast: RenewalForecast | null;
  open_expansion_arr: number;
  reference_willing: boolean;
}

function toInputs(r: InputsRow): HealthInputs {
  return {
    segment: r.segment,
    seats: r.seats,
    arr: r.arr,
    daysSinceContractStart: r.days_since_contract_start,
    hasUsage: r.has_usage,
    purchasedFeatureCount: r.purchased_feature_count,
    logins: r.logins,
    activeUsers: r.active_users,
    sessions: r.sessions,
    sessionMinutes: r.session_minutes,
    workflowsStarted: r.workflows_started,
    workflowsCompleted: r.workflows_completed,
    meanFeatureDepth: r.mean_feature_depth,
    featuresAdopted: r.features_adopted,
    latestDataQuality: r.latest_data_quality,
    integrations: r.integrations,
    tickets: r.tickets,
    daysSinceExecSponsorTouch: r.days_since_exec_sponsor_touch,
    attendedReviews: r.attended_reviews,
    npsResponses: r.nps_responses,
    npsPromoters: r.nps_promoters,
    npsDetractors: r.nps_detractors,
    csatResponses: r.csat_responses,
    csatSum: r.csat_sum,
    outcomesDue: r.outcomes_due,
    outcomesAchieved: r.outcomes_achieved,
    renewalForecast: r.renewal_forecast,
    openExpansionArr: r.open_expansion_arr,
    referenceWilling: r.reference_willing,
  };
}

/** How many accounts one slice of a rescore reads, scores and writes (memory stays flat beyond it). */
export const RESCORE_SLICE = 2_000;

/** Every listed account's inputs as of a date (all active accounts when `accountIds` is null). */
export async function loadHealthInputs(
  client: Db,
  asOf: IsoDate,
  accountIds: number[] | null,
  sliceSize = RESCORE_SLICE,
): Promise<Map<number, HealthInputs>> {
  const inputs = new Map<number, HealthInputs>();
  await withoutJit(client, accountIds, async (query) => {
    for (let rows = await query(asOf, accountIds, 0, sliceSize); rows.length > 0;) {
      for (const r of rows) inputs.set(r.id, toInputs(r));
      rows = rows.length < sliceSize ? [] : await query(asOf, accountIds, rows[rows.length - 1].id, sliceSize);
    }
  });
  return inputs;
}

/** Up to this many listed accounts, the inputs statement's estimated cost stays far below JIT's threshold. */
const JIT_FREE_ACCOUNTS = 100;

/** A slice takes well under a second; under heavy load it may wait its turn far longer. */
const SLICE_TX_OPTIONS = { maxWait: 60_000, timeout: 10 * 60_000 } as const;

type SliceQuery = (
  asOf: IsoDate,
  accountIds: number[] | null,
  afterId: number,
  sliceSize: number,
) => Promise<InputsRow[]>;

// The statement's estimated cost is above PostgreSQL's JIT thresholds, but compiling it takes
// longer than it saves: JIT is off for the inputs statement. On the app's client each slice runs
// in a short transaction of its own (SET LOCAL); inside the caller's transaction it is turned off
// once for all slices and restored afterwards. A short list of accounts (a write's rescore) is
// far below the threshold (jit_above_cost, 100,000 by default: one account's statement is
// estimated at ~9,000, ten at ~11,000), so it runs as it is, without the two extra round trips.
async function withoutJit<T>(
  client: Db,
  accountIds: number[] | null,
  work: (query: SliceQuery) => Promise<T>,
): Promise<T> {
  if (accountIds !== null && accountIds.length <= JIT_FREE_ACCOUNTS)
    return work((...args) => client.$queryRaw<InputsRow[]>(HEALTH_INPUTS_SQL(...args, null)));
  if ("$transaction" in client) {
    const prisma = client;
    return work((...args) =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL jit = off`;
        return tx.$queryRaw<InputsRow[]>(HEALTH_INPUTS_SQL(...args, null));
      }, SLICE_TX_OPTIONS),
    );
  }
  await client.$executeRaw`SET LOCAL jit = off`;
  try {
    return await work((...args) => client.$queryRaw<InputsRow[]>(HEALTH_INPUTS_SQL(...args, null)));
  } finally {
    await client.$executeRaw`SET LOCAL jit TO DEFAULT`;
  }
}

/** What a rescore did: how many accounts it scored, per band, and the listed accounts' results. */
export interface RescoreSummary {
  scored: number;
  /** Accounts per band; "unscored" counts those without a band (insufficient data). */
  bands: Partial<Record<Band | "unscored", number>>;
  /**
   * Each account's result when `accountIds` was given (the caller's own list). A rescore of
   * every active account keeps none: it streams, slice by slice, so memory stays flat.
   */
  results: Map<number, HealthResult>;
}

/**
 * Recomputes and stores the scores of the listed accounts (or all active ones) as of a date:
 * one snapshot per account and day (recomputing a day replaces it), and — unless a later day
 * is already stored — the account's current score, band, trend and biggest detractor.
 * Streams in slices of `sliceSize` accounts by id: while one slice is scored in Node, the next
 * slice's inputs are read and the previous slice is written (on the app's client, whose pool
 * runs them side by side; inside a transaction one statement runs at a time).
 */
export async function recomputeHealth(
  client: Db,
  {
    asOf,
    accountIds = null,
    model,
    playbooks = true,
    sliceSize = RESCORE_SLICE,
    onSlice,
  }: {
    asOf: IsoDate;
    accountIds?: number[] | null;
    model?: HealthModel;
    /** Run the playbooks on the new scores (the daily job runs them itself, once, after its other syncs). */
    playbooks?: boolean;
    /** Accounts per slice (tests use small slices to cross slice boundaries). */
    sliceSize?: number;
    /** Progress: called once a slice is scored, with the number of accounts scored so far. */
    onSlice?: (scored: number) => void;
  },
): Promise<RescoreSummary> {
  const activeModel = model ?? (await getHealthModel(client));
  const summary: RescoreSummary = { scored: 0, bands: {}, results: new Map() };
  const pool = bulkPoolOf(client);
  if (pool) {
    await rescoreOnPool(pool, { asOf, accountIds, sliceSize, onSlice }, activeModel, summary);
    if (playbooks && asOf >= clock.today()) await runPlaybooks(client, { asOf, accountIds });
    return summary;
  }
  const overlap = "$transaction" in client;
  await withoutJit(client, accountIds, async (query) => {
    const load = (afterId: number) => query(asOf, accountIds, afterId, sliceSize).then((rows) => rows);
    let pending = load(0);
    let writing: Promise<unknown> = Promise.resolve();
    for (;;) {
      const rows = await pending;
      if (rows.length === 0) break;
      const more = rows.length === sliceSize;
      // The app's client reads the next slice while this one is scored and the last one written.
      if (more && overlap) pending = handled(load(rows[rows.length - 1].id));
      const payload = await scoreSlice(rows, activeModel, summary, accountIds !== null);
      onSlice?.(summary.scored);
      await writing;
      writing = handled(client.$executeRaw(SAVE_HEALTH_SQL(asOf, ...payload)).then(() => undefined));
      if (!more) break;
      if (!overlap) {
        await writing;
        pending = load(rows[rows.length - 1].id);
      }
    }
    await writing;
  });
  // Playbooks act on the current score only: a backfilled past day must not raise tasks.
  if (playbooks && asOf >= clock.today()) await runPlaybooks(client, { asOf, accountIds });
  return summary;
}

/** Slices read ahead of the one being scored, on PostgreSQL (each on its own connection). */
const READ_AHEAD = 2;
/** Slices written side by side while the next ones are read and scored. */
const WRITE_AHEAD = 2;
/** A slice cut in advance: the accounts after `afterId` through `throughId` (the rest when null). */
type Slice = { afterId: number; throughId: number | null };

// The last id of every full slice of active accounts, so the slices can be read side by side.
const SLICE_ENDS_SQL = statement<[sliceSize: number]>`
SELECT id FROM (
  SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Account" WHERE status = 'active'
) a WHERE n % $1::int = 0 ORDER BY id`;

/** The slices of a rescore: of the listed accounts (ids sorted), or of every active account. */
async function cutSlices(pool: pg.Pool, accountIds: number[] | null, sliceSize: number): Promise<Slice[]> {
  const ends =
    accountIds === null
      ? (await pool.query<{ id: number }>(SLICE_ENDS_SQL.text, [sliceSize])).rows.map((r) => r.id)
      : [...new Set(accountIds)].sort((a, b) => a - b).filter((_, i) => (i + 1) % sliceSize === 0);
  return [...ends, null].map((throughId, i) => ({ afterId: i === 0 ? 0 : ends[i - 1], throughId }));
}

/**
 * The batch on PostgreSQL, through the bulk pool (lib/db/client.ts): the slices are cut in
 * advance, READ_AHEAD of them are read side by side while one is scored in Node and the last one
 * written, each statement on a connection of its own. Nothing is kept from slice to slice.
 */
async function rescoreOnPool(
  pool: pg.Pool,
  {
    asOf,
    accountIds,
    sliceSize,
    onSlice,
  }: { asOf: IsoDate; accountIds: number[] | null; sliceSize: number; onSlice?: (scored: number) => void },
  model: HealthModel,
  summary: RescoreSummary,
): Promise<void> {
  const slices = await cutSlices(pool, accountIds, sliceSize);
  // A cut slice holds whatever its id range holds when it is read: no LIMIT cuts it short.
  const read = ({ afterId, throughId }: Slice) =>
    handled(
      pool
        .query<InputsRow>(HEALTH_INPUTS_SQL.text, [asOf, accountIds, afterId, 2 ** 31 - 1, throughId])
        .then((r) => r.rows),
    );
  const reading = slices.slice(0, READ_AHEAD).map(read);
  const writing: Promise<unknown>[] = [];
  for (let next = READ_AHEAD; reading.length > 0; next++) {
    const rows = (await reading.shift()) ?? [];
    if (next < slices.length) reading.push(read(slices[next]));
    if (rows.length === 0) continue;
    const payload = await scoreSlice(rows, model, summary, accountIds !== null);
    onSlice?.(summary.scored);
    if (writing.length === WRITE_AHEAD) await writing.shift();
    writing.push(handled(pool.query(SAVE_HEALTH_SQL.text, [asOf, ...payload])));
  }
  await Promise.all(writing);
}

/**
 * Starts a query now (Prisma's promises are lazy) and marks it handled: its failure surfaces
 * where it is awaited, and Node does not abort meanwhile.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  const started = promise.then((value) => value);
  started.catch(() => undefined);
  return started;
}

/**
 * One slice's rows for SAVE_HEALTH_SQL, column by column (its parameters $2…$9, in this order).
 * The last three are text, one line per account (LINES): each snapshot's document as JSON, and
 * its readings and measures as float8[] literals.
 */
type SliceColumns = [
  ids: number[],
  scores: (number | null)[],
  bands: (Band | null)[],
  insufficient: boolean[],
  detractors: (string | null)[],
  documents: string,
  readings: string,
  measures: string,
];

/**
 * Lines of text passed as one parameter and split by the database (string_to_array): JSON text
 * never holds a raw line break (JSON.stringify escapes it inside strings), and as one string it
 * needs no escaping, where a text[] parameter escapes every quote of every document.
 */
const LINES = "\n";

/**
 * A float8[] literal ("{1.5,null,3}"; array input reads NULL in any case), made by
 * JSON.stringify, which prints numbers several times faster than joining them as strings (its
 * shortest form of each number reads back exactly).
 */
const float8Array = (values: (number | null)[]) => `{${JSON.stringify(values).slice(1, -1)}}`;

/** Scores one slice into the write's columns, in small steps that let pending I/O through. */
async function scoreSlice(
  rows: InputsRow[],
  model: HealthModel,
  summary: RescoreSummary,
  keep: boolean,
): Promise<SliceColumns> {
  const ids: number[] = [];
  const scores: (number | null)[] = [];
  const bands: (Band | null)[] = [];
  const insufficient: boolean[] = [];
  const detractors: (string | null)[] = [];
  const documents: string[] = [];
  const readings: string[] = [];
  const measures: string[] = [];
  for (const row of rows) {
    const r = scoreHealth(toInputs(row), model);
    summary.scored++;
    const band = r.band ?? "unscored";
    summary.bands[band] = (summary.bands[band] ?? 0) + 1;
    if (keep) summary.results.set(row.id, r);
    // Each account's text is made at once, so its objects die young: kept for the whole slice,
    // they outlived V8's young generation and cost a second of full collections per 50,000.
    ids.push(row.id);
    scores.push(r.score);
    bands.push(r.band);
    insufficient.push(r.insufficientData);
    detractors.push(r.biggestDetractor);
    documents.push(JSON.stringify(toStoredHealth(r)));
    readings.push(float8Array(snapshotReadings(r)));
    measures.push(float8Array(snapshotMeasures(r)));
    if (ids.length % SCORE_STEP === 0) await yieldToIo();
  }
  return [
    ids,
    scores,
    bands,
    insufficient,
    detractors,
    documents.join(LINES),
    readings.join(LINES),
    measures.join(LINES),
  ];
}

// One statement per slice writes both the snapshots and the accounts' current health, from one
// parameter per column (unnest). The documents arrive as lines of text and are stored in the
// json column as they are (checked, not parsed into a tree); the readings and measures as
// float8[] literals. Passing the slice as one JSON document instead cost far more: as jsonb,
// every number of every snapshot was parsed into a numeric (~350 ms of a 2,000-account slice);
// as json, json_to_recordset still took ~90 ms to take it apart (docs/benchmarks.md, "Snapshots
// as json").
// Snapshots hold the compact form of the result (lib/domain/health-snapshot.ts), its 19 scores as
// an array (readings, for the backtest) and its measures' raw values and targets (measures, for
// upsell triggers and playbook rules): both written from the numbers Node already has.
// Trend = score now − the latest stored score at least 30 days before (SPEC §3): the snapshots
// this statement writes are dated asOf, so they never take part in it. The accounts are also
// picked by `id = ANY($2)`: knowing the slice is 2,000 of them, the planner would otherwise hash
// every account in the table to join them (33 ms per slice at 50k, against 20 ms).
const SAVE_HEALTH_SQL = statement<[asOf: IsoDate, ...columns: SliceColumns]>`
WITH v AS (
  SELECT * FROM unnest($2::int[], $3::int[], $4::text[], $5::bool[], $6::text[],
      string_to_array($7::text, ${sqlLiteral(LINES)}), string_to_array($8::text, ${sqlLiteral(LINES)}),
      string_to_array($9::text, ${sqlLiteral(LINES)}))
    AS v(id, score, band, insufficient, detractor, result, readings, measures)
),
snapshots AS (
  INSERT INTO "HealthSnapshot" ("accountId", "asOf", score, band, "insufficientData", components, readings, measures,
    "computedAt")
  SELECT v.id, $1::date, v.score, v.band::"Band", v.insufficient, v.result::json, v.readings::float8[],
    v.measures::float8[], now()
  FROM v
  ON CONFLICT ("accountId", "asOf") DO UPDATE SET
    score = EXCLUDED.score, band = EXCLUDED.band, "insufficientData" = EXCLUDED."insufficientData",
    components = EXCLUDED.components, readings = EXCLUDED.readings, measures = EXCLUDED.measures,
    "computedAt" = EXCLUDED."computedAt"
)
UPDATE "Account" a SET
  "healthScore" = v.score,
  "healthBand" = v.band::"Band",
  "healthInsufficient" = v.insufficient,
  "healthDetractor" = v.detractor,
  "healthAsOf" = $1::date,
  "healthTrend" = v.score - (
    SELECT s.score FROM "HealthSnapshot" s
    WHERE s."accountId" = a.id AND s."asOf" <= $1::date - 30
    ORDER BY s."asOf" DESC LIMIT 1)
FROM v
WHERE a.id = v.id AND a.id = ANY($2::int[]) AND (a."healthAsOf" IS NULL OR a."healthAsOf" <= $1::date)`;

const SCORE_STEP = 250;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

const FACTS_INCLUDE = {
  usageDays: { orderBy: { date: "asc" } },
  tickets: { select: { openedAt: true } },
  surveys: { select: { type: true, score: true, respondedAt: true } },
  touchpoints: {
    select: { type: true, occurredAt: true, attended: true, contacts: { select: { contactId: true } } },
  },
  contacts: { select: { id: true, execSponsor: true, referenceWilling: true } },
  outcomes: { select: { dueDate: true, achieved: true, achievedAt: true } },
  renewals: { where: { status: "open" }, orderBy: { renewalDate: "asc" }, take: 1, select: { forecast: true } },
  expansions: { where: { status: "open" }, select: { arr: true } },
} satisfies Prisma.AccountInclude;

/**
 * Everything dated about one account, as the pure engine's facts — for scores as of any past
 * date (GET …/health?asOf=) and to cross-check the set-based SQL. Null for an unknown id.
 */
export async function loadHealthFacts(client: Db, accountId: number): Promise<HealthFacts | null> {
  const a = await client.account.findUnique({ where: { id: accountId }, include: FACTS_INCLUDE });
  return a && toHealthFacts(a);
}

/** The same facts for many accounts at once (one query per table), for the health backtest. */
export async function loadHealthFactsMany(client: Db, accountIds: number[]): Promise<Map<number, HealthFacts>> {
  const rows = await client.account.findMany({ where: { id: { in: accountIds } }, include: FACTS_INCLUDE });
  return new Map(rows.map((a) => [a.id, toHealthFacts(a)]));
}

function toHealthFacts(a: Prisma.AccountGetPayload<{ include: typeof FACTS_INCLUDE }>): HealthFacts {
  return {
    segment: a.segment,
    seats: a.seats,
    arr: Number(a.arr),
    contractStart: toIsoDate(a.contractStart),
    purchasedFeatures: a.purchasedFeatures,
    usage: a.usageDays.map((u) => ({
      date: toIsoDate(u.date),
      activeUsers: u.activeUsers,
      logins: u.logins,
      sessions: u.sessions,
      sessionMinutes: u.sessionMinutes,
      featuresUsed: u.featuresUsed,
      workflowsStarted: u.workflowsStarted,
      workflowsCompleted: u.workflowsCompleted,
      integrationsActive: u.integrationsActive,
      dataQuality: u.dataQuality,
    })),
    tickets: a.tickets.map((t) => ({ openedAt: toIsoDate(t.openedAt) })),
    surveys: a.surveys.map((s) => ({ type: s.type, score: s.score, respondedAt: toIsoDate(s.respondedAt) })),
    touchpoints: a.touchpoints.map((t) => ({
      type: t.type,
      occurredAt: toIsoDate(t.occurredAt),
      attended: t.attended,
      contactIds: t.contacts.map((c) => c.contactId),
    })),
    contacts: a.contacts,
    outcomes: a.outcomes.map((o) => ({
      dueDate: toIsoDate(o.dueDate),
      achieved: o.achieved,
      achievedAt: o.achievedAt ? toIsoDate(o.achievedAt) : null,
    })),
    renewalForecast: a.renewals[0]?.forecast ?? null,
    openExpansionArr: a.expansions.reduce((sum, e) => sum + Number(e.arr), 0),
  };
}

/**
 * Scores for a run of past dates, oldest first, so history charts and 30-day trends have data
 * from the first day (used after seeding; the daily job keeps it going from then on).
 */
export async function backfillHealthHistory(
  client: Db,
  { today, weeks }: { today: IsoDate; weeks: number },
): Promise<void> {
  const model = await getHealthModel(client);
  for (let w = weeks; w >= 0; w--) await recomputeHealth(client, { asOf: addDays(today, -7 * w), model });
}
