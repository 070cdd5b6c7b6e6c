import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  modelForSegment,
  segmentsWithOwnModel,
  ZHealthModel,
  type HealthModel,
  type SegmentModel,
} from "@/lib/domain/health-model";

import { recordAudit, type AuditActor } from "../platform/audit";
import { getHealthModel, recomputeHealth } from "./recompute";
import { getSuggestedWeights } from "./backtest";
import { conflict } from "@/lib/errors";
import type { SegmentFilter } from "@/lib/domain/backtest-report";
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
  const [flatA, flatB] = [flatten(a), flatten(b)];
  const keys = new Set([...Object.keys(flatA), ...Object.keys(flatB)]);
  return [...keys].every((key) => flatA[key] === flatB[key]);
}

/**
 * "weights.engagement": 40, "measures.login_frequency.floor": 0.5, and a segment's own model
 * under "segments.smb.weights.engagement" … so the audit diff names each change.
 */
function flatten(model: HealthModel): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (prefix: string, m: SegmentModel) => {
    for (const [k, v] of Object.entries(m.weights)) out[`${prefix}weights.${k}`] = v;
    for (const [k, s] of Object.entries(m.measures)) {
      out[`${prefix}measures.${k}.floor`] = s.floor;
      out[`${prefix}measures.${k}.target`] = s.target;
    }
  };
  add("", model);
  for (const segment of segmentsWithOwnModel(model)) add(`segments.${segment}.`, modelForSegment(model, segment));
  return out;
}

/**
 * Applies a backtest run's suggested weights as a new model version: for all segments, the
 * default model's weights; for one segment, that segment's own model (created from the model it
 * was scored with when it has none). Floors and targets stay. Audited as
 * "apply_suggested_weights"; applying the same suggestion again changes nothing.
 */
export async function applySuggestedWeights(
  runId: number,
  actor: AuditActor,
  segment: SegmentFilter = "all",
): Promise<{ recomputed: number }> {
  const suggested = await getSuggestedWeights(db, runId, segment);
  if (!suggested) throw conflict("This backtest has no suggested weights to apply.");
  const current = await getHealthModel(db);
  const next =
    segment === "all"
      ? { ...current, weights: suggested }
      : {
          ...current,
          segments: { ...current.segments, [segment]: { ...modelForSegment(current, segment), weights: suggested } },
        };
  const model = ZHealthModel.safeParse(next);
  if (!model.success) throw conflict("The suggested weights are not a valid model.");
  return saveHealthModel(model.data, actor, { auditAction: "apply_suggested_weights" });
}
