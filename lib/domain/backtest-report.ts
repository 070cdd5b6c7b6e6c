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

/**
 * A result's 19 scores as HealthSnapshot.readings stores them (the writer fills the column): the
 * 4 component scores in COMPONENT_KEYS order, then the 15 measure scores; null where no data.
 */
export function snapshotReadings(result: HealthResult): (number | null)[] {
  const reading = readingOf(result);
  return [...reading.components, ...reading.measures];
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

/** Numbers per reading in SampleColumns.scores: the score, the components, then the measures. */
export const READING_WIDTH = 1 + COMPONENT_KEYS.length + MEASURE_KEYS.length;
const NO_BAND = 255;

/**
 * Samples as columns, with no object per sample: the job fills them straight from the
 * database's text (200,000 renewals × 4 horizons). `scores` holds READING_WIDTH numbers per
 * sample (NaN = none); a sample with no reading at all (`read` 0) is left out of the report.
 */
export class SampleColumns {
  count = 0;
  readonly scores: Float64Array;
  readonly band: Uint8Array;
  readonly read: Uint8Array;
  readonly positive: Uint8Array;
  readonly segment: Uint8Array;
  readonly horizon: Uint8Array;
  readonly quarter: Uint16Array;
  readonly renewalId: Float64Array;
  readonly quarters: string[] = [];
  private readonly quarterOfDate = new Map<string, number>();

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(capacity * READING_WIDTH).fill(Number.NaN);
    this.band = new Uint8Array(capacity).fill(NO_BAND);
    this.read = new Uint8Array(capacity);
    this.positive = new Uint8Array(capacity);
    this.segment = new Uint8Array(capacity);
    this.horizon = new Uint8Array(capacity);
    this.quarter = new Uint16Array(capacity);
    this.renewalId = new Float64Array(capacity);
  }

  /** A new sample without its reading yet; returns its index. */
  add(s: Pick<BacktestSample, "renewalId" | "segment" | "renewalDate" | "positive" | "horizonDays">): number {
    const i = this.count++;
    this.renewalId[i] = s.renewalId;
    this.segment[i] = SEGMENTS.indexOf(s.segment);
    this.horizon[i] = BACKTEST_HORIZONS.indexOf(s.horizonDays);
    this.positive[i] = s.positive ? 1 : 0;
    let q = this.quarterOfDate.get(s.renewalDate);
    if (q === undefined) {
      const quarter = quarterOf(s.renewalDate);
      q = this.quarters.indexOf(quarter);
      if (q < 0) q = this.quarters.push(quarter) - 1;
      this.quarterOfDate.set(s.renewalDate, q);
    }
    this.quarter[i] = q;
    return i;
  }

  /** Sample i's reading: its band (null = none) and READING_WIDTH numbers from `values` at `from`. */
  setReading(i: number, band: Band | null, values: ArrayLike<number>, from = 0): void {
    this.band[i] = band === null ? NO_BAND : BACKTEST_BANDS.indexOf(band);
    for (let k = 0; k < READING_WIDTH; k++) this.scores[i * READING_WIDTH + k] = values[from + k];
    this.read[i] = 1;
  }
}

const nanIfNull = (value: number | null) => value ?? Number.NaN;

/** The numbers of a reading as SampleColumns stores them. */
export function readingNumbers(reading: ScoreReading): number[] {
  return [nanIfNull(reading.score), ...reading.components.map(nanIfNull), ...reading.measures.map(nanIfNull)];
}

/** Samples (objects) as columns. */
export function toSampleColumns(samples: readonly BacktestSample[]): SampleColumns {
  const columns = new SampleColumns(samples.length);
  for (const s of samples) columns.setReading(columns.add(s), s.band, readingNumbers(s));
  return columns;
}

export function buildBacktestReport(samples: readonly BacktestSample[]): BacktestSlice[] {
  return buildBacktestReportOfColumns(toSampleColumns(samples));
}

/** The report (one slice per horizon and segment) from samples as columns. */
export function buildBacktestReportOfColumns(samples: SampleColumns): BacktestSlice[] {
  const leads = leadTimes(samples);
  const slices: BacktestSlice[] = [];
  BACKTEST_HORIZONS.forEach((horizon, h) => {
    const all: number[] = [];
    for (let i = 0; i < samples.count; i++) if (samples.read[i] && samples.horizon[i] === h) all.push(i);
    const scored = all.filter((i) => !Number.isNaN(samples.scores[i * READING_WIDTH]));
    // The horizon's columns are built once; each segment's slice takes its rows by index.
    const columns = columnsOf(samples, scored);
    slices.push(buildSlice(horizon, "all", samples, all, columns, leads));
    SEGMENTS.forEach((segment, g) => {
      const rows: number[] = [];
      for (let r = 0; r < scored.length; r++) if (samples.segment[scored[r]] === g) rows.push(r);
      const ofSegment = all.filter((i) => samples.segment[i] === g);
      slices.push(buildSlice(horizon, segment, samples, ofSegment, rowsOf(columns, rows), leads));
    });
  });
  return slices;
}

type Columns = ReturnType<typeof columnsOf>;

/**
 * The given samples' scores as one column each: the overall score, the 4 components, then the
 * 15 measures (NaN = no score); which renewals were lost; each band as its index in
 * BACKTEST_BANDS; and each renewal's quarter as an index into `quarters`.
 */
function columnsOf(samples: SampleColumns, indices: readonly number[]) {
  const count = indices.length;
  const columns = Array.from({ length: READING_WIDTH }, () => new Float64Array(count));
  const positive = new Uint8Array(count);
  const bands = new Uint8Array(count);
  const quarterOfSample = new Uint16Array(count);
  for (let r = 0; r < count; r++) {
    const i = indices[r];
    positive[r] = samples.positive[i];
    bands[r] = samples.band[i];
    quarterOfSample[r] = samples.quarter[i];
    const at = i * READING_WIDTH;
    for (let k = 0; k < READING_WIDTH; k++) columns[k][r] = samples.scores[at + k];
  }
  return { columns, positive, bands, quarterOfSample, quarters: samples.quarters };
}

/** The given rows of every column, in order (a segment's share of its horizon). */
function rowsOf(all: Columns, rows: readonly number[]): Columns {
  const pick = <T extends Float64Array | Uint8Array | Uint16Array>(column: T, into: T): T => {
    for (let i = 0; i < rows.length; i++) into[i] = column[rows[i]];
    return into;
  };
  return {
    columns: all.columns.map((c) => pick(c, new Float64Array(rows.length))),
    positive: pick(all.positive, new Uint8Array(rows.length)),
    bands: pick(all.bands, new Uint8Array(rows.length)),
    quarterOfSample: pick(all.quarterOfSample, new Uint16Array(rows.length)),
    quarters: all.quarters,
  };
}

/** One slice: `indices` are its samples (scored or not), `columns` its scored ones. */
function buildSlice(
  horizonDays: Horizon,
  segment: SegmentFilter,
  samples: SampleColumns,
  indices: readonly number[],
  { columns, positive, bands: bandCodes, quarterOfSample, quarters }: Columns,
  leads: Map<number, number | null>,
): BacktestSlice {
  const { pos, neg } = sortedClasses(columns[0], positive);
  const overall = aucOfSorted(pos, neg);
  const bands = calibrationOfCodes(bandCodes, positive);
  const keyAuc = <K extends string>(key: K, column: Float64Array): KeyAuc<K> => {
    const result = aucOfColumn(column, positive);
    return { key, auc: result?.auc ?? null, n: result?.n ?? 0 };
  };
  const positiveIds = new Set<number>();
  for (const i of indices) if (samples.positive[i]) positiveIds.add(samples.renewalId[i]);
  const alarmedLeads = [...positiveIds].map((id) => leads.get(id) ?? null).filter((d) => d !== null);
  return {
    horizonDays,
    segment,
    n: positive.length,
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

/** Per quarter of renewal with renewals in the slice (in order): renewals, lost ones and the score's AUC. */
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
      if (rows.length === 0) return null;
      const values = Float64Array.from(rows, (i) => scores[i]);
      const lost = Uint8Array.from(rows, (i) => positive[i]);
      return {
        quarter,
        n: rows.length,
        positives: lost.reduce((t, v) => t + v, 0),
        auc: aucOfColumn(values, lost)?.auc ?? null,
      };
    })
    .filter((figure): figure is QuarterFigure => figure !== null)
    .sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}

/** Per churned or downgraded renewal: days before the renewal it turned red (over its horizons). */
function leadTimes(samples: SampleColumns): Map<number, number | null> {
  const byRenewal = new Map<number, { daysBefore: number; band: Band | null }[]>();
  for (let i = 0; i < samples.count; i++) {
    if (!samples.positive[i] || !samples.read[i]) continue;
    const id = samples.renewalId[i];
    const list = byRenewal.get(id) ?? [];
    list.push({ daysBefore: BACKTEST_HORIZONS[samples.horizon[i]], band: BACKTEST_BANDS[samples.band[i]] ?? null });
    byRenewal.set(id, list);
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
