// UTC calendar-day arithmetic. The account model stores calendar dates (@db.Date) as Dates at
// 00:00Z; plain millisecond arithmetic is exact on those (UTC has no daylight-saving shifts).

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as a Date at 00:00Z. */
export function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** Same day and month `years` later (29 February becomes 1 March in other years). */
export function addYears(day: Date, years: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate()));
}

export function addMonths(day: Date, months: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, day.getUTCDate()));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function isWeekend(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function dayOfYear(day: Date): number {
  return daysBetween(new Date(Date.UTC(day.getUTCFullYear(), 0, 1)), day);
}

/** "YYYY-MM-DD" */
export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
