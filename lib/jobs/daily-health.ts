import "server-only";
import { db } from "@/lib/db";
import { recomputeHealth } from "@/lib/data/health/recompute";
import { runBacktestIfStale } from "@/lib/data/health/backtest";
import { syncRenewals } from "@/lib/data/renewals/window-job";
import { syncLifecycleStages } from "@/lib/data/accounts/lifecycle-stages";
import { fillScorecardWeeks } from "@/lib/data/scorecard/scorecard";
import { purgeExpiredIdempotencyKeys } from "@/lib/api/idempotency";
import { clock } from "@/lib/clock";

const CHECK_EVERY_MS = 15 * 60_000;
let running = false;

/**
 * Time passes even when no data arrives (usage windows slide, renewals come closer), so every
 * account is rescored once per UTC day. Checked at start-up and every 15 minutes; the work is
 * one set-based batch, and only when some active account is not yet scored for today.
 */
export async function rescoreIfStale(): Promise<number> {
  if (running) return 0;
  running = true;
  try {
    const today = clock.today();
    const stale = await db.account.count({
      where: { status: "active", OR: [{ healthAsOf: null }, { healthAsOf: { lt: new Date(`${today}T00:00:00Z`) } }] },
    });
    if (stale === 0) return 0;
    const started = performance.now();
    const results = await recomputeHealth(db, { asOf: today });
    console.log(
      `[health] rescored ${results.size} accounts for ${today} in ${Math.round(performance.now() - started)} ms`,
    );
    // Renewals move into their windows by the passing of days, so the stage tasks follow daily too.
    const renewals = await syncRenewals(db, { asOf: today });
    console.log(
      `[renewals] ${renewals.created} created, ${renewals.started} started, ${renewals.tasks} stage tasks opened`,
    );
    // Stages move with the calendar too (onboarding ends, renewals come within 90 days).
    const stageChanges = await syncLifecycleStages(db, { asOf: today });
    console.log(`[lifecycle] ${stageChanges} stage changes recorded`);
    // The scorecard's weeks that ended since the last run are stored now, before anyone opens it.
    await fillScorecardWeeks({ asOf: today });
    return results.size;
  } finally {
    running = false;
  }
}

export function startDailyHealthJob(): void {
  const run = () => {
    void rescoreIfStale().catch((error) => console.error("[health] daily rescore failed", error));
    // Idempotency keys are ignored after 24 hours: drop them as they expire.
    void purgeExpiredIdempotencyKeys().catch((error) =>
      console.error("[api] purging expired idempotency keys failed", error),
    );
    // How well the score predicted the renewals closed so far (Score quality): once a day, and at
    // the first start, so a new install shows it on day one.
    void runBacktestIfStale(clock.today()).catch((error) => console.error("[health] backtest failed", error));
  };
  void run();
  setInterval(run, CHECK_EVERY_MS).unref();
}
