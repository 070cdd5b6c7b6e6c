// The weekly scorecard's calendar, goals and rock progress (SPEC §5).
import { describe, expect, test } from "vitest";
import { SCORECARD_METRIC_KEYS } from "@/lib/domain/metrics-catalogue";
import {
  DEFAULT_MEASURABLES,
  goalFromInput,
  goalToInput,
  isFinal,
  isReusable,
  duplicateMeasurable,
  judgeWeek,
  meetsGoal,
  rockProgress,
  scorecardWeeks,
  weekStartOf,
} from "@/lib/domain/scorecard";

describe("weeks start on Monday (UTC calendar days)", () => {
  test.each([
    ["2026-11-23", "2026-11-23", "a Monday is its own week start"],
    ["2026-11-29", "2026-11-23", "Sunday belongs to the week before it"],
    ["2026-11-22", "2026-11-16", "the Sunday before"],
    ["2024-01-01", "2024-01-01", "the reference Monday"],
    ["2023-12-31", "2023-12-25", "before the reference Monday"],
  ])("%s → %s (%s)", (day, monday, _why) => {
    expect(weekStartOf(day)).toBe(monday);
  });

  test("13 weeks ending with the current one, oldest first", () => {
    const weeks = scorecardWeeks("2026-11-25");
    expect(weeks).toHaveLength(13);
    // 2026-11-23 − 12 × 7 days = 2026-08-31.
    expect(weeks[0]).toEqual({ start: "2026-08-31", end: "2026-09-06", measuredOn: "2026-09-06", current: false });
    expect(weeks[12]).toEqual({ start: "2026-11-23", end: "2026-11-29", measuredOn: "2026-11-25", current: true });
    expect(new Set(weeks.map((w) => w.start)).size).toBe(13);
  });
});

describe("stored figures", () => {
  test("final once computed after the week ended; provisional while it runs", () => {
    const week = { end: "2026-11-29" };
    expect(isFinal(week, "2026-11-29")).toBe(false);
    expect(isFinal(week, "2026-11-30")).toBe(true);
  });

  test("a provisional figure is reused for 10 minutes, a final one for ever", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    expect(isReusable({ end: "2026-11-29" }, new Date("2026-11-25T11:50:01Z"), now)).toBe(true);
    expect(isReusable({ end: "2026-11-29" }, new Date("2026-11-25T11:50:00Z"), now)).toBe(false);
    expect(isReusable({ end: "2026-11-22" }, new Date("2026-11-23T00:00:00Z"), now)).toBe(true);
  });
});

describe("goals", () => {
  test.each([
    [0.3, 0.25, "lte", false],
    [0.25, 0.25, "lte", true],
    [1.12, 1.1, "gte", true],
    [1.09, 1.1, "gte", false],
    [null, 1.1, "gte", null],
  ] as const)("%s against %s (%s) → %s", (value, goal, direction, expected) => {
    expect(meetsGoal(value, goal, direction)).toBe(expected);
  });

  test("the week under way is partial and not judged; a finished week is", () => {
    const [lastWeek, thisWeek] = scorecardWeeks("2026-12-01", 2); // a Tuesday
    expect(thisWeek.current).toBe(true);
    expect(judgeWeek(thisWeek, 2, 30, "gte")).toBeNull();
    expect(judgeWeek(lastWeek, 2, 30, "gte")).toBe(false);
    expect(judgeWeek(lastWeek, 31, 30, "gte")).toBe(true);
  });

  test("the same measurable can't be on the scorecard twice", () => {
    const active = [
      { id: 1, metricKey: "nps", title: "NPS", goal: 50, direction: "gte" },
      { id: 2, metricKey: "overdueTasks", title: "Overdue tasks", goal: 0, direction: "lte" },
    ];
    const nps = { metricKey: "nps", title: "NPS, stretch", goal: 50, direction: "gte" };
    expect(duplicateMeasurable(nps, active)?.id).toBe(1); // same metric, goal and direction
    expect(duplicateMeasurable({ ...nps, goal: 60 }, active)).toBeNull();
    expect(duplicateMeasurable({ ...nps, goal: 60, title: "  overdue   TASKS " }, active)?.id).toBe(2);
    expect(duplicateMeasurable({ ...active[0], goal: 55, id: 1 }, active)).toBeNull(); // editing itself
  });

  test("a % goal is typed in percent and stored as a fraction", () => {
    expect(goalFromInput(25, "%")).toBe(0.25);
    expect(goalToInput(0.25, "%")).toBe(25);
    expect(goalFromInput(30, "count")).toBe(30);
  });

  test("the default measurables are all in the catalogue", () => {
    expect(DEFAULT_MEASURABLES).toHaveLength(10);
    for (const m of DEFAULT_MEASURABLES) expect(SCORECARD_METRIC_KEYS).toContain(m.metricKey);
  });
});

describe("rock progress", () => {
  test("falling toward a lower target: 34% → 25%, now 30%", () => {
    // (0.30 − 0.34) / (0.25 − 0.34) = −0.04 / −0.09 = 0.4444…
    expect(rockProgress(0.34, 0.25, 0.3)).toEqual({ fraction: 0.4444, reached: false });
  });
  test("rising: 100 → 120, now 130 is past the target (clamped)", () => {
    expect(rockProgress(100, 120, 130)).toEqual({ fraction: 1, reached: true });
  });
  test("moving the wrong way is 0", () => {
    expect(rockProgress(0.34, 0.25, 0.4)).toEqual({ fraction: 0, reached: false });
  });
  test("nothing to measure", () => {
    expect(rockProgress(null, 0.25, 0.3)).toBeNull();
    expect(rockProgress(0.3, 0.3, 0.3)).toBeNull();
    expect(rockProgress(0.34, 0.25, null)).toBeNull();
  });
});
