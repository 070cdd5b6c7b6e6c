// Lifecycle stages (SPEC §4), derived from an account's dates and data, with a manual override.
//
// Precedence, first match wins:
//   churned            the account is churned (on or after its churn day)
//   renewal            the renewal date is at most 90 days away (or already passed, still open)
//   expansion          an expansion opportunity is open, or 12 months have passed since the contract start
//   value realization  6 to 12 months after the contract start
//   adoption           from day 91 to 6 months after the contract start
//   onboarding         days 0–90 after the contract start (and before it starts)
// Months are calendar months (Aug 31 + 6 months = Feb 28), as PostgreSQL's `interval` adds them,
// so lib/data/accounts/lifecycle-stages.ts's SQL gives the same answer for every account.
import { addMonths, format, parseISO } from "date-fns";
import { daysBetween, type IsoDate } from "./dates";

export const LIFECYCLE_STAGES = [
  "onboarding",
  "adoption",
  "value_realization",
  "expansion",
  "renewal",
  "churned",
] as const;
export type LifecycleStageKey = (typeof LIFECYCLE_STAGES)[number];

/** The last day of onboarding is contract start + 90 days (the same 90 days as lib/domain/metrics.ts). */
export const ONBOARDING_LAST_DAY = 90;
export const ADOPTION_ENDS_MONTHS = 6;
export const VALUE_REALIZATION_ENDS_MONTHS = 12;
export const RENEWAL_STAGE_DAYS = 90;

export interface LifecycleFacts {
  contractStart: IsoDate;
  renewalDate: IsoDate;
  /** The day the account churned, if it did. */
  churnedAt: IsoDate | null;
  hasOpenExpansion: boolean;
}

export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  return format(addMonths(parseISO(date), months), "yyyy-MM-dd");
}

/** The stage the account's dates and data put it in on `asOf`. */
export function deriveLifecycleStage(facts: LifecycleFacts, asOf: IsoDate): LifecycleStageKey {
  if (facts.churnedAt !== null && facts.churnedAt <= asOf) return "churned";
  if (daysBetween(asOf, facts.renewalDate) <= RENEWAL_STAGE_DAYS) return "renewal";
  if (facts.hasOpenExpansion || asOf >= addCalendarMonths(facts.contractStart, VALUE_REALIZATION_ENDS_MONTHS))
    return "expansion";
  if (asOf >= addCalendarMonths(facts.contractStart, ADOPTION_ENDS_MONTHS)) return "value_realization";
  if (daysBetween(facts.contractStart, asOf) > ONBOARDING_LAST_DAY) return "adoption";
  return "onboarding";
}

/** What the account shows: a manual stage wins over the derived one. */
export function effectiveStage(derived: LifecycleStageKey, override: LifecycleStageKey | null): LifecycleStageKey {
  return override ?? derived;
}

// ---------------------------------------------------------------------------------------------
// Time in stage

/** One recorded stage change of an account (StageChange). */
export interface StageChangeFact {
  accountId: number;
  toStage: LifecycleStageKey;
  changedAt: IsoDate;
}

export interface TimeInStage {
  stage: LifecycleStageKey;
  /** Completed stays: the account entered the stage and later left it. */
  stays: number;
  medianDays: number | null;
  meanDays: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Median and mean days accounts spent in each stage, from their stage changes: a stay runs from
 * the change into the stage to the account's next change. Stays still under way are left out
 * (their length is not known yet), so a stage nobody has left yet has no figures.
 */
export function timeInStage(changes: readonly StageChangeFact[]): TimeInStage[] {
  const byAccount = new Map<number, StageChangeFact[]>();
  for (const change of changes) {
    const list = byAccount.get(change.accountId);
    if (list) list.push(change);
    else byAccount.set(change.accountId, [change]);
  }
  const days = new Map<LifecycleStageKey, number[]>(LIFECYCLE_STAGES.map((s) => [s, []]));
  for (const list of byAccount.values()) {
    list.sort((a, b) => (a.changedAt < b.changedAt ? -1 : a.changedAt > b.changedAt ? 1 : 0));
    for (let i = 0; i + 1 < list.length; i++) {
      days.get(list[i].toStage)?.push(daysBetween(list[i].changedAt, list[i + 1].changedAt));
    }
  }
  return LIFECYCLE_STAGES.map((stage) => {
    const values = (days.get(stage) ?? []).sort((a, b) => a - b);
    const n = values.length;
    if (n === 0) return { stage, stays: 0, medianDays: null, meanDays: null };
    const median = (values[Math.floor((n - 1) / 2)] + values[Math.floor(n / 2)]) / 2;
    const mean = values.reduce((sum, v) => sum + v, 0) / n;
    return { stage, stays: n, medianDays: round1(median), meanDays: round1(mean) };
  });
}
