import { describe, expect, it } from "vitest";
import {
  parseUsageRetentionMonths,
  planUsagePartitions,
  shiftMonth,
  usageKeepFrom,
  usagePartition,
  type MonthPartition,
} from "@/lib/domain/usage-partitions";

const months = (...dates: string[]): MonthPartition[] => dates.map(usagePartition);

describe("usagePartition", () => {
  it.each([
    ["2026-12-15", "UsageDay_2026_12", "2026-12-01", "2027-01-01"],
    ["2026-12-01", "UsageDay_2026_12", "2026-12-01", "2027-01-01"],
    ["2026-12-31", "UsageDay_2026_12", "2026-12-01", "2027-01-01"],
    ["2028-02-29", "UsageDay_2028_02", "2028-02-01", "2028-03-01"],
    ["2027-01-01", "UsageDay_2027_01", "2027-01-01", "2027-02-01"],
  ])("%s lies in %s, from %s to %s (exclusive)", (date, name, from, to) => {
    expect(usagePartition(date)).toEqual({ name, from, to });
  });
});

describe("month arithmetic", () => {
  it.each([
    ["2026-12-15", 1, "2027-01-01"],
    ["2026-12-15", 3, "2027-03-01"],
    ["2027-01-31", -1, "2026-12-01"],
    ["2026-03-31", -25, "2024-02-01"],
    ["2024-02-29", 12, "2025-02-01"],
  ])("%s shifted by %i months starts on %s", (date, n, expected) => {
    expect(shiftMonth(date, n)).toBe(expected);
  });

  it.each([
    ["2026-12-15", 25, "2024-11-01"],
    ["2026-12-01", 25, "2024-11-01"],
    ["2027-01-01", 25, "2024-12-01"],
    ["2026-01-31", 12, "2025-01-01"],
  ])("on %s a retention of %i months keeps from %s", (today, retention, keepFrom) => {
    expect(usageKeepFrom(today, retention)).toBe(keepFrom);
  });
});

describe("planUsagePartitions", () => {
  it("on a new table makes every month from the retention's first to three months ahead", () => {
    const plan = planUsagePartitions({ today: "2026-12-15", retentionMonths: 12, existing: [] });
    expect(plan.keepFrom).toBe("2025-12-01");
    expect(plan.drop).toEqual([]);
    expect(plan.create.map((p) => p.name)).toEqual([
      "UsageDay_2025_12",
      "UsageDay_2026_01",
      "UsageDay_2026_02",
      "UsageDay_2026_03",
      "UsageDay_2026_04",
      "UsageDay_2026_05",
      "UsageDay_2026_06",
      "UsageDay_2026_07",
      "UsageDay_2026_08",
      "UsageDay_2026_09",
      "UsageDay_2026_10",
      "UsageDay_2026_11",
      "UsageDay_2026_12",
      "UsageDay_2027_01",
      "UsageDay_2027_02",
      "UsageDay_2027_03",
    ]);
    expect(plan.create.at(-1)).toEqual({ name: "UsageDay_2027_03", from: "2027-03-01", to: "2027-04-01" });
  });

  it("drops the months wholly before the retention and makes only the missing ones", () => {
    const existing = months("2024-09-01", "2024-10-01", "2024-11-01", "2024-12-01", "2026-12-01", "2027-01-01");
    const plan = planUsagePartitions({ today: "2026-12-31", retentionMonths: 25, existing, monthsAhead: 2 });
    expect(plan.keepFrom).toBe("2024-11-01");
    expect(plan.drop).toEqual(["UsageDay_2024_09", "UsageDay_2024_10"]);
    expect(plan.create.map((p) => p.name)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `UsageDay_2025_${String(i + 1).padStart(2, "0")}`),
      "UsageDay_2025_12",
      ...Array.from({ length: 11 }, (_, i) => `UsageDay_2026_${String(i + 1).padStart(2, "0")}`),
      "UsageDay_2027_02",
    ]);
  });

  it("across the year end: the new year's first day moves the window by one month", () => {
    const all = months(...Array.from({ length: 17 }, (_, i) => shiftMonth("2025-11-01", i)));
    const before = planUsagePartitions({ today: "2026-12-31", retentionMonths: 12, existing: all });
    expect(before).toEqual({ keepFrom: "2025-12-01", create: [], drop: ["UsageDay_2025_11"] });
    const after = planUsagePartitions({ today: "2027-01-01", retentionMonths: 12, existing: all });
    expect(after).toEqual({
      keepFrom: "2026-01-01",
      create: [{ name: "UsageDay_2027_04", from: "2027-04-01", to: "2027-05-01" }],
      drop: ["UsageDay_2025_11", "UsageDay_2025_12"],
    });
  });

  it("is idempotent: once its partitions exist and the old ones are gone, nothing is left to do", () => {
    const first = planUsagePartitions({ today: "2028-02-29", retentionMonths: 25, existing: months("2020-05-01") });
    const existing = first.create;
    expect(planUsagePartitions({ today: "2028-02-29", retentionMonths: 25, existing })).toEqual({
      keepFrom: "2026-01-01",
      create: [],
      drop: [],
    });
    expect(first.drop).toEqual(["UsageDay_2020_05"]);
    expect(existing).toHaveLength(25 + 1 + 3);
  });

  it("takes a partition someone made with other bounds as covering its days", () => {
    const quarter = { name: "UsageDay_2026_q4", from: "2026-10-01", to: "2027-01-01" };
    const plan = planUsagePartitions({ today: "2026-12-15", retentionMonths: 12, existing: [quarter] });
    expect(plan.create.map((p) => p.from)).not.toContain("2026-11-01");
    expect(plan.create.map((p) => p.from)).toContain("2027-01-01");
  });
});

describe("parseUsageRetentionMonths", () => {
  it.each([
    [undefined, 25],
    ["", 25],
    [" 36 ", 36],
    ["12", 12],
    ["1200", 1200],
  ])("%j reads as %i months", (value, expected) => {
    expect(parseUsageRetentionMonths(value)).toBe(expected);
  });

  it.each(["11", "0", "-3", "2.5", "two years", "1201", "25months"])("refuses %j", (value) => {
    expect(() => parseUsageRetentionMonths(value)).toThrow(/BOWTIE_USAGE_RETENTION_MONTHS must be a whole number/);
  });
});
