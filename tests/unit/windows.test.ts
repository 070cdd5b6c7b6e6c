import { describe, expect, it } from "vitest";
import { renewalWindow } from "@/lib/domain/windows";

describe("renewalWindow", () => {
  it.each([
    [-1, "overdue"],
    [0, "0-30"],
    [30, "0-30"],
    [31, "31-60"],
    [60, "31-60"],
    [61, "61-90"],
    [90, "61-90"],
    [91, "later"],
  ])("%i days before the renewal date is %s", (days, window) => {
    expect(renewalWindow(days)).toBe(window);
  });
});
