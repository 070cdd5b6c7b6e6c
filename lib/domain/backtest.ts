// How well the health score predicts renewal outcomes: the statistics of a backtest, pure.
//
// Direction: a LOWER health score means HIGHER risk. Every function here takes health scores as
// they are (0..100, higher = healthier) and a positive flag (the renewal churned or downgraded),
// so no caller has to remember to flip a sign. An AUC of 1 means every churned account scored
// below every retained one; 0.5 means the score ranks them no better than a coin.
import type { Band } from "./health";
import { roundHalfUp } from "./health";

export interface Observation {
  /** Health score (or component / measure score) as of the horizon date; higher = healthier. */
  score: number;
  /** The renewal churned or downgraded. */
  positive: boolean;
}

/** The renewal outcomes a backtest reads, and which count as the event it should predict. */
export const CLOSED_OUTCOMES = ["renewed", "expanded", "downgraded", "churned"] as const;
export type ClosedOutcome = (typeof CLOSED_OUTCOMES)[number];
export const POSITIVE_OUTCOMES: readonly ClosedOutcome[] = ["churned", "downgraded"];
export const isPositiveOutcome = (outcome: ClosedOutcome) => POSITIVE_OUTCOMES.includes(outcome);

/** Days before the renewal date at which the score is read. */
export const BACKTEST_HORIZONS = [30, 60, 90, 180] as const;
export type Horizon = (typeof BACKTEST_HORIZONS)[number];

/** Below this many outcomes an AUC's interval is wide: the UI says so. */
export const MIN_OUTCOMES_FOR_CONFIDENCE = 50;

const Z_95 = 1.959963984540054;

// ---------------------------------------------------------------------------------------------
// AUC and its interval

export interface AucResult {
  auc: number;
  low: number;
  high: number;
  n: number;
  positives: number;
}

/**
 * ROC AUC by the Mann–Whitney statistic: the share of (positive, negative) pairs in which the
 * positive scored lower, a tie counting one half. The 95 % interval is DeLong's (1988) variance
 * of that statistic, as auc ± 1.96·σ clamped to [0, 1]. Null when either class is empty.
 *
 * DeLong's placement values are equal within a run of tied scores, so one walk over both
 * classes' sorted scores finds them run by run: for a churned account, the share of retained
 * ones scoring higher (ties ½); for a retained account, the share of churned ones scoring lower
 * (ties ½). Sorting typed arrays keeps 200,000 renewals well under 50 ms.
 */
export function aucWithInterval(observations: readonly Observation[]): AucResult | null {
  const pos = Float64Array.from(observations.filter((o) => o.positive).map((o) => o.score)).sort();
  const neg = Float64Array.from(observations.filter((o) => !o.positive).map((o) => o.score)).sort();
  return aucOfSorted(pos, neg);
}

/**
 * As aucWithInterval, from each class's scores sorted ascending. One walk over runs of equal
 * scores; each run's placements and counts go into typed arrays, so 200,000 renewals × 20 scores
 * allocate almost nothing.
 */
export function aucOfSorted(pos: Float64Array, neg: Float64Array): AucResult | null {
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return null;
  // Per run of one score: the placement of its churned accounts and their count, then the
  // placement of its retained ones and their count.
  const posPlace = new Float64Array(m + n);
  const posCount = new Float64Array(m + n);
  const negPlace = new Float64Array(m + n);
  const negCount = new Float64Array(m + n);
  let runs = 0;
  for (let i = 0, j = 0; i < m || j < n; runs++) {
    const value = j >= n || (i < m && pos[i] <= neg[j]) ? pos[i] : neg[j];
    const posBelow = i;
    const negBelow = j;
    while (i < m && pos[i] === value) i++;
    while (j < n && neg[j] === value) j++;
    const tiedPos = i - posBelow;
    const tiedNeg = j - negBelow;
    posPlace[runs] = (n - negBelow - tiedNeg / 2) / n;
    posCount[runs] = tiedPos;
    negPlace[runs] = (posBelow + tiedPos / 2) / m;
    negCount[runs] = tiedNeg;
  }
  const auc = weightedMean(posPlace, posCount, runs, m);
  const variance =
    weightedVariance(posPlace, posCount, runs, m, auc) / m + weightedVariance(negPlace, negCount, runs, n, auc) / n;
  const half = Z_95 * Math.sqrt(variance);
  return { auc, low: Math.max(0, auc - half), high: Math.min(1, auc + half), n: m + n, positives: m };
}

function weightedMean(values: Float64Array, counts: Float64Array, runs: number, total: number): number {
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += values[r] * counts[r];
  return sum / total;
}

/** Unbiased (k − 1) variance of the placements (both classes' means equal the AUC); 0 for one. */
function weightedVariance(values: Float64Array, counts: Float64Array, runs: number, total: number, mu: number) {
  if (total < 2) return 0;
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += counts[r] * (values[r] - mu) ** 2;
  return sum / (total - 1);
}

/**
 * One score column split by class and sorted ascending: `values[i]` is sample i's score (NaN =
 * none, left out), `positive[i]` 1 for a lost renewal.
 */
export function sortedClasses(values: Float64Array, positive: Uint8Array): { pos: Float64Array; neg: Float64Array } {
  let m = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (positive[i]) m++;
    else n++;
  }
  const pos = new Float64Array(m);
  const neg = new Float64Array(n);
  for (let i = 0, p = 0, q = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (positive[i]) pos[p++] = values[i];
    else neg[q++] = values[i];
  }
  return { pos: pos.sort(), neg: neg.sort() };
}

/** The AUC of one score column (see sortedClasses). */
export function aucOfColumn(values: Float64Array, positive: Uint8Array): AucResult | null {
  const { pos, neg } = sortedClasses(values, positive);
  return aucOfSorted(pos, neg);
}

/** The AUC alone (null when either class is empty). */
export function auc(observations: readonly Observation[]): number | null {
  return aucWithInterval(observations)?.auc ?? null;
}

// ---------------------------------------------------------------------------------------------
// ROC curve

export interface RocPoint {
  /** Alarm when the score is at or below this threshold. */
  threshold: number;
  /** Share of retained accounts flagged (false-positive rate). */
  fpr: number;
  /** Share of churned accounts flagged (true-positive rate, recall). */
  tpr: number;
}

/**
 * The ROC curve: one point per distinct score, from the strictest alarm (score ≤ the lowest
 * score) to the loosest (every account), after a starting point (0, 0) at threshold −∞.
 * Its trapezoidal area equals the Mann–Whitney AUC.
 */
export function rocCurve(observations: readonly Observation[]): RocPoint[] {
  const pos = Float64Array.from(observations.filter((o) => o.positive).map((o) => o.score)).sort();
  const neg = Float64Array.from(observations.filter((o) => !o.positive).map((o) => o.score)).sort();
  return rocOfSorted(pos, neg);
}

/** The ROC curve from each class's scores sorted ascending: one walk over runs of equal scores. */
export function rocOfSorted(pos: Float64Array, neg: Float64Array): RocPoint[] {
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return [];
  const points: RocPoint[] = [{ threshold: -Infinity, fpr: 0, tpr: 0 }];
  for (let i = 0, j = 0; i < m || j < n;) {
    const value = j >= n || (i < m && pos[i] <= neg[j]) ? pos[i] : neg[j];
    while (i < m && pos[i] === value) i++;
    while (j < n && neg[j] === value) j++;
    points.push({ threshold: value, fpr: j / n, tpr: i / m });
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Calibration, lift, alarm quality

export const BACKTEST_BANDS: readonly Band[] = ["red", "yellow", "green", "purple"];

export interface BandRate {
  band: Band;
  n: number;
  positives: number;
  /** positives / n; null when no renewal fell in the band. */
  churnRate: number | null;
}

/** Churn rate by band: how often the renewals of accounts in each band churned or downgraded. */
export function calibrationByBand(rows: readonly { band: Band; positive: boolean }[]): BandRate[] {
  return calibrationOfCodes(
    Uint8Array.from(rows, (r) => BACKTEST_BANDS.indexOf(r.band)),
    Uint8Array.from(rows, (r) => (r.positive ? 1 : 0)),
  );
}

/** As calibrationByBand, from each renewal's band as its index in BACKTEST_BANDS. */
export function calibrationOfCodes(bands: Uint8Array, positive: Uint8Array): BandRate[] {
  const n = new Array<number>(BACKTEST_BANDS.length).fill(0);
  const positives = new Array<number>(BACKTEST_BANDS.length).fill(0);
  for (let i = 0; i < bands.length; i++) {
    n[bands[i]]++;
    positives[bands[i]] += positive[i];
  }
  return BACKTEST_BANDS.map((band, k) => ({
    band,
    n: n[k],
    positives: positives[k],
    churnRate: n[k] ? positives[k] / n[k] : null,
  }));
}

export interface AlarmQuality {
  baseRate: number | null;
  /** Red's churn rate ÷ the base rate; null without red renewals or positives. */
  lift: number | null;
  /** Of the renewals flagged red, the share that churned or downgraded. */
  precision: number | null;
  /** Of the renewals that churned or downgraded, the share flagged red. */
  recall: number | null;
}

/** "Red" as a churn alarm, read from the calibration rows. */
export function redAlarmQuality(bands: readonly BandRate[]): AlarmQuality {
  const n = bands.reduce((t, b) => t + b.n, 0);
  const positives = bands.reduce((t, b) => t + b.positives, 0);
  const red = bands.find((b) => b.band === "red");
  const baseRate = n ? positives / n : null;
  const precision = red?.churnRate ?? null;
  return {
    baseRate,
    lift: precision !== null && baseRate ? precision / baseRate : null,
    precision,
    recall: positives && red ? red.positives / positives : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Lead time

/**
 * How many days before the renewal date a churned account turned red and stayed red: the
 * earliest sample of the unbroken red run that reaches the last sample before the renewal.
 * Null when that last sample is not red (the alarm was not raised). Samples may come in any
 * order; those on or after the renewal date are ignored.
 */
export function redLeadTimeDays(samples: readonly { daysBefore: number; band: Band | null }[]): number | null {
  const before = samples.filter((s) => s.daysBefore > 0).sort((a, b) => a.daysBefore - b.daysBefore);
  let lead: number | null = null;
  for (const sample of before) {
    if (sample.band !== "red") break;
    lead = sample.daysBefore;
  }
  return lead;
}

/** The median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Splits

/** "2026-Q3" for a YYYY-MM-DD date. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** A rate as a whole percentage for sentences ("churned 38% of the time"). */
export function percent(rate: number): string {
  return `${roundHalfUp(rate * 100)}%`;
}
