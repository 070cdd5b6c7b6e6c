// Daily product usage for one account. Today's level is set by the plan's measure levels, so
// the last 30 days score where the account is meant to land (SPEC §3 floors → targets); the
// usage pattern shapes the months before (growth, decline, dormancy, seasons), which is what
// trends and the 30-days-earlier score show.
import type { AccountPlan, UsageShape } from "./account-plan";
import { addDays, dayOfYear, daysBetween, isWeekend, maxDate } from "./calendar";
import { INTEGRATIONS, type FeatureKey } from "./catalogue";
import type { Random } from "./random";
import type { UsageDayRow } from "./types";

/** Weekend activity as a share of a weekday's. */
const WEEKEND_FACTOR = 0.25;
/** Mean of the weekday factors over a week: (5 + 2 × 0.25) / 7. */
const MEAN_WEEK_FACTOR = (5 + 2 * WEEKEND_FACTOR) / 7;

/**
 * One row per day from `from` (or the contract start) to today, or to the day before the
 * account churned. `seats` are the account's current seats; `featureSince` holds each
 * purchased feature and the day it was bought.
 */
export function usageRows(
  plan: AccountPlan,
  seats: number,
  featureSince: ReadonlyMap<FeatureKey, Date>,
  from: Date,
): UsageDayRow[] {
  const rng = plan.stream("usage");
  const end = plan.churnedAt ? addDays(plan.churnedAt, -1) : plan.today;
  const start = maxDate(from, plan.contractStart);
  const adoptionOrder = rng.shuffle([...featureSince.keys()]);
  const integrations = rng
    .shuffle(INTEGRATIONS)
    .slice(0, Math.min(INTEGRATIONS.length, Math.round(3 * Math.min(1.3, plan.levels.integrations))));
  const rows: UsageDayRow[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const level = shapeAt(plan, day, end);
    const available = adoptionOrder.filter((f) => (featureSince.get(f) as Date) <= day);
    rows.push(usageDay(plan, seats, rng, day, level, available, featureSince.size, integrations));
  }
  return rows;
}

/** Usage on `day` relative to the level at the end of the history (1 = the planned level). */
export function shapeAt(plan: AccountPlan, day: Date, end: Date): number {
  const shape = plan.usage;
  const daysBeforeEnd = daysBetween(day, end);
  switch (shape.pattern) {
    case "steady":
      return 1;
    case "growing":
      return growing(shape, plan.contractStart, day, end);
    case "declining":
      return 1 + shape.drop * (1 - Math.exp(-daysBeforeEnd / 45));
    case "dormant":
      return dormant(shape, day);
    case "seasonal":
      return seasonal(shape, day) / seasonal(shape, end);
  }
}

/** A ramp from the start level (a year ago, or at contract start) up to today's level. */
function growing(shape: UsageShape, contractStart: Date, day: Date, end: Date): number {
  const rampStart = maxDate(contractStart, addDays(end, -395));
  const rampDays = Math.max(1, daysBetween(rampStart, addDays(end, -20)));
  const progress = Math.min(1, Math.max(0, daysBetween(rampStart, day) / rampDays));
  return shape.startLevel + (1 - shape.startLevel) * progress;
}

/** Fading usage, then nothing after the last active day. */
function dormant(shape: UsageShape, day: Date): number {
  const lastActive = shape.lastActiveDay as Date;
  if (day > lastActive) return 0;
  return 1 + shape.drop * (1 - Math.exp(-daysBetween(day, lastActive) / 60));
}

function seasonal(shape: UsageShape, day: Date): number {
  return 1 + shape.amplitude * Math.cos((2 * Math.PI * (dayOfYear(day) - shape.peakDay)) / 365);
}

/** A measure level moved by the usage shape: busier periods look a little better on every measure. */
function levelAt(base: number, shape: number): number {
  return Math.max(0, base + (shape - 1) * 0.5);
}

function usageDay(
  plan: AccountPlan,
  seats: number,
  rng: Random,
  day: Date,
  shape: number,
  available: readonly FeatureKey[],
  purchasedCount: number,
  integrations: readonly string[],
): UsageDayRow {
  const { levels } = plan;
  // Mean daily active users / seats over a week = 0.1 + 0.5 × level (the measure's floor → target).
  const weekdayRatio = ((0.1 + 0.5 * levels.activeUsers) / MEAN_WEEK_FACTOR) * shape;
  const ratio = Math.min(0.95, weekdayRatio * (isWeekend(day) ? WEEKEND_FACTOR : 1) * rng.float(0.85, 1.15));
  const activeUsers = Math.round(seats * ratio);
  if (activeUsers === 0)
    return idleDay(plan.id, day, shape > 0 ? integrations : [], shape > 0 ? dataQuality(plan, rng, shape) : null);

  const logins = Math.round(activeUsers * rng.float(1, 1.6));
  const sessions = Math.round(logins * rng.float(1.1, 1.5));
  const minutesPerSession = (2 + 18 * levelAt(levels.sessionLength, shape)) * rng.float(0.85, 1.15);
  const workflowsStarted = Math.round(activeUsers * rng.float(0.15, 0.4));
  const completion = Math.min(1, 0.3 + 0.6 * levelAt(levels.workflowCompletion, shape) + rng.float(-0.06, 0.06));
  return {
    accountId: plan.id,
    date: day,
    activeUsers,
    logins,
    sessions,
    sessionMinutes: Math.round(sessions * minutesPerSession),
    featuresUsed: featuresUsed(rng, shape, levels.featureAdoption, levels.featureDepth, available, purchasedCount),
    workflowsStarted,
    workflowsCompleted: Math.round(workflowsStarted * Math.max(0, completion)),
    integrationsActive: [...integrations],
    dataQuality: dataQuality(plan, rng, shape),
  };
}

function idleDay(accountId: number, date: Date, integrations: readonly string[], dq: number | null): UsageDayRow {
  return {
    accountId,
    date,
    activeUsers: 0,
    logins: 0,
    sessions: 0,
    sessionMinutes: 0,
    featuresUsed: [],
    workflowsStarted: 0,
    workflowsCompleted: 0,
    integrationsActive: [...integrations],
    dataQuality: dq,
  };
}

/**
 * The account has adopted the first features of its (shuffled) order, 0.2 → 0.8 of what it
 * bought; each day its users touch a random handful of those, 0.1 → 0.5 of what it bought.
 */
function featuresUsed(
  rng: Random,
  shape: number,
  adoptionLevel: number,
  depthLevel: number,
  available: readonly FeatureKey[],
  purchasedCount: number,
): string[] {
  const adoptedShare = 0.2 + 0.6 * Math.min(1, levelAt(adoptionLevel, shape));
  const adopted = available.slice(0, Math.max(1, Math.ceil(purchasedCount * adoptedShare)));
  const depthShare = 0.1 + 0.4 * Math.min(1.2, levelAt(depthLevel, shape));
  const count = Math.min(adopted.length, Math.max(1, Math.round(purchasedCount * depthShare * rng.float(0.8, 1.2))));
  return rng.shuffle(adopted).slice(0, count);
}

function dataQuality(plan: AccountPlan, rng: Random, shape: number): number {
  const value = 0.5 + 0.45 * levelAt(plan.levels.dataQuality, shape) + rng.float(-0.03, 0.03);
  return Math.round(Math.min(1, Math.max(0.2, value)) * 100) / 100;
}
