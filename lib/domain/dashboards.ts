// The lifecycle-stage dashboards and the executive portfolio (SPEC §4 stages, §5 metrics): the
// pure parts — which stages have a dashboard, the weekly health mix picked from snapshot counts,
// trailing-12-month GRR / NRR from daily ARR movement totals, time-to-value bins. The SQL that
// feeds them is in lib/data/dashboards/stages.ts.
import { addMonths, endOfQuarter, format, parseISO, subQuarters } from "date-fns";
import { addDays, type IsoDate } from "./dates";
import { MILESTONES } from "./onboarding";
import {
  grossRevenueRetention,
  netRevenueRetention,
  toCents,
  type ArrMovementType,
  type BandCounts,
  type Period,
  type Tally,
} from "./metrics";

export const DASHBOARD_STAGES = ["onboarding", "adoption", "value_realization", "expansion", "renewal"] as const;
export type DashboardStage = (typeof DASHBOARD_STAGES)[number];

/** URL segment of each stage's dashboard: /dashboards/value-realization. */
export const STAGE_SLUGS: Record<DashboardStage, string> = {
  onboarding: "onboarding",
  adoption: "adoption",
  value_realization: "value-realization",
  expansion: "expansion",
  renewal: "renewal",
};

export function stageFromSlug(slug: string): DashboardStage | null {
  return DASHBOARD_STAGES.find((stage) => STAGE_SLUGS[stage] === slug) ?? null;
}

/** SPEC §4: initial value is the week-8 milestone, so time to value aims at 56 days. */
export const TIME_TO_VALUE_TARGET_DAYS = 56;

export { MILESTONE_KEYS } from "./onboarding";
/** Milestone key → its title (the onboarding plan's milestones). */
export const MILESTONE_LABELS: Record<string, string> = Object.fromEntries(MILESTONES.map((m) => [m.key, m.title]));

/** Renewal-stage windows: the renewal date is within 90 days or already past. */
export const DASHBOARD_RENEWAL_WINDOWS = ["overdue", "0-30", "31-60", "61-90"] as const;
export type DashboardRenewalWindow = (typeof DASHBOARD_RENEWAL_WINDOWS)[number];

/** Churn reasons are stored as taxonomy keys ("poor_adoption") or free text: show either readably. */
export function churnReasonLabel(reason: string | null): string {
  if (!reason) return "Not recorded";
  if (!/^[a-z0-9_]+$/.test(reason)) return reason;
  const words = reason.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Health mix over time

export interface SnapshotCount {
  asOf: IsoDate;
  band: keyof BandCounts;
  count: number;
}

export interface HealthMixPoint extends BandCounts {
  /** The last day of the week. */
  week: IsoDate;
  /** The snapshot day the counts come from; null when the week has no snapshots. */
  asOf: IsoDate | null;
}

/**
 * One point per week (the 7 days ending on `today`, then each week before), oldest first. A
 * week's mix is that of its batch day: the day with the most snapshots (latest on a tie), so a
 * day on which only a few accounts were rescored does not stand in for the portfolio.
 */
export function weeklyHealthMix(rows: readonly SnapshotCount[], today: IsoDate, weeks: number): HealthMixPoint[] {
  const byDay = new Map<IsoDate, BandCounts>();
  for (const row of rows) {
    const counts = byDay.get(row.asOf) ?? { red: 0, yellow: 0, green: 0, purple: 0 };
    counts[row.band] += row.count;
    byDay.set(row.asOf, counts);
  }
  const total = (c: BandCounts) => c.red + c.yellow + c.green + c.purple;
  const points: HealthMixPoint[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const week = addDays(today, -7 * w);
    const start = addDays(week, -6);
    let best: [IsoDate, BandCounts] | null = null;
    for (const [day, counts] of byDay) {
      if (day < start || day > week) continue;
      if (!best || total(counts) > total(best[1]) || (total(counts) === total(best[1]) && day > best[0]))
        best = [day, counts];
    }
    points.push({ week, asOf: best?.[0] ?? null, ...(best?.[1] ?? { red: 0, yellow: 0, green: 0, purple: 0 }) });
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Retention trend

export interface MovementTotal {
  date: IsoDate;
  type: ArrMovementType;
  /** The day's signed total for the type, as numeric text. */
  amount: string;
}

export interface RetentionPoint {
  period: Period;
  grr: number | null;
  nrr: number | null;
}

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/**
 * Trailing-12-month periods ending on the last day of each of the `count − 1` quarters before
 * today's and on today: the trend's points, oldest first.
 */
export function trailingYearPeriods(today: IsoDate, count: number): Period[] {
  const ends: IsoDate[] = [today];
  for (let q = 1; q < count; q++) ends.unshift(iso(endOfQuarter(subQuarters(parseISO(today), q))));
  return ends.map((to) => ({ from: addDays(iso(addMonths(parseISO(to), -12)), 1), to }));
}

/**
 * GRR and NRR of each period (lib/domain/metrics.ts definitions) from the ledger's totals per
 * day and type: start ARR is everything dated before the period, the rest is the period's own.
 */
export function retentionSeries(totals: readonly MovementTotal[], periods: readonly Period[]): RetentionPoint[] {
  const cents = totals.map((t) => ({ ...t, cents: toCents(t.amount) }));
  return periods.map((period) => {
    const facts = { startArrCents: 0, expansionCents: 0, contractionCents: 0, churnedCents: 0 };
    for (const t of cents) {
      if (t.date < period.from) facts.startArrCents += t.cents;
      else if (t.date > period.to) continue;
      else if (t.type === "expansion") facts.expansionCents += t.cents;
      else if (t.type === "contraction") facts.contractionCents -= t.cents;
      else if (t.type === "churn") facts.churnedCents -= t.cents;
    }
    return { period, grr: grossRevenueRetention(facts), nrr: netRevenueRetention(facts) };
  });
}

// ---------------------------------------------------------------------------------------------
// Time to value

/** Accounts per week of time to value ("weeks 8–9" holds 56–62 days), from the first to the last week seen. */
export function timeToValueWeeks(tally: Tally): { week: number; label: string; accounts: number }[] {
  const counts = new Map<number, number>();
  for (const { value, count } of tally) {
    const week = Math.floor(Math.max(0, value) / 7);
    counts.set(week, (counts.get(week) ?? 0) + count);
  }
  if (counts.size === 0) return [];
  const weeks = [...counts.keys()];
  const bins = [];
  for (let week = Math.min(...weeks); week <= Math.max(...weeks); week++) {
    bins.push({ week, label: `${week * 7}–${week * 7 + 6}`, accounts: counts.get(week) ?? 0 });
  }
  return bins;
}
