"use server";

import { can } from "@/lib/auth/policy";
import { saveHealthModel } from "@/lib/data/health/model";
import { ZHealthModel } from "@/lib/domain/health-model";
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
