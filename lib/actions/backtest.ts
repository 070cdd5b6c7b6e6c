"use server";

import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { runBacktestNow } from "@/lib/data/health/backtest";
import { defineAction, type ActionResult } from "./safe-action";

const run = defineAction({
  schema: z.object({}),
  authorize: (user) => can(user, "score-quality:read"),
  revalidate: ["/score-quality", "/accounts"],
  handler: () => runBacktestNow(),
});

/** Runs the health backtest now (the daily job also runs it); a repeat simply stores a newer run. */
export async function runBacktestAction(
  _prev: ActionResult<{ renewals: number }> | null,
  form: FormData,
): Promise<ActionResult<{ renewals: number }>> {
  return run(form);
}
