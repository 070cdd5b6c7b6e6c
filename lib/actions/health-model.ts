"use server";

import { can } from "@/lib/auth/policy";
import { z } from "zod";
import { applySuggestedWeights, saveHealthModel } from "@/lib/data/health/model";
import { ZHealthModel } from "@/lib/domain/health-model";
import { SEGMENTS } from "@/lib/domain/segments";
import { defineAction, type ActionResult } from "./safe-action";

const save = defineAction({
  schema: ZHealthModel,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings/health", "/accounts", "/dashboard", "/scorecard", "/renewals"],
  handler: (model, user) => saveHealthModel(model, { userId: user.id }),
});

export async function saveHealthModelAction(model: unknown): Promise<ActionResult<{ recomputed: number }>> {
  return save(model);
}

const applySuggestion = defineAction({
  schema: z.object({
    runId: z.coerce.number().int().positive(),
    segment: z.enum(["all", ...SEGMENTS]).default("all"),
    confirm: z.literal("yes", { message: "Tick the box to confirm the new weights." }),
  }),
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings/health", "/score-quality", "/accounts", "/dashboard", "/scorecard", "/renewals"],
  handler: ({ runId, segment }, user) => applySuggestedWeights(runId, { userId: user.id }, segment),
});

/** An admin applies a backtest's suggested weights as a new model version (confirmed, audited). */
export async function applySuggestedWeightsAction(
  _prev: ActionResult<{ recomputed: number }> | null,
  form: FormData,
): Promise<ActionResult<{ recomputed: number }>> {
  return applySuggestion(form);
}
