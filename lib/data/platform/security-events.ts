import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clock } from "@/lib/clock";
import type { AuditActor } from "./audit";
import { SECURITY_EVENT_LABELS, SECURITY_EVENT_TYPES, type SecurityEventType } from "@/lib/domain/security-events";

// Security events (OWASP ASVS 7.2) live in the audit log under entity "security", one action per
// event type, so they share its retention, its transactions and its admin view. entityId
// names the subject: "user:<id>", "api_key:<id>", or "email:<address>" for a sign-in attempt
// that matched no user.

export { SECURITY_EVENT_LABELS, SECURITY_EVENT_TYPES, type SecurityEventType };

export type SecuritySubject = { userId: number } | { apiKeyId: number } | { email: string };

export interface SecurityEvent {
  type: SecurityEventType;
  actor?: AuditActor | null;
  subject: SecuritySubject;
  /** Client address, reason, old and new values: never a password or a key. */
  detail?: Record<string, string | number | boolean | null>;
}

type Client = Prisma.TransactionClient | typeof db;

export function subjectId(subject: SecuritySubject): string {
  if ("userId" in subject) return `user:${subject.userId}`;
  if ("apiKeyId" in subject) return `api_key:${subject.apiKeyId}`;
  return `email:${subject.email}`;
}

/** Records one security event; pass the write's transaction so the event commits with it. */
export async function recordSecurityEvent(client: Client, event: SecurityEvent): Promise<void> {
  const actor = event.actor ?? null;
  await client.auditLog.create({
    data: {
      at: clock.now(),
      entity: "security",
      entityId: subjectId(event.subject),
      action: event.type,
      actorId: actor && "userId" in actor ? actor.userId : null,
      apiKeyId:
        actor && "apiKeyId" in actor ? actor.apiKeyId : "apiKeyId" in event.subject ? event.subject.apiKeyId : null,
      after: { ...(event.detail ?? {}), ...(actor && "system" in actor ? { by: actor.system } : {}) },
    },
  });
}

export interface SecurityEventRow {
  id: number;
  at: string;
  type: SecurityEventType;
  label: string;
  actor: string | null;
  subject: string;
  detail: Record<string, unknown>;
}

export interface SecurityEventFilter {
  type?: SecurityEventType;
  /** Events this user caused or that concern them. */
  userId?: number;
  page: number;
  pageSize: number;
}

export async function listSecurityEvents(
  filter: SecurityEventFilter,
): Promise<{ rows: SecurityEventRow[]; total: number }> {
  const where: Prisma.AuditLogWhereInput = {
    entity: "security",
    ...(filter.type ? { action: filter.type } : {}),
    ...(filter.userId ? { OR: [{ actorId: filter.userId }, { entityId: `user:${filter.userId}` }] } : {}),
  };
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      include: { actor: { select: { name: true } }, apiKey: { select: { name: true, prefix: true } } },
    }),
  ]);
  const userIds = [
    ...new Set(
      entries
        .map((e) => /^user:(\d+)$/.exec(e.entityId)?.[1])
        .filter((id): id is string => !!id)
        .map(Number),
    ),
  ];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map(
      (u) => [u.id, u],
    ),
  );
  const rows = entries.map((e) => {
    const type = e.action as SecurityEventType;
    const userMatch = /^user:(\d+)$/.exec(e.entityId);
    const user = userMatch ? users.get(Number(userMatch[1])) : undefined;
    const subject = user
      ? `${user.name} <${user.email}>`
      : e.entityId.startsWith("api_key:") && e.apiKey
        ? `API key ${e.apiKey.name} (${e.apiKey.prefix}…)`
        : e.entityId.replace(/^email:/, "");
    const detail = (e.after ?? {}) as Record<string, unknown>;
    return {
      id: e.id,
      at: e.at.toISOString(),
      type,
      label: SECURITY_EVENT_LABELS[type] ?? e.action,
      actor: e.actor?.name ?? (typeof detail.by === "string" ? detail.by : null),
      subject,
      detail,
    };
  });
  return { rows, total };
}
