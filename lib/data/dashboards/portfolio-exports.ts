import "server-only";

import { cachedAggregate, storeRollup } from "./cache";
import { getChurnByReason, getHealthMix, getRetentionTrend, getStageCharts } from "./stages";
import { DASHBOARD_STAGES } from "@/lib/domain/dashboards";
import type { IsoDate } from "@/lib/domain/dates";
import { getPortfolioSummary } from "./portfolio";
import { clock } from "@/lib/clock";

// The executive portfolio's charts as tables: the page and its CSV downloads read the same
// aggregates (stored daily, lib/data/dashboards/cache.ts), so a download matches what is on screen.

export const PORTFOLIO_DATASETS = [
  "health-mix",
  "arr-by-band",
  "retention",
  "churn-reasons",
  "arr-by-segment",
] as const;
export type PortfolioDataset = (typeof PORTFOLIO_DATASETS)[number];

export function loadPortfolioCharts(today = clock.today()) {
  return Promise.all([
    getPortfolioSummary(),
    cachedAggregate("health-mix", today, () => getHealthMix(today)),
    cachedAggregate("retention", today, () => getRetentionTrend(today)),
    cachedAggregate("churn-reasons", today, () => getChurnByReason(today)),
  ]);
}

export async function portfolioTable(
  dataset: PortfolioDataset,
): Promise<{ fields: string[]; data: (string | number)[][] }> {
  const [summary, mix, retention, churn] = await loadPortfolioCharts();
  const blank = (v: number | null) => (v == null ? "" : v);
  switch (dataset) {
    case "health-mix":
      return {
        fields: ["week_ending", "snapshot_date", "red", "yellow", "green", "purple"],
        data: mix.map((p) => [p.week, p.asOf ?? "", p.red, p.yellow, p.green, p.purple]),
      };
    case "arr-by-band":
      return {
        fields: ["band", "accounts", "arr"],
        data: summary.byBand.map((b) => [b.band ?? "not_scored", b.accounts, b.arr.toFixed(2)]),
      };
    case "retention":
      return {
        fields: ["period_from", "period_to", "grr", "nrr"],
        data: retention.map((r) => [r.period.from, r.period.to, blank(r.grr), blank(r.nrr)]),
      };
    case "churn-reasons":
      return {
        fields: ["reason", "accounts", "churned_arr"],
        data: churn.map((c) => [c.reason, c.accounts, c.arr.toFixed(2)]),
      };
    case "arr-by-segment":
      return {
        fields: ["segment", "accounts", "arr"],
        data: summary.bySegment.map((s) => [s.segment, s.accounts, s.arr.toFixed(2)]),
      };
  }
}

/** For the daily job: every heavy dashboard aggregate of the day, computed and stored. */
export async function refreshDashboardRollups(today: IsoDate): Promise<number> {
  const rollups: [string, () => Promise<unknown>][] = [
    ["health-mix", () => getHealthMix(today)],
    ["retention", () => getRetentionTrend(today)],
    ["churn-reasons", () => getChurnByReason(today)],
    ...DASHBOARD_STAGES.map((stage): [string, () => Promise<unknown>] => [
      `stage:${stage}`,
      () => getStageCharts(stage, today),
    ]),
  ];
  // One after another: the job should not take every connection from the pages.
  for (const [key, load] of rollups) await storeRollup(key, today, await load());
  return rollups.length;
}
