// Calendar dates (SPEC §3: UTC calendar days) as "YYYY-MM-DD" strings.
//
// Strings compare correctly with < and >, so window checks need no parsing. Arithmetic goes
// through date-fns on local-midnight Date values: date-fns adds days and counts calendar days
// across DST changes, so the results do not depend on the process time zone.
import { addDays as addDaysToDate, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";

/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;

/** The N days ending on `end`, inclusive: { start: end − (N − 1), end }. */
export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day of a Date (Prisma returns @db.Date columns as midnight UTC). */
export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Throws a RangeError unless `value` is a real calendar day written as YYYY-MM-DD. */
export function assertIsoDate(value: string): asserts value is IsoDate {
  if (!ISO_DATE.test(value) || !isValid(parseISO(value))) {
    throw new RangeError(`Expected a calendar date (YYYY-MM-DD), got "${value}"`);
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return format(addDaysToDate(parseISO(date), days), "yyyy-MM-dd");
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** "The last N days" of SPEC §3: the N days ending on `asOf`, inclusive. */
export function lastNDays(asOf: IsoDate, days: number): DateWindow {
  return { start: addDays(asOf, -(days - 1)), end: asOf };
}

export function isWithin(date: IsoDate, window: DateWindow): boolean {
  return date >= window.start && date <= window.end;
}
