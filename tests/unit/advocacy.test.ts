import { describe, expect, it } from "vitest";
import { advocateReasons, checkAsk, lastQuarters, quarterOf } from "@/lib/domain/advocacy";
import { themeKey } from "@/lib/domain/feedback";

describe("advocates", () => {
  it("are promoters, champions, ROI achieved or reference-willing", () => {
    const none = { promoter: false, champion: false, roiAchieved: false, referenceWilling: false };
    expect(advocateReasons(none)).toEqual([]);
    expect(advocateReasons({ ...none, promoter: true, referenceWilling: true })).toEqual([
      "promoter",
      "reference_willing",
    ]);
  });
});

describe("quarters", () => {
  it.each([
    ["2026-01-01", "2026-Q1", "2026-01-01", "2026-03-31"],
    ["2028-02-29", "2028-Q1", "2028-01-01", "2028-03-31"],
    ["2026-12-31", "2026-Q4", "2026-10-01", "2026-12-31"],
    ["2026-06-30", "2026-Q2", "2026-04-01", "2026-06-30"],
  ])("%s is in %s (%s to %s)", (date, key, start, end) => {
    expect(quarterOf(date)).toEqual({ key, start, end });
  });
  it("lists the last quarters oldest first, across a year end", () => {
    expect(lastQuarters("2027-02-10", 4).map((q) => q.key)).toEqual(["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]);
  });
});

describe("the per-quarter ask limit", () => {
  it("allows quietly below it, warns on reaching it and refuses past it", () => {
    expect(checkAsk(0, 2, "Ana")).toEqual({ ok: true, warning: null });
    expect(checkAsk(1, 2, "Ana")).toEqual({
      ok: true,
      warning: "Ana has now been asked 2 of 2 times this quarter: give them a rest.",
    });
    expect(checkAsk(2, 2, "Ana")).toEqual({
      ok: false,
      message: "Ana was already asked 2 times this quarter (the limit is 2).",
    });
  });
});

describe("feedback themes", () => {
  it("group titles regardless of case and spacing", () => {
    expect(themeKey("  Slow   Exports ")).toBe("slow exports");
  });
});
