import "server-only";
import { db } from "@/lib/db";
import { recomputeHealth } from "@/lib/data/health/recompute";
import { runHealthBacktest } from "@/lib/data/health/backtest";
import { runPlaybooks } from "@/lib/data/playbooks/engine";
import { syncRenewals } from "@/lib/data/renewals/window-job";
import { syncLifecycleStages } from "@/lib/data/accounts/lifecycle-stages";
import { fillScorecardWeeks } from "@/lib/data/scorecard/scorecard";
import { refreshPlannerStatistics } from "@/lib/data/platform/planner-statistics";
import { refreshDashboardRollups } from "@/lib/data/dashboards/portfolio-exports";
import { maintainUsagePartitions } from "@/lib/data/health/usage-partitions";
import { usageRetentionMonths } from "@/lib/config";
import { refreshRenewalRollups } from "@/lib/data/renewals/rollup";
import type { IsoDate } from "@/lib/domain/dates";

/** What one daily run did, step by step (stored as the job's output, shown under Settings → Jobs). */
export type DailySummary = Record<string, unknown>;

/**
 * Time passes even when no data arrives (usage windows slide, renewals come closer, weeks end),
 * so this runs once per UTC day for the day given: the queue (lib/jobs/queue.ts) makes sure of
 * "once" however many server processes share the database, and retries a failed run. Every
 * step is idempotent, so a retry after a partial run is safe. One awaited line per step.
 */
export async function runDailyJobs(asOf: IsoDate): Promise<DailySummary> {
  const summary: DailySummary = { asOf };
  const step = async (name: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    summary[name] = await work();
    console.log(
      `[daily ${asOf}] ${name}: ${JSON.stringify(summary[name])} (${Math.round(performance.now() - started)} ms)`,
    );
  };
  await step("rescored", async () => (await recomputeHealth(db, { asOf, playbooks: false })).scored);
  // Renewals move into their windows by the passing of days, so the stage tasks follow daily too.
  await step("renewals", () => syncRenewals(db, { asOf }));
  // Stages move with the calendar too (onboarding ends, renewals come within 90 days).
  await step("stageChanges", () => syncLifecycleStages(db, { asOf }));
  // The playbooks, once, on the day's scores, renewals and stages (cadences start new periods too).
  await step("playbooks", () => runPlaybooks(db, { asOf }));
  // The renewal pages' groups for today and tomorrow, on the day's scores, windows and stages
  // (writes after this are folded in by the rollup's change log: lib/data/renewals/rollup.ts).
  await step("renewalRollups", async () => (await refreshRenewalRollups(asOf)).rows);
  // The scorecard's weeks that ended since the last run are stored now, before anyone opens it.
  await step("scorecardWeeks", () => fillScorecardWeeks({ asOf }).then(() => "filled"));
  // How well the score predicted the renewals closed so far, for the Score quality page.
  await step("backtest", () => runHealthBacktest(db, { asOf }).then(() => "stored"));
  // Usage's monthly partitions: the months ahead made, the months past the retention dropped.
  await step("usagePartitions", () => maintainUsagePartitions(db, { asOf, retentionMonths: usageRetentionMonths() }));
  // The planner's statistics of the rows just rewritten, so pages get good plans today.
  await step("statistics", () => refreshPlannerStatistics(db).then(() => "refreshed"));
  // The dashboards' heavy aggregates, after the rescore they read (pages never compute them).
  await step("dashboardRollups", () => refreshDashboardRollups(asOf));
  return summary;
}
