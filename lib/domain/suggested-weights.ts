// Suggested component weights from the backtest: a regularised logistic regression of the
// renewal outcome (lost = churned or downgraded) on the four component scores, turned into
// whole-number weights that sum to 100, and both weightings' AUC over the same renewals.
//
// Why −β: the fitted log-odds of a loss are β₀ + Σ βₖ·cₖ. The health score is Σ wₖ·cₖ / Σ wₖ,
// and a lower score means more risk, so weights proportional to −βₖ rank accounts the way the
// fit does. A component whose β is ≥ 0 (a higher score went with more losses) gets no weight.
import { aucOfSorted, MIN_OUTCOMES_FOR_CONFIDENCE, type Horizon } from "./backtest";
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
  let weighted = 0;
  let total = 0;
  COMPONENT_KEYS.forEach((c, i) => {
    const score = components[i];
    if (score === null) return;
    weighted += weights[c] * score;
    total += weights[c];
  });
  return total > 0 ? roundHalfUp(weighted / total) : null;
}

function aucOfWeights(samples: readonly BacktestSample[], weights: Weights): number | null {
  const pos: number[] = [];
  const neg: number[] = [];
  for (const s of samples) {
    const score = reweighedScore(s.components, weights);
    if (score !== null) (s.positive ? pos : neg).push(score);
  }
  return aucOfSorted(Float64Array.from(pos).sort(), Float64Array.from(neg).sort())?.auc ?? null;
}

/** Component scores as features in 0..1; a missing one takes the mean of those present. */
function features(samples: readonly BacktestSample[]): number[][] {
  const means = COMPONENT_KEYS.map((_, i) => {
    const present = samples.map((s) => s.components[i]).filter((v) => v !== null);
    return present.length ? present.reduce((a, b) => a + b, 0) / present.length : 50;
  });
  return samples.map((s) => s.components.map((v, i) => (v ?? means[i]) / 100));
}

/** Fits and compares, over the samples of one horizon (and segment). */
export function suggestWeights(
  samples: readonly BacktestSample[],
  current: Weights,
  { segment, horizonDays }: { segment: SegmentFilter; horizonDays: Horizon },
): WeightSuggestion {
  const positives = samples.filter((s) => s.positive).length;
  const fittable = positives > 0 && positives < samples.length;
  const fit = fittable
    ? fitLogistic(
        features(samples),
        samples.map((s) => s.positive),
        { lambda: SUGGESTION_LAMBDA },
      )
    : null;
  const suggested = fit ? weightsFromCoefficients(fit.coefficients) : null;
  return {
    segment,
    horizonDays,
    n: samples.length,
    positives,
    current,
    suggested,
    aucCurrent: aucOfWeights(samples, current),
    aucSuggested: suggested ? aucOfWeights(samples, suggested) : null,
    smallSample: samples.length < MIN_OUTCOMES_FOR_CONFIDENCE,
  };
}

export const sameWeights = (a: Weights, b: Weights) => COMPONENT_KEYS.every((c: ComponentKey) => a[c] === b[c]);
