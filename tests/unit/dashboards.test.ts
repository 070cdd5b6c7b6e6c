import { describe, expect, it } from "vitest";
import {
  churnReasonLabel,
  retentionSeries,
  stageFromSlug,
  STAGE_SLUGS,
  timeToValueWeeks,
  trailingYearPeriods,
  weeklyHealthMix,
  type MovementTotal,
} from "@/lib/domain/dashboards";
import { summarizeLedger, grossRevenueRetention, netRevenueRetention, type MovementFact } from "@/lib/domain/metrics";

describe("stage slugs", () => {
  it("round-trips every stage and rejects others", () => {
    for (const [stage, slug] of Object.entries(STAGE_SLUGS)) expect(stageFromSlug(slug)).toBe(stage);
    expect(stageFromSlug("value_realization")).toBeNull();
    expect(stageFromSlug("churned")).toBeNull();
  });
});

describe("weeklyHealthMix", () => {
  const today = "2026-06-15";
  it("takes each week's batch day (most snapshots, latest on a tie) and leaves empty weeks empty", () => {
    const mix = weeklyHealthMix(
      [
        // Week to Jun 15: the batch on Jun 15 (3 accounts); Jun 12 had one rescore.
        { asOf: "2026-06-15", band: "green", count: 2 },
        { asOf: "2026-06-15", band: "red", count: 1 },
        { asOf: "2026-06-12", band: "purple", count: 1 },
        // Week to Jun 8: two days of 2 snapshots each: the later one wins.
        { asOf: "2026-06-02", band: "yellow", count: 2 },
        { asOf: "2026-06-08", band: "green", count: 1 },
        { asOf: "2026-06-08", band: "yellow", count: 1 },
      ],
      today,
      3,
    );
    expect(mix).toEqual([
      { week: "2026-06-01", asOf: null, red: 0, yellow: 0, green: 0, purple: 0 },
      { week: "2026-06-08", asOf: "2026-06-08", red: 0, yellow: 1, green: 1, purple: 0 },
      { week: "2026-06-15", asOf: "2026-06-15", red: 1, yellow: 0, green: 2, purple: 0 },
    ]);
  });
});

describe("trailingYearPeriods", () => {
  it("ends on the last quarter ends and today, each a year long", () => {
    expect(trailingYearPeriods("2026-11-23", 3)).toEqual([
      { from: "2025-07-01", to: "2026-06-30" },
      { from: "2025-10-01", to: "2026-09-30" },
      { from: "2025-11-24", to: "2026-11-23" },
    ]);
  });
});

describe("retentionSeries", () => {
  // Per-account movements and their per-day totals: the series must match the full ledger.
  const movements: MovementFact[] = [
    { accountId: 1, type: "new", amount: "100000.10", date: "2024-01-10" },
    { accountId: 2, type: "new", amount: "50000.00", date: "2024-03-01" },
    { accountId: 2, type: "contraction", amount: "-5000.00", date: "2025-09-30" },
    { accountId: 1, type: "expansion", amount: "20000.50", date: "2025-10-01" },
    { accountId: 3, type: "new", amount: "30000.00", date: "2025-10-01" },
    { accountId: 2, type: "churn", amount: "-45000.00", date: "2026-02-01" },
  ];
  const totals: MovementTotal[] = movements.map(({ type, amount, date }) => ({ type, amount, date }));
  const periods = [
    { from: "2024-10-01", to: "2025-09-30" },
    { from: "2025-10-01", to: "2026-09-30" },
  ];

  it("computes GRR and NRR exactly as the metrics library does", () => {
    const series = retentionSeries(totals, periods);
    for (const [i, period] of periods.entries()) {
      const facts = summarizeLedger(movements, period);
      expect(series[i]).toEqual({ period, grr: grossRevenueRetention(facts), nrr: netRevenueRetention(facts) });
    }
    // Start 150,000.10; contraction 5,000 → 145,000.10 / 150,000.10 = 0.966667 → 0.9667.
    expect(series[0]).toMatchObject({ grr: 0.9667, nrr: 0.9667 });
    // Start 145,000.10; churn 45,000 → 100,000.10 / 145,000.10 = 0.689656… → 0.6897; + 20,000.50 → 0.827589… → 0.8276.
    expect(series[1]).toMatchObject({ grr: 0.6897, nrr: 0.8276 });
  });

  it("is null before any ARR", () => {
    expect(retentionSeries(totals, [{ from: "2023-01-01", to: "2023-12-31" }])).toEqual([
      { period: { from: "2023-01-01", to: "2023-12-31" }, grr: null, nrr: null },
    ]);
  });
});

describe("timeToValueWeeks", () => {
  it("bins days by week with empty weeks in between", () => {
    expect(
      timeToValueWeeks([
        { value: 50, count: 2 },
        { value: 56, count: 1 },
        { value: 62, count: 1 },
        { value: 75, count: 3 },
      ]),
    ).toEqual([
      { week: 7, label: "49–55", accounts: 2 },
      { week: 8, label: "56–62", accounts: 2 },
      { week: 9, label: "63–69", accounts: 0 },
      { week: 10, label: "70–76", accounts: 3 },
    ]);
    expect(timeToValueWeeks([])).toEqual([]);
  });
});

describe("churnReasonLabel", () => {
  it.each([
    ["poor_adoption", "Poor adoption"],
    ["Moved to a competitor", "Moved to a competitor"],
    [null, "Not recorded"],
  ])("%s → %s", (key, label) => expect(churnReasonLabel(key)).toBe(label));
});
