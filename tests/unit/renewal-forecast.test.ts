import { describe, expect, it } from "vitest";
import {
  dueByHorizon,
  expectedLossCents,
  forecastQuarterGrr,
  quarterOf,
  type ForecastGroup,
} from "@/lib/domain/renewal-forecast";

const g = (
  bucket: ForecastGroup["bucket"],
  forecast: ForecastGroup["forecast"],
  arrCents: number,
  count = 1,
  inQuarter = true,
): ForecastGroup => ({ bucket, inQuarter, forecast, arrCents, count });

describe("dueByHorizon", () => {
  it("sums ARR by forecast category into nested 30 / 60 / 90-day horizons, leaving overdue and later out", () => {
    const groups = [
      g(30, "commit", 100_000_00, 2),
      g(30, null, 10_000_00),
      g(60, "at_risk", 50_000_00),
      g(90, "lost", 20_000_00),
      g(90, "likely", 5_000_50, 3),
      g("overdue", "commit", 999_00),
      g("later", "commit", 777_00, 1, false),
    ];
    const [d30, d60, d90] = dueByHorizon(groups);
    expect(d30).toEqual({
      days: 30,
      count: 3,
      totalCents: 110_000_00,
      byCategory: { commit: 100_000_00, likely: 0, at_risk: 0, lost: 0, none: 10_000_00 },
    });
    expect(d60).toEqual({
      days: 60,
      count: 4,
      totalCents: 160_000_00,
      byCategory: { commit: 100_000_00, likely: 0, at_risk: 50_000_00, lost: 0, none: 10_000_00 },
    });
    expect(d90).toEqual({
      days: 90,
      count: 8,
      totalCents: 185_000_50,
      byCategory: { commit: 100_000_00, likely: 5_000_50, at_risk: 50_000_00, lost: 20_000_00, none: 10_000_00 },
    });
  });

  it("is all zeros for no renewals", () => {
    expect(dueByHorizon([]).map((h) => h.totalCents)).toEqual([0, 0, 0]);
  });
});

describe("quarterOf", () => {
  it.each([
    ["2026-11-23", "2026-10-01", "2026-12-31", "Q4 2026"],
    ["2026-01-01", "2026-01-01", "2026-03-31", "Q1 2026"],
    ["2026-06-30", "2026-04-01", "2026-06-30", "Q2 2026"],
    ["2028-08-15", "2028-07-01", "2028-09-30", "Q3 2028"],
  ])("%s is in %s..%s", (day, start, end, label) => {
    expect(quarterOf(day)).toEqual({ start, end, label });
  });
});

describe("forecastQuarterGrr", () => {
  it("weights each forecast's expected loss: commit 0%, likely and none 25%, at risk 75%, lost 100%", () => {
    expect(expectedLossCents(100_00, "commit")).toBe(0);
    expect(expectedLossCents(100_00, "likely")).toBe(25_00);
    expect(expectedLossCents(100_00, null)).toBe(25_00);
    expect(expectedLossCents(100_00, "at_risk")).toBe(75_00);
    expect(expectedLossCents(100_00, "lost")).toBe(100_00);
    expect(expectedLossCents(3, "likely")).toBe(1); // 3 − round(2.25)
  });

  it("is (start − lost so far − expected loss of renewals due this quarter) / start", () => {
    // Start 1,000,000.00; 30,000.00 already churned; due this quarter: 200,000 commit (0), 80,000 at risk
    // (60,000), 40,000 no forecast (10,000); a 500,000 lost renewal next quarter does not count.
    // (1,000,000 − 30,000 − 70,000) / 1,000,000 = 0.9
    const grr = forecastQuarterGrr({
      startArrCents: 1_000_000_00,
      lostSoFarCents: 30_000_00,
      groups: [
        g(30, "commit", 200_000_00),
        g(60, "at_risk", 80_000_00),
        g("overdue", null, 40_000_00),
        g(90, "lost", 500_000_00, 1, false),
      ],
    });
    expect(grr).toEqual({
      startArrCents: 1_000_000_00,
      lostSoFarCents: 30_000_00,
      expectedLossCents: 70_000_00,
      grr: 0.9,
    });
  });

  it("rounds to four decimals, never goes below 0, and is null without starting ARR", () => {
    expect(forecastQuarterGrr({ startArrCents: 3_00, lostSoFarCents: 1_00, groups: [] }).grr).toBe(0.6667);
    expect(
      forecastQuarterGrr({ startArrCents: 100_00, lostSoFarCents: 90_00, groups: [g(30, "lost", 50_00)] }).grr,
    ).toBe(0);
    expect(forecastQuarterGrr({ startArrCents: 0, lostSoFarCents: 0, groups: [g(30, "lost", 50_00)] }).grr).toBeNull();
  });
});
