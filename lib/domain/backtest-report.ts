// A backtest's report: every figure of lib/domain/backtest.ts for each horizon, over all renewals
// and per segment, from one sample per (closed renewal, horizon). Pure: the job
// (lib/data/health/backtest.ts) loads the samples and stores what this returns.
import {
  BACKTEST_HORIZONS,
  aucOfSorted,
  calibrationByBand,
  median,
  quarterOf,
  redAlarmQuality,
  redLeadTimeDays,
  rocCurve,
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
  const slices: BacktestSlice[] = [];
  for (const horizon of BACKTEST_HORIZONS) {
    const atHorizon = samples.filter((s) => s.horizonDays === horizon);
    for (const segment of ["all", ...SEGMENTS] as const) {
      const rows = segment === "all" ? atHorizon : atHorizon.filter((s) => s.segment === segment);
      slices.push(buildSlice(horizon, segment, rows, leads));
    }
  }
  return slices;
}

/** The AUC of one score over the samples that have it. */
export function aucOf(samples: readonly BacktestSample[], pick: (s: BacktestSample) => number | null) {
  const pos: number[] = [];
  const neg: number[] = [];
  for (const s of samples) {
    const value = pick(s);
    if (value === null) continue;
    (s.positive ? pos : neg).push(value);
  }
  return {
    result: aucOfSorted(Float64Array.from(pos).sort(), Float64Array.from(neg).sort()),
    n: pos.length + neg.length,
  };
}

function buildSlice(
  horizonDays: Horizon,
  segment: SegmentFilter,
  samples: readonly BacktestSample[],
  leads: Map<number, number | null>,
): BacktestSlice {
  const scored = samples.filter((s): s is BacktestSample & { score: number; band: Band } => s.score !== null);
  const overall = aucOf(scored, (s) => s.score).result;
  const bands = calibrationByBand(scored);
  const keyAuc = <K extends string>(key: K, pick: (s: BacktestSample) => number | null): KeyAuc<K> => {
    const { result, n } = aucOf(scored, pick);
    return { key, auc: result?.auc ?? null, n };
  };
  const positiveIds = [...new Set(samples.filter((s) => s.positive).map((s) => s.renewalId))];
  const alarmedLeads = positiveIds.map((id) => leads.get(id) ?? null).filter((d) => d !== null);
  return {
    horizonDays,
    segment,
    n: scored.length,
    positives: scored.filter((s) => s.positive).length,
    auc: overall?.auc ?? null,
    aucLow: overall?.low ?? null,
    aucHigh: overall?.high ?? null,
    bands,
    alarm: redAlarmQuality(bands),
    components: COMPONENT_KEYS.map((key, k) => keyAuc(key, (s) => s.components[k])),
    measures: MEASURE_KEYS.map((key, k) => keyAuc(key, (s) => s.measures[k])).sort(byAucDescending),
    roc: rocCurve(scored).map((p) => [p.fpr, p.tpr]),
    quarters: quarterFigures(scored),
    leadTime: { positives: positiveIds.length, alarmed: alarmedLeads.length, medianDays: median(alarmedLeads) },
  };
}

function byAucDescending(a: { auc: number | null }, b: { auc: number | null }): number {
  return (b.auc ?? -1) - (a.auc ?? -1);
}

function quarterFigures(samples: readonly (BacktestSample & { score: number })[]): QuarterFigure[] {
  const byQuarter = new Map<string, BacktestSample[]>();
  for (const s of samples) {
    const quarter = quarterOf(s.renewalDate);
    const list = byQuarter.get(quarter) ?? [];
    list.push(s);
    byQuarter.set(quarter, list);
  }
  return [...byQuarter]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([quarter, rows]) => ({
      quarter,
      n: rows.length,
      positives: rows.filter((r) => r.positive).length,
      auc: aucOf(rows, (r) => r.score).result?.auc ?? null,
    }));
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
      const figure = (pick: (s: ComparisonSample) => number | null): AucFigure => {
        const pos = Float64Array.from(rows.filter((s) => s.positive).map((s) => pick(s) ?? 0)).sort();
        const neg = Float64Array.from(rows.filter((s) => !s.positive).map((s) => pick(s) ?? 0)).sort();
        const result = aucOfSorted(pos, neg);
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
