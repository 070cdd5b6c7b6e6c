import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diffRecords, toAuditValue, type AuditRecord } from "@/lib/domain/audit";

/** Who made a change: a signed-in user, an API key, or the system (jobs, seeding). */
export type AuditActor = { userId: number } | { apiKeyId: number } | { system: string };

export interface AuditChange {
  entity: string;
  entityId: string;
  action: string;
  accountId?: number | null;
  before?: AuditRecord | null;
  after?: AuditRecord | null;
}

/**
 * The one way every write path records itself: call it inside the write's transaction so the
 * change and its audit entry commit together. Updates store only the fields that changed;
 * an update that changed nothing records nothing.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: AuditActor, change: AuditChange): Promise<void> {
  const isUpdate = change.before != null && change.after != null;
  const diff = isUpdate ? diffRecords(change.before ?? null, change.after ?? null) : null;
  if (isUpdate && !diff) return;
  const before = diff ? diff.before : change.before ? toAuditValue(change.before) : undefined;
  const after = diff ? diff.after : change.after ? toAuditValue(change.after) : undefined;
  await tx.auditLog.create({
    data: {
      actorId: "userId" in actor ? actor.userId : null,
      apiKeyId: "apiKeyId" in actor ? actor.apiKeyId : null,
      accountId: change.accountId ?? null,
      entity: change.entity,
      entityId: change.entityId,
      action: "system" in actor ? `${change.action} (${actor.system})` : change.action,
      before: (before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
