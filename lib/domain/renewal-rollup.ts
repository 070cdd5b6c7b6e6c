// The renewal pages' figures from grouped open renewals (lib/data/renewals/rollup.ts reads the
// groups from the daily rollup plus the changes since, or straight from the tables). Every figure
// the pipeline, the forecast and the dashboards show is derived here, from one kind of group,
// so "ARR due in 90 days", "ARR at risk" and the windows' totals have one definition.
import { DUE_HORIZON_DAYS, type PipelineTotals, type RenewalForecastKind } from "./renewals";
import { RENEWAL_WINDOW_ENDS, type RenewalWindow } from "./windows";

/** Open renewals of active accounts sharing a window, a forecast and whether they are at risk. */
export interface OpenRenewalGroup {
  bucket: RenewalWindow;
  /** Renewal date on or before the quarter's last day. */
  inQuarter: boolean;
  forecast: RenewalForecastKind | null;
  atRisk: boolean;
  count: number;
  cents: number;
  /** Σ per renewal of its cents × its forecast's weight, rounded to the cent. */
  expectedCents: number;
}

export interface RenewalFigures {
  /** Open renewals due from today to DUE_HORIZON_DAYS out. */
  due: { count: number; arr: number };
  /** Of those, the ones at risk (isAtRisk). */
  atRisk: { count: number; arr: number };
  /** Open renewals whose date has passed, counted apart. */
  overdue: { count: number; arr: number };
}

/** The windows "due in 90 days" spans: those ending on or before DUE_HORIZON_DAYS. */
export const DUE_WINDOWS: readonly RenewalWindow[] = RENEWAL_WINDOW_ENDS.filter(
  (w) => w.lastDay <= DUE_HORIZON_DAYS,
).map((w) => w.window);

function figure(groups: readonly OpenRenewalGroup[]) {
  return {
    count: groups.reduce((n, g) => n + g.count, 0),
    arr: groups.reduce((c, g) => c + g.cents, 0) / 100,
  };
}

export function renewalFigures(groups: readonly OpenRenewalGroup[]): RenewalFigures {
  const due = groups.filter((g) => DUE_WINDOWS.includes(g.bucket));
  return {
    due: figure(due),
    atRisk: figure(due.filter((g) => g.atRisk)),
    overdue: figure(groups.filter((g) => g.bucket === "overdue")),
  };
}

/** Each window's pipeline totals (count, ARR due, ARR at risk, expected ARR). */
export function windowTotals(groups: readonly OpenRenewalGroup[]): Map<RenewalWindow, PipelineTotals> {
  const cents = new Map<RenewalWindow, { count: number; due: number; risk: number; expected: number }>();
  for (const g of groups) {
    const t = cents.get(g.bucket) ?? { count: 0, due: 0, risk: 0, expected: 0 };
    t.count += g.count;
    t.due += g.cents;
    if (g.atRisk) t.risk += g.cents;
    t.expected += g.expectedCents;
    cents.set(g.bucket, t);
  }
  return new Map(
    [...cents].map(([w, t]) => [
      w,
      { count: t.count, arrDue: t.due / 100, arrAtRisk: t.risk / 100, expectedArr: t.expected / 100 },
    ]),
  );
}

/** The at-risk renewals the forecast lists: due within DUE_HORIZON_DAYS, overdue ones included. */
export function atRiskCount(groups: readonly OpenRenewalGroup[]): number {
  return groups
    .filter((g) => g.atRisk && (g.bucket === "overdue" || DUE_WINDOWS.includes(g.bucket)))
    .reduce((n, g) => n + g.count, 0);
}

/**
 * The median of values given as (value, how many) pairs: percentile_cont(0.5), so the mean of
 * the middle two for an even count; null for none.
 */
export function medianOfCounts(histogram: readonly { value: number; count: number }[]): number | null {
  const sorted = [...histogram].filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, h) => n + h.count, 0);
  if (total === 0) return null;
  const at = (position: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (position < seen) return h.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
}
