// Calendar-day arithmetic (lib/domain/dates.ts): the UTC day-number fast path gives exactly what
// date-fns gives, over every day of three decades (leap days, year ends, century rules) and the
// offsets the product uses, and anything that is not a real day behaves as date-fns does.
import { addDays as addDaysToDate, differenceInCalendarDays, format, parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "@/lib/domain/dates";

const viaDateFns = {
  addDays: (date: string, days: number) => format(addDaysToDate(parseISO(date), days), "yyyy-MM-dd"),
  daysBetween: (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from)),
};

const everyDay: string[] = [];
for (let d = new Date(Date.UTC(1998, 0, 1)); d.getUTCFullYear() < 2031; d.setUTCDate(d.getUTCDate() + 1))
  everyDay.push(d.toISOString().slice(0, 10));

describe("calendar-day arithmetic", () => {
  it("adds days exactly as date-fns does, on every day from 1998 to 2030", () => {
    const offsets = [-1000, -366, -365, -90, -59, -29, -1, 0, 1, 28, 29, 30, 59, 90, 365, 366, 1000];
    const mismatches = everyDay.flatMap((day) =>
      offsets.filter((n) => addDays(day, n) !== viaDateFns.addDays(day, n)).map((n) => `${day} ${n}`),
    );
    expect(mismatches).toEqual([]);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("counts days between exactly as date-fns does", () => {
    const mismatches = everyDay.filter(
      (day, i) =>
        daysBetween(day, everyDay[(i * 7919) % everyDay.length]) !==
        viaDateFns.daysBetween(day, everyDay[(i * 7919) % everyDay.length]),
    );
    expect(mismatches).toEqual([]);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-01-01", "2026-12-31")).toBe(-1);
  });

  it("treats what is not a real day as date-fns does", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("not a date", 1)).toThrow(RangeError);
    expect(daysBetween("2026-02-30", "2026-03-01")).toBeNaN();
    expect(addDays("2026-03-01T00:00:00", 1)).toBe(viaDateFns.addDays("2026-03-01T00:00:00", 1));
  });
});
