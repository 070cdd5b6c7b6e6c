import "server-only";
import { db } from "@/lib/db";
import type { Band } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "../platform/audit";
import { clock } from "@/lib/clock";

export interface SentimentOverrideView {
  band: Band;
  reason: string;
  by: string;
  at: string;
}

/** The CSM's current sentiment, shown beside the computed score (never replacing it). */
export async function getActiveOverride(accountId: number): Promise<SentimentOverrideView | null> {
  const o = await db.sentimentOverride.findFirst({
    where: { accountId, clearedAt: null },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { name: true } } },
  });
  return o ? { band: o.band, reason: o.reason, by: o.createdBy.name, at: o.createdAt.toISOString() } : null;
}

/** Records a new sentiment (the previous one is kept as history, marked cleared). */
export async function setOverride(
  accountId: number,
  band: Band,
  reason: string,
  actor: AuditActor & { userId: number },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const previous = await tx.sentimentOverride.findFirst({ where: { accountId, clearedAt: null } });
    if (previous) await tx.sentimentOverride.update({ where: { id: previous.id }, data: { clearedAt: clock.now() } });
    const created = await tx.sentimentOverride.create({ data: { accountId, band, reason, createdById: actor.userId } });
    await recordAudit(tx, actor, {
      entity: "sentiment_override",
      entityId: String(created.id),
      accountId,
      action: "create",
      before: previous ? { band: previous.band, reason: previous.reason } : null,
      after: { band, reason },
    });
  });
}

export async function clearOverride(accountId: number, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const active = await tx.sentimentOverride.findFirst({ where: { accountId, clearedAt: null } });
    if (!active) return;
    await tx.sentimentOverride.update({ where: { id: active.id }, data: { clearedAt: clock.now() } });
    await recordAudit(tx, actor, {
      entity: "sentiment_override",
      entityId: String(active.id),
      accountId,
      action: "clear",
      before: { band: active.band, reason: active.reason },
      after: { cleared: true },
    });
  });
}
