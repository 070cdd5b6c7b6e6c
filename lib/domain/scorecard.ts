// The weekly scorecard and quarterly rocks (SPEC §5), as pure functions: which weeks show, when
// a stored week is final, whether a value meets its goal, how far a rock has come.
import { addDays, daysBetween, type IsoDate } from "./dates";
import type { ScorecardMetricKey, MetricUnit } from "./metrics-catalogue";

export const SCORECARD_WEEKS = 13;

export type GoalDirection = "gte" | "lte";

export interface ScorecardWeek {
  /** Monday (UTC calendar day). */
  start: IsoDate;
  /** Sunday. */
  end: IsoDate;
  /** The day its figure is measured on: the Sunday, or `asOf` for the week under way. */
  measuredOn: IsoDate;
  current: boolean;
}

/** The Monday of the week holding `date` (weeks start on Monday). */
export function weekStartOf(date: IsoDate): IsoDate {
  // 2024-01-01 was a Monday: whole weeks since then put any day in its week.
  const offset = ((daysBetween("2024-01-01", date) % 7) + 7) % 7;
  return addDays(date, -offset);
}

/** The `count` weeks ending with the week of `asOf`, oldest first. */
export function scorecardWeeks(asOf: IsoDate, count = SCORECARD_WEEKS): ScorecardWeek[] {
  const thisWeek = weekStartOf(asOf);
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(thisWeek, -7 * (count - 1 - i));
    const end = addDays(start, 6);
    const current = start === thisWeek;
    return { start, end, measuredOn: current ? asOf : end, current };
  });
}

/**
 * A stored week's figure is final once it was computed after the week ended: it is never
 * recomputed (corrections to old data don't move it) except by an explicit recompute. A figure
 * computed while its week was under way is provisional and is refreshed.
 */
export function isFinal(week: { end: IsoDate }, computedOn: IsoDate): boolean {
  return computedOn > week.end;
}

/** How long a provisional figure (its week still under way) is reused before it is computed again. */
export const PROVISIONAL_REFRESH_MS = 10 * 60_000;

/**
 * Whether a stored figure can be shown as it is: a final one always, a provisional one for
 * PROVISIONAL_REFRESH_MS after it was computed (so a busy page doesn't recompute on every load).
 */
export function isReusable(week: { end: IsoDate }, computedAt: Date, now: Date): boolean {
  return (
    isFinal(week, computedAt.toISOString().slice(0, 10)) ||
    now.getTime() - computedAt.getTime() < PROVISIONAL_REFRESH_MS
  );
}

/** On goal, off goal, or null when there is no value. */
export function meetsGoal(value: number | null, goal: number, direction: GoalDirection): boolean | null {
  if (value === null) return null;
  return direction === "gte" ? value >= goal : value <= goal;
}

/**
 * A week's cell against its goal: the week under way is partial (a Tuesday holds two days of a
 * weekly count), so it is not judged at all until it ends.
 */
export function judgeWeek(
  week: Pick<ScorecardWeek, "current">,
  value: number | null,
  goal: number,
  direction: GoalDirection,
): boolean | null {
  return week.current ? null : meetsGoal(value, goal, direction);
}

/** The goal's direction that matches the metric (higher is better → "at least"). */
export function defaultDirection(better: "higher" | "lower"): GoalDirection {
  return better === "higher" ? "gte" : "lte";
}

// ---------------------------------------------------------------------------------------------
// Defaults

export interface DefaultMeasurable {
  metricKey: ScorecardMetricKey;
  title: string;
  goal: number;
  direction: GoalDirection;
}

/** The measurables a fresh scorecard starts with (goals from SPEC §5's targets). */
export const DEFAULT_MEASURABLES: readonly DefaultMeasurable[] = [
  { metricKey: "unhealthyShare", title: "Unhealthy share (red + yellow)", goal: 0.25, direction: "lte" },
  { metricKey: "nrr", title: "NRR, trailing 12 months", goal: 1.1, direction: "gte" },
  { metricKey: "grr", title: "GRR, trailing 12 months", goal: 0.9, direction: "gte" },
  { metricKey: "logoChurnRate", title: "Logo churn, trailing 12 months", goal: 0.05, direction: "lte" },
  { metricKey: "accountsTouched", title: "Accounts touched this week", goal: 30, direction: "gte" },
  { metricKey: "overdueTasks", title: "Overdue tasks", goal: 10, direction: "lte" },
  { metricKey: "renewalsSignedVsDue", title: "Renewals signed vs due", goal: 0.9, direction: "gte" },
  { metricKey: "nps", title: "NPS, trailing 90 days", goal: 50, direction: "gte" },
  { metricKey: "onboardingCompletion", title: "Onboarding completion", goal: 0.9, direction: "gte" },
  { metricKey: "timeToValueDays", title: "Time to value (median days)", goal: 60, direction: "lte" },
];

// ---------------------------------------------------------------------------------------------
// Goals as typed: a "%" metric is stored as a fraction but typed and shown in percent.

export function goalFromInput(typed: number, unit: MetricUnit): number {
  return unit === "%" ? typed / 100 : typed;
}

export function goalToInput(goal: number, unit: MetricUnit): number {
  return unit === "%" ? Math.round(goal * 100 * 100) / 100 : goal;
}

// ---------------------------------------------------------------------------------------------
// Rocks

export interface RockProgress {
  /** Share of the way from the start value to the target, 0…1 (clamped). */
  fraction: number;
  reached: boolean;
}

/**
 * How far the current value has come from `start` toward `target` (either direction: 34% → 25%
 * is progress as the value falls). Null when something is missing or start equals target.
 */
export function rockProgress(start: number | null, target: number | null, current: number | null): RockProgress | null {
  if (start === null || target === null || current === null || start === target) return null;
  const raw = (current - start) / (target - start);
  const fraction = Math.min(1, Math.max(0, raw));
  return { fraction: Math.round(fraction * 10_000) / 10_000, reached: raw >= 1 };
}

export interface MeasurableIdentity {
  id?: number;
  metricKey: string;
  title: string;
  goal: number;
  direction: string;
}

/**
 * The active measurable a new or edited one would duplicate, if any: the same title (ignoring
 * case and spaces), or the same metric with the same goal and direction. Two rows like that on
 * one scorecard are the same measurable twice.
 */
export function duplicateMeasurable<T extends MeasurableIdentity>(
  candidate: MeasurableIdentity,
  active: readonly T[],
): T | null {
  const key = (title: string) => title.trim().replace(/\s+/g, " ").toLowerCase();
  return (
    active.find(
      (m) =>
        m.id !== candidate.id &&
        (key(m.title) === key(candidate.title) ||
          (m.metricKey === candidate.metricKey && m.goal === candidate.goal && m.direction === candidate.direction)),
    ) ?? null
  );
}
