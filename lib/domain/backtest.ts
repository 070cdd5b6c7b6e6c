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

/**
 * Mid-ranks (1-based, ties share the mean of their ranks) of `values` in DESCENDING order, so
 * the lowest score — the highest risk — gets the highest rank.
 */
function riskRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1][0] === order[start][0]) end++;
    const mid = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k][1]] = mid;
    start = end + 1;
  }
  return ranks;
}

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
 * of that statistic, computed with Sun & Xu's (2014) mid-rank method, as auc ± 1.96·σ clamped to
 * [0, 1]. Null when either class is empty.
 */
export function aucWithInterval(observations: readonly Observation[]): AucResult | null {
  const pos = observations.filter((o) => o.positive).map((o) => o.score);
  const neg = observations.filter((o) => !o.positive).map((o) => o.score);
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return null;
  const all = riskRanks([...pos, ...neg]);
  const withinPos = riskRanks(pos);
  const withinNeg = riskRanks(neg);
  // V10[i]: share of negatives the i-th positive out-ranks in risk; V01[j]: share of positives
  // that out-rank the j-th negative.
  const v10 = pos.map((_, i) => (all[i] - withinPos[i]) / n);
  const v01 = neg.map((_, j) => 1 - (all[m + j] - withinNeg[j]) / m);
  const auc = mean(v10);
  const variance = sampleVariance(v10) / m + sampleVariance(v01) / n;
  const half = Z_95 * Math.sqrt(variance);
  return {
    auc,
    low: Math.max(0, auc - half),
    high: Math.min(1, auc + half),
    n: m + n,
    positives: m,
  };
}

/** The AUC alone (null when either class is empty). */
export function auc(observations: readonly Observation[]): number | null {
  return aucWithInterval(observations)?.auc ?? null;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Unbiased (n − 1) variance; 0 for a single value. */
function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mu = mean(values);
  return values.reduce((total, v) => total + (v - mu) ** 2, 0) / (values.length - 1);
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
  const positives = observations.filter((o) => o.positive).length;
  const negatives = observations.length - positives;
  if (positives === 0 || negatives === 0) return [];
  const sorted = [...observations].sort((a, b) => a.score - b.score);
  const points: RocPoint[] = [{ threshold: -Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < sorted.length; k++) {
    if (sorted[k].positive) tp++;
    else fp++;
    if (k + 1 === sorted.length || sorted[k + 1].score !== sorted[k].score) {
      points.push({ threshold: sorted[k].score, fpr: fp / negatives, tpr: tp / positives });
    }
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
  return BACKTEST_BANDS.map((band) => {
    const inBand = rows.filter((r) => r.band === band);
    const positives = inBand.filter((r) => r.positive).length;
    return { band, n: inBand.length, positives, churnRate: inBand.length ? positives / inBand.length : null };
  });
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
