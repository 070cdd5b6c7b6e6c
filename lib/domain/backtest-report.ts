// A backtest's report: every figure of lib/domain/backtest.ts for each horizon, over all renewals
// and per segment, from one sample per (closed renewal, horizon). Pure: the job
// (lib/data/health/backtest.ts) loads the samples and stores what this returns.
import {
  BACKTEST_HORIZONS,
  aucOfColumn,
  aucOfSorted,
  BACKTEST_BANDS,
  calibrationOfCodes,
  median,
  quarterOf,
  redAlarmQuality,
  redLeadTimeDays,
  rocOfSorted,
  sortedClasses,
  type AlarmQuality,
  type BandRate,
  type Horizon,
} from "./backtest";
import type { IsoDate } from "./dates";
import type { Band, HealthResult } from "./health";
import { SEGMENTS, type Segment } from "./segments";
import { COMPONENT_KEYS, MEASURE_KEYS, type ComponentKey, type MeasureKey } from "./health-model";

export { SEGMENTS };
export type SegmentFilter = Segment | "all";

/** The score of one account as of a horizon date, and what it was made of. */
export interface ScoreReading {
  score: number | null;
  band: Band | null;
  /** In COMPONENT_KEYS order; null = no data. */
  components: (number | null)[];
  /** In MEASURE_KEYS order; null = no data. */
  measures: (number | null)[];
}

export interface BacktestSample extends ScoreReading {
  renewalId: number;
  segment: Segment;
  renewalDate: IsoDate;
  /** Churned or downgraded. */
  positive: boolean;
  horizonDays: Horizon;
}

/** The reading a full result holds. */
export function readingOf(result: HealthResult): ScoreReading {
  return {
    score: result.score,
    band: result.band,
    components: COMPONENT_KEYS.map((c) => result.components[c].score),
    measures: COMPONENT_KEYS.flatMap((c) => result.components[c].measures.map((m) => m.score)),
  };
}

export interface KeyAuc<K extends string> {
  key: K;
  /** Null when the scored renewals lack churned or retained ones. */
  auc: number | null;
  /** Renewals with a score for it. */
  n: number;
}

export interface QuarterFigure {
  quarter: string;
  n: number;
  positives: number;
  auc: number | null;
}

export interface BacktestSlice {
  horizonDays: Horizon;
  segment: SegmentFilter;
  /** Renewals with a score at the horizon. */
  n: number;
  positives: number;
  auc: number | null;
  aucLow: number | null;
  aucHigh: number | null;
  bands: BandRate[];
  alarm: AlarmQuality;
  components: KeyAuc<ComponentKey>[];
  /** Ranked by AUC, best first (no AUC last). */
  measures: KeyAuc<MeasureKey>[];
  /** [false-positive rate, true-positive rate], from (0, 0) to (1, 1). */
  roc: [number, number][];
  quarters: QuarterFigure[];
  /** Churned or downgraded renewals, those red at the last reading before, and the median days. */
  leadTime: { positives: number; alarmed: number; medianDays: number | null };
}

export function buildBacktestReport(samples: readonly BacktestSample[]): BacktestSlice[] {
  const leads = leadTimes(samples);
  // One pass puts each sample in its horizon's "all" slice and its segment's slice.
  const groups = new Map<string, BacktestSample[]>();
  const add = (key: string, sample: BacktestSample) => {
    const list = groups.get(key);
    if (list) list.push(sample);
    else groups.set(key, [sample]);
  };
  for (const s of samples) {
    add(`${s.horizonDays}|all`, s);
    add(`${s.horizonDays}|${s.segment}`, s);
  }
  const slices: BacktestSlice[] = [];
  for (const horizon of BACKTEST_HORIZONS) {
    for (const segment of ["all", ...SEGMENTS] as const) {
      slices.push(buildSlice(horizon, segment, groups.get(`${horizon}|${segment}`) ?? [], leads));
    }
  }
  return slices;
}

/**
 * The samples' scores as columns: the overall score, the 4 components, then the 15 measures
 * (NaN = no score); which renewals were lost; each band as its index in BACKTEST_BANDS; and each
 * renewal's quarter as an index into `quarters`. Typed columns keep 200,000 samples fast.
 */
function columnsOf(samples: readonly (BacktestSample & { band: Band })[]) {
  const count = samples.length;
  const columns = Array.from(
    { length: 1 + COMPONENT_KEYS.length + MEASURE_KEYS.length },
    () => new Float64Array(count),
  );
  const positive = new Uint8Array(count);
  const bands = new Uint8Array(count);
  const quarterOfSample = new Uint16Array(count);
  const quarters: string[] = [];
  const quarterIndex = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const s = samples[i];
    positive[i] = s.positive ? 1 : 0;
    bands[i] = BACKTEST_BANDS.indexOf(s.band);
    let q = quarterIndex.get(s.renewalDate);
    if (q === undefined) {
      const quarter = quarterOf(s.renewalDate);
      q = quarters.indexOf(quarter);
      if (q < 0) q = quarters.push(quarter) - 1;
      quarterIndex.set(s.renewalDate, q);
    }
    quarterOfSample[i] = q;
    columns[0][i] = s.score ?? Number.NaN;
    for (let k = 0; k < COMPONENT_KEYS.length; k++) columns[1 + k][i] = s.components[k] ?? Number.NaN;
    for (let k = 0; k < MEASURE_KEYS.length; k++) {
      columns[1 + COMPONENT_KEYS.length + k][i] = s.measures[k] ?? Number.NaN;
    }
  }
  return { columns, positive, bands, quarterOfSample, quarters };
}

function buildSlice(
  horizonDays: Horizon,
  segment: SegmentFilter,
  samples: readonly BacktestSample[],
  leads: Map<number, number | null>,
): BacktestSlice {
  const scored = samples.filter((s): s is BacktestSample & { score: number; band: Band } => s.score !== null);
  const { columns, positive, bands: bandCodes, quarterOfSample, quarters } = columnsOf(scored);
  const { pos, neg } = sortedClasses(columns[0], positive);
  const overall = aucOfSorted(pos, neg);
  const bands = calibrationOfCodes(bandCodes, positive);
  const keyAuc = <K extends string>(key: K, column: Float64Array): KeyAuc<K> => {
    const result = aucOfColumn(column, positive);
    return { key, auc: result?.auc ?? null, n: result?.n ?? 0 };
  };
  const positiveIds = new Set<number>();
  for (const s of samples) if (s.positive) positiveIds.add(s.renewalId);
  const alarmedLeads = [...positiveIds].map((id) => leads.get(id) ?? null).filter((d) => d !== null);
  return {
    horizonDays,
    segment,
    n: scored.length,
    positives: pos.length,
    auc: overall?.auc ?? null,
    aucLow: overall?.low ?? null,
    aucHigh: overall?.high ?? null,
    bands,
    alarm: redAlarmQuality(bands),
    components: COMPONENT_KEYS.map((key, k) => keyAuc(key, columns[1 + k])),
    measures: MEASURE_KEYS.map((key, k) => keyAuc(key, columns[1 + COMPONENT_KEYS.length + k])).sort(byAucDescending),
    roc: rocOfSorted(pos, neg).map((p) => [p.fpr, p.tpr]),
    quarters: quarterFigures(columns[0], positive, quarterOfSample, quarters),
    leadTime: { positives: positiveIds.size, alarmed: alarmedLeads.length, medianDays: median(alarmedLeads) },
  };
}

function byAucDescending(a: { auc: number | null }, b: { auc: number | null }): number {
  return (b.auc ?? -1) - (a.auc ?? -1);
}

/** Per quarter of renewal (in order): renewals, lost ones and the score's AUC. */
function quarterFigures(
  scores: Float64Array,
  positive: Uint8Array,
  quarterOfSample: Uint16Array,
  quarters: readonly string[],
): QuarterFigure[] {
  return quarters
    .map((quarter, q) => {
      const rows: number[] = [];
      for (let i = 0; i < quarterOfSample.length; i++) if (quarterOfSample[i] === q) rows.push(i);
      const values = Float64Array.from(rows, (i) => scores[i]);
      const lost = Uint8Array.from(rows, (i) => positive[i]);
      return {
        quarter,
        n: rows.length,
        positives: lost.reduce((t, v) => t + v, 0),
        auc: aucOfColumn(values, lost)?.auc ?? null,
      };
    })
    .sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}

/** Per churned or downgraded renewal: days before the renewal it turned red (over its horizons). */
function leadTimes(samples: readonly BacktestSample[]): Map<number, number | null> {
  const byRenewal = new Map<number, { daysBefore: number; band: Band | null }[]>();
  for (const s of samples) {
    if (!s.positive) continue;
    const list = byRenewal.get(s.renewalId) ?? [];
    list.push({ daysBefore: s.horizonDays, band: s.band });
    byRenewal.set(s.renewalId, list);
  }
  return new Map([...byRenewal].map(([id, list]) => [id, redLeadTimeDays(list)]));
}

/** The slice the API and the pages ask for. */
export function findSlice(
  slices: readonly BacktestSlice[],
  horizonDays: number,
  segment: SegmentFilter,
): BacktestSlice | null {
  return slices.find((s) => s.horizonDays === horizonDays && s.segment === segment) ?? null;
}

// ---------------------------------------------------------------------------------------------
// A segment's own model against the default one

/** One renewal at one horizon, scored by its segment's own model and by the default model. */
export interface ComparisonSample {
  segment: Segment;
  horizonDays: Horizon;
  positive: boolean;
  own: number | null;
  global: number | null;
}

export interface AucFigure {
  auc: number | null;
  aucLow: number | null;
  aucHigh: number | null;
}

/** How well each model ranked the same renewals of a segment, at one horizon. */
export interface ModelComparison {
  segment: Segment;
  horizonDays: Horizon;
  /** Renewals both models could score. */
  n: number;
  positives: number;
  own: AucFigure;
  global: AucFigure;
}

/**
 * Per segment (with samples) and horizon: the AUC, with its interval, of the segment's own
 * model and of the default model over the very same renewals — those both could score.
 */
export function compareSegmentModels(samples: readonly ComparisonSample[]): ModelComparison[] {
  const out: ModelComparison[] = [];
  for (const segment of SEGMENTS) {
    for (const horizonDays of BACKTEST_HORIZONS) {
      const rows = samples.filter(
        (s) => s.segment === segment && s.horizonDays === horizonDays && s.own !== null && s.global !== null,
      );
      if (rows.length === 0) continue;
      const positive = Uint8Array.from(rows, (s) => (s.positive ? 1 : 0));
      const figure = (pick: (s: ComparisonSample) => number | null): AucFigure => {
        const result = aucOfColumn(
          Float64Array.from(rows, (s) => pick(s) ?? Number.NaN),
          positive,
        );
        return { auc: result?.auc ?? null, aucLow: result?.low ?? null, aucHigh: result?.high ?? null };
      };
      out.push({
        segment,
        horizonDays,
        n: rows.length,
        positives: rows.filter((s) => s.positive).length,
        own: figure((s) => s.own),
        global: figure((s) => s.global),
      });
    }
  }
  return out;
}
