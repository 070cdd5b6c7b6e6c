import "server-only";
import { db } from "@/lib/db";
import type { HealthResult } from "@/lib/domain/health";
import { restoreHealthResult } from "@/lib/domain/health-snapshot";
import { describeScoreMovement, scoreMovement } from "@/lib/domain/score-movement";

/** The account's latest health explanation (what its page shows), or null before its first score. */
export async function getLatestHealth(accountId: number): Promise<HealthResult | null> {
  const latest = await db.healthSnapshot.findFirst({
    where: { accountId },
    orderBy: { asOf: "desc" },
    select: { components: true },
  });
  return latest ? restoreHealthResult(latest.components) : null;
}

/**
 * Runs a write that rescores the account (it recomputes health in its own transaction) and says
 * how the score moved, from the explanations before and after.
 */
export async function withScoreMovement(accountId: number, write: () => Promise<unknown>): Promise<string> {
  const before = await getLatestHealth(accountId);
  await write();
  return describeScoreMovement(scoreMovement(before, await getLatestHealth(accountId)));
}
