import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZHealthModel, type HealthModel } from "@/lib/domain/health-model";

import { recordAudit, type AuditActor } from "../platform/audit";
import { getHealthModel, recomputeHealth } from "./recompute";
import { getSuggestedWeights } from "./backtest";
import { conflict } from "@/lib/errors";
import { clock } from "@/lib/clock";

/** The model in force (SPEC defaults until an admin saves one). */
export function getCurrentHealthModel(): Promise<HealthModel> {
  return getHealthModel(db);
}

/**
 * Saves an admin's model and recomputes every active account's score with it, in one
 * transaction: the new weights never show next to scores computed with the old ones.
 */
export async function saveHealthModel(
  model: HealthModel,
  actor: AuditActor,
  { auditAction = "update" }: { auditAction?: string } = {},
): Promise<{ recomputed: number }> {
  return db.$transaction(
    async (tx) => {
      // Saves of the model queue behind each other, so each raises the version once.
      await tx.$executeRaw`SELECT id FROM "HealthModel" WHERE id = 1 FOR UPDATE`;
      const before = await getHealthModel(tx);
      if (auditAction !== "update" && sameModel(before, model)) return { recomputed: 0 };
      const config = model as unknown as Prisma.InputJsonValue;
      await tx.healthModel.upsert({
        where: { id: 1 },
        create: { id: 1, config, updatedById: "userId" in actor ? actor.userId : null },
        update: { config, updatedById: "userId" in actor ? actor.userId : null, version: { increment: 1 } },
      });
      await recordAudit(tx, actor, {
        entity: "health_model",
        entityId: "1",
        action: auditAction,
        before: flatten(before),
        after: flatten(model),
      });
      const { scored } = await recomputeHealth(tx, { asOf: clock.today(), model });
      return { recomputed: scored };
    },
    { timeout: 10 * 60_000 },
  );
}

function sameModel(a: HealthModel, b: HealthModel): boolean {
  const flatA = flatten(a);
  return Object.entries(flatten(b)).every(([key, value]) => flatA[key] === value);
}

/** "weights.engagement": 40, "measures.login_frequency.floor": 0.5 … so the audit diff names each change. */
function flatten(model: HealthModel): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(model.weights)) out[`weights.${k}`] = v;
  for (const [k, s] of Object.entries(model.measures)) {
    out[`measures.${k}.floor`] = s.floor;
    out[`measures.${k}.target`] = s.target;
  }
  return out;
}

/**
 * Applies a backtest run's suggested weights (all segments) as a new model version: the
 * floors and targets stay, the change is audited as "apply_suggested_weights". Applying the
 * same suggestion again changes nothing.
 */
export async function applySuggestedWeights(runId: number, actor: AuditActor): Promise<{ recomputed: number }> {
  const suggested = await getSuggestedWeights(db, runId);
  if (!suggested) throw conflict("This backtest has no suggested weights to apply.");
  const current = await getHealthModel(db);
  const model = ZHealthModel.safeParse({ ...current, weights: suggested });
  if (!model.success) throw conflict("The suggested weights are not a valid model.");
  return saveHealthModel(model.data, actor, { auditAction: "apply_suggested_weights" });
}
