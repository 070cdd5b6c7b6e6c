import { describe, expect, it } from "vitest";
import {
  atRiskCount,
  DUE_WINDOWS,
  medianOfCounts,
  renewalFigures,
  windowTotals,
  type OpenRenewalGroup,
} from "@/lib/domain/renewal-rollup";
import { median } from "@/lib/domain/renewals";

const group = (o: Partial<OpenRenewalGroup>): OpenRenewalGroup => ({
  bucket: "0-30",
  inQuarter: true,
  forecast: null,
  atRisk: false,
  count: 1,
  cents: 100_00,
  expectedCents: 75_00,
  ...o,
});

const groups = [
  group({ bucket: "overdue", atRisk: true, count: 2, cents: 500_00, expectedCents: 375_00 }),
  group({ bucket: "0-30", count: 3, cents: 300_01 }),
  group({ bucket: "0-30", atRisk: true, forecast: "lost", count: 1, cents: 99_99, expectedCents: 0 }),
  group({ bucket: "61-90", atRisk: true, count: 1, cents: 1_000_00, expectedCents: 750_00 }),
  group({ bucket: "later", atRisk: true, count: 4, cents: 4_000_00, expectedCents: 3_000_00 }),
];

describe("the renewal figures from grouped open renewals", () => {
  it("count the windows due within 90 days, at risk among them, overdue apart", () => {
    expect(DUE_WINDOWS).toEqual(["0-30", "31-60", "61-90"]);
    expect(renewalFigures(groups)).toEqual({
      due: { count: 5, arr: 1400 },
      atRisk: { count: 2, arr: 1099.99 },
      overdue: { count: 2, arr: 500 },
    });
    expect(renewalFigures([])).toEqual({
      due: { count: 0, arr: 0 },
      atRisk: { count: 0, arr: 0 },
      overdue: { count: 0, arr: 0 },
    });
  });

  it("give each window's totals to the cent", () => {
    expect(windowTotals(groups).get("0-30")).toEqual({
      count: 4,
      arrDue: 400,
      arrAtRisk: 99.99,
      expectedArr: 75,
    });
    expect(windowTotals(groups).has("31-60")).toBe(false);
  });

  it("count the at-risk renewals the forecast lists: overdue and due within 90 days", () => {
    expect(atRiskCount(groups)).toBe(4);
  });
});

describe("medianOfCounts", () => {
  it.each([
    [[], null],
    [[{ value: 7, count: 1 }], 7],
    [
      [
        { value: 3, count: 2 },
        { value: 10, count: 2 },
      ],
      6.5,
    ],
    [
      [
        { value: 10, count: 1 },
        { value: 3, count: 2 },
      ],
      3,
    ],
    [
      [
        { value: 0, count: 0 },
        { value: 5, count: 3 },
        { value: 9, count: 1 },
      ],
      5,
    ],
  ])("of %j is %s", (histogram, expected) => {
    expect(medianOfCounts(histogram)).toBe(expected);
  });

  it("agrees with the median of the values written out", () => {
    const histogram = [
      { value: 1, count: 3 },
      { value: 4, count: 1 },
      { value: 12, count: 4 },
    ];
    expect(medianOfCounts(histogram)).toBe(median(histogram.flatMap((h) => Array(h.count).fill(h.value))));
  });
});
