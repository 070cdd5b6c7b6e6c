// Suggested component weights from the backtest: a regularised logistic regression of the
// renewal outcome (lost = churned or downgraded) on the four component scores, turned into
// whole-number weights that sum to 100, and both weightings' AUC over the same renewals.
//
// Why −β: the fitted log-odds of a loss are β₀ + Σ βₖ·cₖ. The health score is Σ wₖ·cₖ / Σ wₖ,
// and a lower score means more risk, so weights proportional to −βₖ rank accounts the way the
// fit does. A component whose β is ≥ 0 (a higher score went with more losses) gets no weight.
import { aucOfColumn, MIN_OUTCOMES_FOR_CONFIDENCE, type Horizon } from "./backtest";
import type { BacktestSample, SegmentFilter } from "./backtest-report";
import { roundHalfUp } from "./health";
import { COMPONENT_KEYS, type ComponentKey, type HealthModel } from "./health-model";
import { fitLogistic } from "./logistic";

export type Weights = HealthModel["weights"];

export interface WeightSuggestion {
  segment: SegmentFilter;
  horizonDays: Horizon;
  n: number;
  positives: number;
  current: Weights;
  /** Null when no component separated lost from kept renewals, or too few outcomes to fit. */
  suggested: Weights | null;
  aucCurrent: number | null;
  aucSuggested: number | null;
  /** Fewer than MIN_OUTCOMES_FOR_CONFIDENCE renewals: shown with a warning. */
  smallSample: boolean;
}

/** The L2 penalty on coefficients of component scores scaled 0..1. */
export const SUGGESTION_LAMBDA = 1;

/**
 * Weights proportional to max(0, −β), as whole numbers summing to 100 by largest remainder
 * (remainder ties go to the earlier component). Null when every β is ≥ 0.
 */
export function weightsFromCoefficients(coefficients: readonly number[]): Weights | null {
  const raw = coefficients.map((b) => Math.max(0, -b));
  const total = raw.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const exact = raw.map((r) => (r * 100) / total);
  const whole = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - whole[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = 100 - whole.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) whole[order[k][1]]++;
  return Object.fromEntries(COMPONENT_KEYS.map((c, i) => [c, whole[i]])) as Weights;
}

/**
 * The overall score the given weights make of these component scores, as scoreHealth does it:
 * Σ weight·score / Σ weight over the components with data, rounded half up; null when none.
 */
export function reweighedScore(components: readonly (number | null)[], weights: Weights): number | null {
  const columns = components.map((score) => Float64Array.of(score ?? Number.NaN));
  const score = reweighedScoreAt(
    columns,
    0,
    COMPONENT_KEYS.map((c) => weights[c]),
  );
  return Number.isNaN(score) ? null : score;
}

/** Component scores as columns (NaN = no score), and which renewals were lost. */
export interface ComponentColumns {
  /** One column per component, in COMPONENT_KEYS order. */
  components: readonly Float64Array[];
  positive: Uint8Array;
}

/** reweighedScore of row r of the columns (NaN = no score, and NaN when no component has one). */
function reweighedScoreAt(columns: readonly Float64Array[], r: number, weights: readonly number[]): number {
  let weighted = 0;
  let total = 0;
  for (let k = 0; k < columns.length; k++) {
    const score = columns[k][r];
    if (Number.isNaN(score)) continue;
    weighted += weights[k] * score;
    total += weights[k];
  }
  return total > 0 ? roundHalfUp(weighted / total) : Number.NaN;
}

function aucOfWeights({ components, positive }: ComponentColumns, weights: Weights): number | null {
  const w = COMPONENT_KEYS.map((c) => weights[c]);
  const scores = Float64Array.from(positive, (_, r) => reweighedScoreAt(components, r, w));
  return aucOfColumn(scores, positive)?.auc ?? null;
}

/** Component scores as features in 0..1; a missing one takes the mean of those present. */
function features({ components, positive }: ComponentColumns): number[][] {
  const means = components.map((column) => {
    let sum = 0;
    let present = 0;
    for (const v of column) {
      if (Number.isNaN(v)) continue;
      sum += v;
      present++;
    }
    return present ? sum / present : 50;
  });
  return Array.from(positive, (_, r) =>
    components.map((column, k) => (Number.isNaN(column[r]) ? means[k] : column[r]) / 100),
  );
}

/** Fits and compares, over the samples of one horizon (and segment). */
export function suggestWeights(
  samples: readonly BacktestSample[],
  current: Weights,
  scope: { segment: SegmentFilter; horizonDays: Horizon },
): WeightSuggestion {
  const columns: ComponentColumns = {
    components: COMPONENT_KEYS.map((_, k) => Float64Array.from(samples, (s) => s.components[k] ?? Number.NaN)),
    positive: Uint8Array.from(samples, (s) => (s.positive ? 1 : 0)),
  };
  return suggestWeightsOfColumns(columns, current, scope);
}

/** As suggestWeights, from the samples' component columns. */
export function suggestWeightsOfColumns(
  columns: ComponentColumns,
  current: Weights,
  { segment, horizonDays }: { segment: SegmentFilter; horizonDays: Horizon },
): WeightSuggestion {
  const n = columns.positive.length;
  const positives = columns.positive.reduce((t, v) => t + v, 0);
  const fittable = positives > 0 && positives < n;
  const fit = fittable
    ? fitLogistic(
        features(columns),
        Array.from(columns.positive, (v) => v === 1),
        { lambda: SUGGESTION_LAMBDA },
      )
    : null;
  const suggested = fit ? weightsFromCoefficients(fit.coefficients) : null;
  return {
    segment,
    horizonDays,
    n,
    positives,
    current,
    suggested,
    aucCurrent: aucOfWeights(columns, current),
    aucSuggested: suggested ? aucOfWeights(columns, suggested) : null,
    smallSample: n < MIN_OUTCOMES_FOR_CONFIDENCE,
  };
}

export const sameWeights = (a: Weights, b: Weights) => COMPONENT_KEYS.every((c: ComponentKey) => a[c] === b[c]);
