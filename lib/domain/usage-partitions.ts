// Usage days are kept in one PostgreSQL partition per calendar month (issue 16, docs/scaling.md):
// which monthly partitions should exist on a given day, under a retention of N months. Pure:
// lib/data/health/usage-partitions.ts reads the partitions that exist and carries the plan out,
// and the migration that made the table partitioned names its first months the same way.
import { addMonths, format, parseISO } from "date-fns";
import type { IsoDate } from "./dates";

/** Whole months kept before the current one (the current month is always kept too). */
export const DEFAULT_USAGE_RETENTION_MONTHS = 25;
/**
 * The least retention accepted: the app reads at most two quarters of usage back (QBR
 * comparisons), and a year keeps year-on-year questions answerable.
 */
export const MIN_USAGE_RETENTION_MONTHS = 12;
/** The most accepted (a century): beyond that a typo, not a policy. */
export const MAX_USAGE_RETENTION_MONTHS = 1200;
/** Partitions made ahead of the current month, so month ends never depend on the job's timing. */
export const USAGE_MONTHS_AHEAD = 3;

export const USAGE_TABLE = "UsageDay";
/** Catches any day no month partition covers, so a write never fails for lack of a partition. */
export const USAGE_DEFAULT_PARTITION = `${USAGE_TABLE}_default`;

/** One month's partition: days from `from` (inclusive) to `to` (exclusive), both first days of a month. */
export interface MonthPartition {
  name: string;
  from: IsoDate;
  to: IsoDate;
}

export interface UsagePartitionPlan {
  /** The first day kept: partitions wholly before it are dropped, and default-partition days before it deleted. */
  keepFrom: IsoDate;
  /** Month partitions to create, oldest first. */
  create: MonthPartition[];
  /** Names of month partitions to drop, as given. */
  drop: string[];
}

/** The first day of the date's month. */
export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `months` after (or before, when negative) the given month's. */
export function shiftMonth(month: IsoDate, months: number): IsoDate {
  return format(addMonths(parseISO(monthStart(month)), months), "yyyy-MM-dd");
}

/** The partition of the month holding `date`: "UsageDay_2026_12", 2026-12-01 to 2027-01-01. */
export function usagePartition(date: IsoDate): MonthPartition {
  const from = monthStart(date);
  return { name: `${USAGE_TABLE}_${from.slice(0, 4)}_${from.slice(5, 7)}`, from, to: shiftMonth(from, 1) };
}

/** The first day kept on `today`: the start of the month `retentionMonths` before today's. */
export function usageKeepFrom(today: IsoDate, retentionMonths: number): IsoDate {
  return shiftMonth(today, -retentionMonths);
}

/**
 * Every month from the retention's first to USAGE_MONTHS_AHEAD past today's has a partition (so
 * backfilled days land in theirs too), and month partitions wholly before the retention go.
 * `existing` lists the month partitions there are (not the default one).
 */
export function planUsagePartitions(input: {
  today: IsoDate;
  retentionMonths: number;
  existing: readonly MonthPartition[];
  monthsAhead?: number;
}): UsagePartitionPlan {
  const { today, retentionMonths, existing, monthsAhead = USAGE_MONTHS_AHEAD } = input;
  const keepFrom = usageKeepFrom(today, retentionMonths);
  const covered = (day: IsoDate) => existing.some((p) => p.from <= day && day < p.to);
  const create: MonthPartition[] = [];
  for (let month = keepFrom; month <= shiftMonth(today, monthsAhead); month = shiftMonth(month, 1)) {
    if (!covered(month)) create.push(usagePartition(month));
  }
  const drop = existing.filter((p) => p.to <= keepFrom).map((p) => p.name);
  return { keepFrom, create, drop };
}

/** BOWTIE_USAGE_RETENTION_MONTHS: unset or empty → the default; otherwise a whole number in range, or a RangeError. */
export function parseUsageRetentionMonths(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_USAGE_RETENTION_MONTHS;
  const months = Number(value.trim());
  if (!Number.isInteger(months) || months < MIN_USAGE_RETENTION_MONTHS || months > MAX_USAGE_RETENTION_MONTHS) {
    throw new RangeError(
      `BOWTIE_USAGE_RETENTION_MONTHS must be a whole number of months from ${MIN_USAGE_RETENTION_MONTHS} to ${MAX_USAGE_RETENTION_MONTHS}, got "${value}".`,
    );
  }
  return months;
}
