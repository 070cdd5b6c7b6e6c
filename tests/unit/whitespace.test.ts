import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import { rankCells, urgency, whitespaceScore } from "@/lib/domain/whitespace";

const today = "2026-11-23";

describe("urgency", () => {
  it("is 1 today and halves every 90 days", () => {
    expect(urgency(today, today)).toBe(1);
    expect(urgency(addDays(today, 90), today)).toBe(0.5);
    expect(urgency(addDays(today, 180), today)).toBe(0.25);
  });
  it("is 0.1 with no event or a past one", () => {
    expect(urgency(null, today)).toBe(0.1);
    expect(urgency(addDays(today, -1), today)).toBe(0.1);
  });
});

describe("seed 002's example: Impact × Critical Event", () => {
  // A: urgency (an event in 30 days) but no impact; B: both (200k, an event in 60 days);
  // C: high impact (500k) and no critical event.
  const cells = [
    { product: "A", impact: 0, criticalEventDate: addDays(today, 30) },
    { product: "B", impact: 200_000, criticalEventDate: addDays(today, 60) },
    { product: "C", impact: 500_000, criticalEventDate: null },
  ];

  it("scores each cell exactly", () => {
    expect(whitespaceScore(0, addDays(today, 30), today)).toBe(0);
    // 200,000 × 0.5^(60/90) = 200,000 × 0.629960… = 125,992.10
    expect(whitespaceScore(200_000, addDays(today, 60), today)).toBe(125_992.1);
    expect(whitespaceScore(500_000, null, today)).toBe(50_000);
  });

  it("ranks B first, then C, then A", () => {
    expect(rankCells(cells, today).map((c) => [c.product, c.score])).toEqual([
      ["B", 125_992.1],
      ["C", 50_000],
      ["A", 0],
    ]);
  });
});
