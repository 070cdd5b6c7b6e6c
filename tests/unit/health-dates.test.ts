import { describe, expect, test } from "vitest";
import { addDays, assertIsoDate, daysBetween, isWithin, lastNDays, toIsoDate } from "@/lib/domain/dates";

describe("calendar dates", () => {
  test.each([
    ["2025-06-30", 30, "2025-06-01"],
    ["2025-06-30", 1, "2025-06-30"],
    ["2024-03-01", 2, "2024-02-29"], // leap day
    ["2025-03-31", 3, "2025-03-29"], // across the EU DST change
    ["2025-01-02", 3, "2024-12-31"],
  ])("the last N days ending %s (N = %s) start on %s", (asOf, days, start) => {
    expect(lastNDays(asOf, days)).toEqual({ start, end: asOf });
  });

  test.each([
    ["2024-01-01", "2025-06-30", 546],
    ["2025-06-30", "2025-06-30", 0],
    ["2025-07-01", "2025-06-30", -1],
    ["2025-03-08", "2025-03-10", 2], // across the US DST change
    ["2024-02-28", "2024-03-01", 2],
  ])("daysBetween(%s, %s) = %s", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  test("addDays moves by calendar days in both directions", () => {
    expect(addDays("2025-10-26", 1)).toBe("2025-10-27");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });

  test("a window includes both ends and nothing outside", () => {
    const window = lastNDays("2025-06-30", 30);
    expect(["2025-05-31", "2025-06-01", "2025-06-30", "2025-07-01"].map((d) => isWithin(d, window))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  test("toIsoDate reads the UTC calendar day, as Prisma returns @db.Date", () => {
    expect(toIsoDate(new Date("2025-06-30T00:00:00.000Z"))).toBe("2025-06-30");
    expect(toIsoDate(new Date("2025-06-30T23:59:59.999Z"))).toBe("2025-06-30");
  });

  test.each(["2025-6-30", "2025-02-29", "2025-06-30T00:00:00Z", "", "30/06/2025"])("rejects %j", (value) => {
    expect(() => assertIsoDate(value)).toThrow(RangeError);
  });
});
