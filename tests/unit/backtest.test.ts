import { describe, expect, test } from "vitest";
import {
  auc,
  aucWithInterval,
  calibrationByBand,
  median,
  quarterOf,
  redAlarmQuality,
  redLeadTimeDays,
  rocCurve,
  type Observation,
} from "@/lib/domain/backtest";

const Z = 1.959963984540054;
const obs = (pos: number[], neg: number[]): Observation[] => [
  ...pos.map((score) => ({ score, positive: true })),
  ...neg.map((score) => ({ score, positive: false })),
];

describe("AUC (lower score = higher risk)", () => {
  // Pairs (churned, retained): 10 beats 50, 80, 90 (3); 50 ties 50 (½) and beats 80, 90 (2): 5.5 / 6.
  const withTie = obs([10, 50], [50, 80, 90]);

  test("counts a tie between a churned and a retained account as one half", () => {
    expect(auc(withTie)).toBeCloseTo(11 / 12, 14);
  });

  test.each<[string, Observation[], number]>([
    ["churned all scored lower", obs([5, 20], [40, 60]), 1],
    ["churned all scored higher", obs([90], [10, 20]), 0],
    ["everything tied", obs([50, 50], [50]), 0.5],
    ["one of four pairs out of order", obs([10, 70], [40, 90]), 3 / 4],
  ])("%s", (_name, observations, expected) => {
    expect(auc(observations)).toBeCloseTo(expected, 14);
  });

  test("is null without both outcomes", () => {
    expect(auc(obs([10], []))).toBeNull();
    expect(aucWithInterval(obs([], [10]))).toBeNull();
  });

  test("DeLong's 95% interval, worked by hand", () => {
    // V10 (per churned) = [1, 5/6], S10 = 1/72; V01 (per retained) = [3/4, 1, 1], S01 = 1/48.
    // Var = S10/2 + S01/3 = 1/144 + 1/144 = 1/72.
    const r = aucWithInterval(withTie);
    expect(r).not.toBeNull();
    expect(r?.n).toBe(5);
    expect(r?.positives).toBe(2);
    expect(r?.low).toBeCloseTo(11 / 12 - Z * Math.sqrt(1 / 72), 12);
    expect(r?.high).toBe(1); // 0.9167 + 0.2310 clamps to 1
  });

  test("a symmetric case keeps both ends inside [0, 1]", () => {
    // pos [1, 3], neg [2, 4]: pairs 1<2, 1<4, 3>2, 3<4 → 3/4. V10 = [1, 1/2], V01 = [1/2, 1].
    // S10 = S01 = 1/8, Var = 1/16 + 1/16 = 1/8.
    const r = aucWithInterval(obs([1, 3], [2, 4]));
    expect(r?.auc).toBeCloseTo(0.75, 14);
    expect(r?.low).toBeCloseTo(0.75 - Z * Math.sqrt(1 / 8), 12);
    expect(r?.high).toBe(1);
  });

  test("a perfect ranking has no spread", () => {
    expect(aucWithInterval(obs([1, 2], [3, 4]))).toEqual({ auc: 1, low: 1, high: 1, n: 4, positives: 2 });
  });
});

describe("ROC curve", () => {
  test("one point per distinct score; its area is the AUC", () => {
    const points = rocCurve(obs([10, 50], [50, 80, 90]));
    expect(points).toEqual([
      { threshold: -Infinity, fpr: 0, tpr: 0 },
      { threshold: 10, fpr: 0, tpr: 0.5 },
      { threshold: 50, fpr: 1 / 3, tpr: 1 },
      { threshold: 80, fpr: 2 / 3, tpr: 1 },
      { threshold: 90, fpr: 1, tpr: 1 },
    ]);
    let area = 0;
    for (let k = 1; k < points.length; k++) {
      area += ((points[k].fpr - points[k - 1].fpr) * (points[k].tpr + points[k - 1].tpr)) / 2;
    }
    expect(area).toBeCloseTo(11 / 12, 14);
  });

  test("is empty without both outcomes", () => {
    expect(rocCurve(obs([1, 2], []))).toEqual([]);
  });
});

describe("calibration and the red alarm", () => {
  const rows = [
    ...Array.from({ length: 4 }, (_, k) => ({ band: "red" as const, positive: k < 3 })),
    ...Array.from({ length: 4 }, (_, k) => ({ band: "yellow" as const, positive: k < 1 })),
    ...Array.from({ length: 2 }, () => ({ band: "green" as const, positive: false })),
  ];

  test("churn rate by band, with no rate for an empty band", () => {
    expect(calibrationByBand(rows)).toEqual([
      { band: "red", n: 4, positives: 3, churnRate: 0.75 },
      { band: "yellow", n: 4, positives: 1, churnRate: 0.25 },
      { band: "green", n: 2, positives: 0, churnRate: 0 },
      { band: "purple", n: 0, positives: 0, churnRate: null },
    ]);
  });

  test("lift, precision and recall of red", () => {
    // Base rate 4/10; red churned 3/4 → lift 1.875; 3 of the 4 churns were red.
    expect(redAlarmQuality(calibrationByBand(rows))).toEqual({
      baseRate: 0.4,
      lift: 1.875,
      precision: 0.75,
      recall: 0.75,
    });
  });

  test("no renewals at all gives no figures", () => {
    expect(redAlarmQuality(calibrationByBand([]))).toEqual({
      baseRate: null,
      lift: null,
      precision: null,
      recall: null,
    });
  });
});

describe("lead time", () => {
  test("the start of the red run that reaches the renewal", () => {
    expect(
      redLeadTimeDays([
        { daysBefore: 30, band: "red" },
        { daysBefore: 180, band: "red" },
        { daysBefore: 60, band: "red" },
        { daysBefore: 90, band: "yellow" },
      ]),
    ).toBe(60);
  });

  test("null when the last reading before the renewal was not red", () => {
    expect(
      redLeadTimeDays([
        { daysBefore: 30, band: "green" },
        { daysBefore: 90, band: "red" },
      ]),
    ).toBeNull();
  });

  test("median, even and odd", () => {
    expect(median([90, 30, 60])).toBe(60);
    expect(median([30, 60, 90, 180])).toBe(75);
    expect(median([])).toBeNull();
  });
});

test.each([
  ["2026-01-01", "2026-Q1"],
  ["2026-03-31", "2026-Q1"],
  ["2026-04-01", "2026-Q2"],
  ["2027-12-31", "2027-Q4"],
])("quarter of %s is %s", (date, quarter) => {
  expect(quarterOf(date)).toBe(quarter);
});
