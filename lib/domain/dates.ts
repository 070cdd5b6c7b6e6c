// Calendar dates (SPEC §3: UTC calendar days) as "YYYY-MM-DD" strings.
//
// Strings compare correctly with < and >, so window checks need no parsing. Arithmetic on a
// well-formed day is done on UTC day numbers (exact: a UTC day has no DST change), because it
// runs millions of times in a batch (scoring, playbook planning) where date-fns' parseISO and
// format were a tenth of the CPU; anything else goes through date-fns on local-midnight Date
// values as before. tests/unit/dates.test.ts checks the two agree over three decades of days.
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

const MS_PER_DAY = 86_400_000;

/** The UTC day number (days since 1970-01-01) of a real "YYYY-MM-DD" day; NaN for anything else. */
function dayNumber(date: IsoDate): number {
  if (date.length !== 10 || date[4] !== "-" || date[7] !== "-") return NaN;
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  // Date.UTC rolls "2026-02-30" over into March: such a day is not a real one.
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(date) ? ms / MS_PER_DAY : NaN;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const day = dayNumber(date);
  if (Number.isNaN(day) || !Number.isInteger(days)) return format(addDaysToDate(parseISO(date), days), "yyyy-MM-dd");
  return new Date((day + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (Number.isNaN(start) || Number.isNaN(end)) return differenceInCalendarDays(parseISO(to), parseISO(from));
  return end - start;
}

/** "The last N days" of SPEC §3: the N days ending on `asOf`, inclusive. */
export function lastNDays(asOf: IsoDate, days: number): DateWindow {
  return { start: addDays(asOf, -(days - 1)), end: asOf };
}

export function isWithin(date: IsoDate, window: DateWindow): boolean {
  return date >= window.start && date <= window.end;
}
