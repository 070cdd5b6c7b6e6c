import { describe, expect, test } from "vitest";
import { derivatives, fitLogistic, solve } from "@/lib/domain/logistic";
import type { BacktestSample } from "@/lib/domain/backtest-report";
import { reweighedScore, suggestWeights, weightsFromCoefficients } from "@/lib/domain/suggested-weights";

describe("logistic regression", () => {
  test("solves a small linear system exactly", () => {
    // 2a + b = 5, a + 3b = 10 → a = 1, b = 3.
    const s = solve(
      [
        [2, 1],
        [1, 3],
      ],
      [5, 10],
    );
    expect(s[0]).toBeCloseTo(1, 14);
    expect(s[1]).toBeCloseTo(3, 14);
  });

  test("with no features the intercept is the log-odds of the base rate", () => {
    const fit = fitLogistic([[], [], [], []], [true, false, false, false]);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 12);
  });

  test("without a penalty, one binary feature reproduces each group's log-odds", () => {
    // x = 0: 1 lost of 2 (log-odds 0); x = 1: 1 lost of 4 (log-odds ln 1/3).
    const x = [[0], [0], [1], [1], [1], [1]];
    const y = [true, false, true, false, false, false];
    const fit = fitLogistic(x, y, { lambda: 0 });
    expect(fit.intercept).toBeCloseTo(0, 12);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(1 / 3), 12);
  });

  test("with the penalty, the gradient vanishes at the fit and separable data stay finite", () => {
    const x = [
      [0.1, 0.9],
      [0.2, 0.4],
      [0.8, 0.3],
      [0.9, 0.8],
    ];
    const y = [true, true, false, false]; // separable on the first feature
    const fit = fitLogistic(x, y, { lambda: 1 });
    expect(fit.converged).toBe(true);
    const { gradient } = derivatives(x, y, [fit.intercept, ...fit.coefficients], 1);
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-9);
    expect(fit.coefficients[0]).toBeLessThan(0);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
  });
});

describe("weights from coefficients", () => {
  test.each<[number[], Record<string, number> | null]>([
    [[-2, -1, -1, 0.5], { engagement: 50, product: 25, relationship: 25, business: 0 }],
    [[-1, -1, -1, 0], { engagement: 34, product: 33, relationship: 33, business: 0 }],
    // 16.67 × 3 + 50: two points short after flooring, to the first two.
    [[-1, -1, -1, -3], { engagement: 17, product: 17, relationship: 16, business: 50 }],
    [[-0.3, -0.3, -0.3, -0.1], { engagement: 30, product: 30, relationship: 30, business: 10 }],
    [[0.2, 0, 1, 3], null],
  ])("%j → %j", (coefficients, expected) => {
    const weights = weightsFromCoefficients(coefficients);
    expect(weights).toEqual(expected);
    if (weights) expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  test("a score reweighed over the components with data, rounded half up", () => {
    // (40·80 + 20·40 + 10·100) / 70 = 71.43 → 71; product has no data.
    expect(reweighedScore([80, null, 40, 100], { engagement: 40, product: 30, relationship: 20, business: 10 })).toBe(
      71,
    );
    expect(
      reweighedScore([null, null, null, null], { engagement: 40, product: 30, relationship: 20, business: 10 }),
    ).toBe(null);
  });
});

describe("suggesting weights", () => {
  const sample = (positive: boolean, components: (number | null)[]): BacktestSample => ({
    renewalId: 0,
    segment: "smb",
    renewalDate: "2026-06-30",
    positive,
    horizonDays: 90,
    score: null,
    band: null,
    components,
    measures: [],
  });
  // Relationship tells lost from kept renewals apart; engagement runs the wrong way.
  const samples = [
    sample(true, [90, 50, 10, 50]),
    sample(true, [80, 50, 20, 50]),
    sample(true, [70, 50, 30, null]),
    sample(false, [20, 50, 80, 50]),
    sample(false, [30, 50, 90, 50]),
    sample(false, [40, 50, 70, 50]),
  ];
  const current = { engagement: 40, product: 30, relationship: 20, business: 10 };

  test("moves the weight to the component that predicts, and the AUC improves", () => {
    const s = suggestWeights(samples, current, { segment: "all", horizonDays: 90 });
    expect(s.suggested?.relationship).toBeGreaterThan(50);
    expect(s.suggested?.engagement).toBe(0);
    expect(s.aucSuggested).toBe(1);
    expect(s.aucCurrent).toBeLessThan(0.5);
    expect(s.smallSample).toBe(true);
    expect(s).toMatchObject({ n: 6, positives: 3 });
  });

  test("makes no suggestion without both outcomes", () => {
    const s = suggestWeights(samples.slice(0, 3), current, { segment: "all", horizonDays: 90 });
    expect(s.suggested).toBeNull();
    expect(s.aucCurrent).toBeNull();
  });
});
