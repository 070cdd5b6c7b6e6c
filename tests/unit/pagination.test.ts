import { describe, expect, it } from "vitest";
import { pageSummary } from "@/components/ui/pagination";

describe("the pagination summary", () => {
  it.each([
    [1, 25, 51, "1–25 of 51"],
    [3, 25, 51, "51–51 of 51"],
    [1, 25, 0, "0–0 of 0"],
    [1, 24, 24_951, "1–24 of 24,951"],
    // A bookmark past the end no longer reads "24951–51 of 51".
    [999, 25, 51, "Past the last page · 51 in all"],
  ])("page %i of size %i over %i rows reads %s", (page, size, total, expected) => {
    expect(pageSummary(page, size, total)).toBe(expected);
  });
});
