import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import {
  daysToSignature,
  median,
  nextRenewalDate,
  outcomeArrProblem,
  outcomeMovement,
  pipelineTotals,
  renewalStage,
  scaleLinePrices,
  termMonths,
} from "@/lib/domain/renewals";

const asOf = "2026-11-23";
const inDays = (n: number) => addDays(asOf, n);

// Each window's tasks are the "Renewal preparation" playbook's (tests/unit/playbooks.test.ts).
describe("renewalStage", () => {
  it.each([
    [91, "later"],
    [90, "61-90"],
    [61, "61-90"],
    [60, "31-60"],
    [31, "31-60"],
    [30, "0-30"],
    [0, "0-30"],
    [-1, "overdue"],
  ])("%i days out is %s", (days, window) => {
    expect(renewalStage(inDays(days), asOf)).toBe(window);
  });
});

describe("outcomes", () => {
  it.each([
    ["renewed", 100_00, 100_00, null],
    ["renewed", 100_00, 120_00, "A flat renewal keeps the current ARR; use expanded or downgraded."],
    ["expanded", 100_00, 120_00, null],
    ["expanded", 100_00, 100_00, "An expansion needs a new ARR above the current ARR."],
    ["downgraded", 100_00, 80_00, null],
    ["downgraded", 100_00, 100_00, "A downgrade needs a new ARR below the current ARR."],
    ["churned", 100_00, null, null],
    ["churned", 100_00, 0, null],
    ["churned", 100_00, 5_00, "A churned renewal has no new ARR (0 or left out)."],
    ["expanded", 100_00, null, "Required for this outcome."],
  ] as const)("%s from %i cents to %s cents: %s", (outcome, current, next, problem) => {
    expect(outcomeArrProblem(outcome, current, next)).toBe(problem);
  });

  it.each([
    ["renewed", 100_00, 100_00, null],
    ["expanded", 100_00, 130_50, { type: "expansion", amountCents: 30_50 }],
    ["downgraded", 100_00, 70_00, { type: "contraction", amountCents: -30_00 }],
    ["churned", 100_00, 0, { type: "churn", amountCents: -100_00 }],
  ] as const)("%s records %j", (outcome, current, next, movement) => {
    expect(outcomeMovement(outcome, current, next)).toEqual(movement);
  });

  it.each([
    ["2025-12-01", "2026-12-01", 12, "2027-12-01"],
    ["2023-12-01", "2026-12-01", 36, "2029-12-01"],
    ["2026-06-01", "2026-12-01", 12, "2027-12-01"],
    ["2025-11-01", "2026-12-01", 12, "2027-12-01"],
    ["2024-05-01", "2026-12-01", 36, "2029-12-01"],
    ["2024-02-29", "2025-02-28", 12, "2026-02-28"],
  ])("a term from %s to %s is %i months: next renewal %s", (start, renewal, months, next) => {
    expect(termMonths(start, renewal)).toBe(months);
    expect(nextRenewalDate(start, renewal)).toBe(next);
  });

  it("scales line prices to the new ARR exactly", () => {
    expect(scaleLinePrices([100_00, 50_00], 180_00)).toEqual([120_00, 60_00]);
    expect(scaleLinePrices([1_00, 1_00, 1_00], 10_00)).toEqual([333, 333, 334]);
    expect(scaleLinePrices([], 10_00)).toEqual([]);
  });
});

describe("time to signature and totals", () => {
  it("counts days from process start to signature and takes the median", () => {
    expect(daysToSignature("2026-01-01", "2026-01-21")).toBe(20);
    expect(daysToSignature("2026-01-21", "2026-01-01")).toBe(0);
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 30, 41])).toBe(25);
  });

  it("sums ARR due, at risk (red/yellow or at risk/lost) and expected by forecast weight", () => {
    const totals = pipelineTotals([
      { arr: 1000, band: "green", forecast: "commit" },
      { arr: 1000, band: "yellow", forecast: "likely" },
      { arr: 1000, band: "green", forecast: "at_risk" },
      { arr: 1000, band: "purple", forecast: "lost" },
      { arr: 1000.01, band: null, forecast: null },
    ]);
    expect(totals).toEqual({ count: 5, arrDue: 5000.01, arrAtRisk: 3000, expectedArr: 1000 + 750 + 250 + 0 + 750.01 });
  });
});
