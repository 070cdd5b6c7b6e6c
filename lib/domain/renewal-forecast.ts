// The renewal forecast summary as pure functions: ARR due in the next 30 / 60 / 90 days by
// forecast category and the quarter's forecast gross revenue retention. One aggregate query
// (lib/data/renewals/forecast.ts) groups the open renewals; this code reads the groups.
// Money is in integer cents throughout.
import { format, lastDayOfQuarter, parseISO, startOfQuarter } from "date-fns";
import type { IsoDate } from "./dates";
import { FORECAST_WEIGHTS, UNFORECAST_WEIGHT, type RenewalForecastKind } from "./renewals";

export type ForecastCategory = RenewalForecastKind | "none";
export const FORECAST_CATEGORIES: readonly ForecastCategory[] = ["commit", "likely", "at_risk", "lost", "none"];

/** Open renewals grouped by how far away they are and their forecast. */
export interface ForecastGroup {
  /** Days from the as-of date to the renewal date, bucketed: ≤ 30, ≤ 60, ≤ 90 (overdue ones are "overdue"). */
  bucket: "overdue" | 30 | 60 | 90 | "later";
  /** Renewal date on or before the quarter's last day (overdue ones included). */
  inQuarter: boolean;
  forecast: RenewalForecastKind | null;
  arrCents: number;
  count: number;
}

export interface HorizonDue {
  days: 30 | 60 | 90;
  count: number;
  totalCents: number;
  byCategory: Record<ForecastCategory, number>;
}

export const FORECAST_HORIZONS = [30, 60, 90] as const;

const emptyCategories = (): Record<ForecastCategory, number> => ({
  commit: 0,
  likely: 0,
  at_risk: 0,
  lost: 0,
  none: 0,
});

/** ARR due within 30, 60 and 90 days (each includes the shorter ones; overdue renewals are not "due in"). */
export function dueByHorizon(groups: readonly ForecastGroup[]): HorizonDue[] {
  return FORECAST_HORIZONS.map((days) => {
    const byCategory = emptyCategories();
    let count = 0;
    for (const g of groups) {
      if (typeof g.bucket !== "number" || g.bucket > days) continue;
      byCategory[g.forecast ?? "none"] += g.arrCents;
      count += g.count;
    }
    const totalCents = FORECAST_CATEGORIES.reduce((sum, c) => sum + byCategory[c], 0);
    return { days, count, totalCents, byCategory };
  });
}

/** The calendar quarter containing a day. */
export function quarterOf(day: IsoDate): { start: IsoDate; end: IsoDate; label: string } {
  const d = parseISO(day);
  const start = startOfQuarter(d);
  return {
    start: format(start, "yyyy-MM-dd"),
    end: format(lastDayOfQuarter(d), "yyyy-MM-dd"),
    label: `Q${Math.floor(start.getMonth() / 3) + 1} ${start.getFullYear()}`,
  };
}

/** The ARR a renewal is expected to lose: its ARR less its forecast-weighted expected ARR. */
export function expectedLossCents(arrCents: number, forecast: RenewalForecastKind | null): number {
  return arrCents - Math.round(arrCents * (forecast ? FORECAST_WEIGHTS[forecast] : UNFORECAST_WEIGHT));
}

export interface QuarterGrrFacts {
  /** ARR at the quarter's start: every movement dated before it. */
  startArrCents: number;
  /** Churn and contraction already recorded this quarter up to the as-of date, as a positive amount. */
  lostSoFarCents: number;
  groups: readonly ForecastGroup[];
}

export interface QuarterGrr {
  startArrCents: number;
  lostSoFarCents: number;
  expectedLossCents: number;
  /** (start − lost so far − expected loss) / start, 4 decimals; null when nothing was under contract at the start. */
  grr: number | null;
}

/**
 * Forecast GRR for the quarter: what the quarter has lost already plus what the open renewals
 * due by its end are expected to lose by forecast (commit 0%, likely 25%, at risk 75%, lost
 * 100%, no forecast as likely), against the ARR at its start. Expansion never counts (gross).
 */
export function forecastQuarterGrr(facts: QuarterGrrFacts): QuarterGrr {
  const expected = facts.groups
    .filter((g) => g.inQuarter)
    .reduce((sum, g) => sum + expectedLossCents(g.arrCents, g.forecast), 0);
  const { startArrCents, lostSoFarCents } = facts;
  const grr =
    startArrCents <= 0
      ? null
      : Math.max(0, Math.round(((startArrCents - lostSoFarCents - expected) / startArrCents) * 10_000) / 10_000);
  return { startArrCents, lostSoFarCents, expectedLossCents: expected, grr };
}
