import { describe, expect, test } from "vitest";
import {
  buildBacktestReport,
  compareSegmentModels,
  findSlice,
  type BacktestSample,
  type ComparisonSample,
} from "@/lib/domain/backtest-report";
import type { Band } from "@/lib/domain/health";

const sample = (
  renewalId: number,
  horizonDays: 30 | 60 | 90 | 180,
  score: number | null,
  positive: boolean,
  extra: Partial<BacktestSample> = {},
): BacktestSample => ({
  renewalId,
  segment: "smb",
  renewalDate: "2026-05-15",
  positive,
  horizonDays,
  score,
  band: score === null ? null : ((score < 60 ? "red" : score < 80 ? "yellow" : "green") as Band),
  components: [score, null, null, null],
  measures: Array.from({ length: 15 }, (_, k) => (k === 0 ? score : null)),
  ...extra,
});

describe("the backtest report", () => {
  const samples = [
    // Renewal 1, lost: red at 180, 90 and 30 days, yellow at 60 → red for the last 30 days only.
    sample(1, 180, 40, true),
    sample(1, 90, 50, true),
    sample(1, 60, 65, true),
    sample(1, 30, 45, true),
    // Renewal 2, lost: red at every reading → 180 days.
    ...([180, 90, 60, 30] as const).map((h) =>
      sample(2, h, 30, true, { segment: "enterprise", renewalDate: "2026-08-01" }),
    ),
    // Renewals 3 and 4, kept; 4 has no score at 90 days.
    ...([180, 90, 60, 30] as const).map((h) => sample(3, h, 85, false)),
    ...([180, 60, 30] as const).map((h) => sample(4, h, 50, false, { renewalDate: "2026-08-20" })),
    sample(4, 90, null, false, { renewalDate: "2026-08-20" }),
  ];
  const slices = buildBacktestReport(samples);

  test("one slice per horizon and segment", () => {
    expect(slices).toHaveLength(16);
  });

  test("the 90-day slice over all segments", () => {
    const s = findSlice(slices, 90, "all");
    // Scored: 50 (lost), 30 (lost), 85 (kept); renewal 4 has no score at 90 days.
    expect(s).toMatchObject({ n: 3, positives: 2, auc: 1 });
    expect(s?.bands.find((b) => b.band === "red")).toEqual({ band: "red", n: 2, positives: 2, churnRate: 1 });
    expect(s?.components[0]).toEqual({ key: "engagement", auc: 1, n: 3 });
    expect(s?.measures[0]).toEqual({ key: "login_frequency", auc: 1, n: 3 });
    expect(s?.measures.at(-1)).toEqual({ key: "expansion_potential", auc: null, n: 0 });
    expect(s?.roc).toEqual([
      [0, 0],
      [0, 0.5],
      [0, 1],
      [1, 1],
    ]);
    expect(s?.quarters).toEqual([
      { quarter: "2026-Q2", n: 2, positives: 1, auc: 1 },
      { quarter: "2026-Q3", n: 1, positives: 1, auc: null },
    ]);
    // Lead times 30 and 180 days: median 105.
    expect(s?.leadTime).toEqual({ positives: 2, alarmed: 2, medianDays: 105 });
  });

  test("a segment slice keeps only its renewals", () => {
    const s = findSlice(slices, 30, "enterprise");
    expect(s).toMatchObject({ n: 1, positives: 1, auc: null, aucLow: null });
    expect(s?.leadTime).toEqual({ positives: 1, alarmed: 1, medianDays: 180 });
  });
});

describe("a segment's own model against the default one", () => {
  const row = (own: number | null, global: number | null, positive: boolean, extra: Partial<ComparisonSample> = {}) =>
    ({ segment: "smb", horizonDays: 90, positive, own, global, ...extra }) as ComparisonSample;
  // Own model: lost 40, 70; kept 60, 80 → pairs (40<60, 40<80, 70>60, 70<80) = 3 of 4 = 0.75.
  // Default model: lost 50, 65; kept 65, 55 → (50<65, 50<55, 65=65 ½, 65>55 0) = 2.5 of 4 = 0.625.
  const rows = [row(40, 50, true), row(70, 65, true), row(60, 65, false), row(80, 55, false)];

  test("ranks the same renewals by each model: AUC 0.75 against 0.625 (a tie counts ½)", () => {
    const [comparison] = compareSegmentModels(rows);
    expect(comparison).toMatchObject({ segment: "smb", horizonDays: 90, n: 4, positives: 2 });
    expect(comparison.own.auc).toBe(0.75);
    expect(comparison.global.auc).toBe(0.625);
    expect(comparison.own.aucLow).toBeLessThanOrEqual(0.75);
    expect(comparison.own.aucHigh).toBeGreaterThanOrEqual(0.75);
  });

  test("leaves out renewals either model could not score, and keeps segments and horizons apart", () => {
    const comparisons = compareSegmentModels([
      ...rows,
      row(null, 10, true),
      row(10, null, true),
      row(30, 30, true, { horizonDays: 30 }),
      row(90, 90, false, { horizonDays: 30 }),
      row(20, 20, true, { segment: "enterprise" }),
    ]);
    expect(comparisons.map((c) => [c.segment, c.horizonDays, c.n])).toEqual([
      ["enterprise", 90, 1],
      ["smb", 30, 2],
      ["smb", 90, 4],
    ]);
    expect(comparisons[0].own.auc).toBeNull();
    expect(comparisons[1].own.auc).toBe(1);
  });
});
