import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changeSummary } from "@/lib/domain/account-plan";
import { ZAccountPlan, type TAccountPlan, type TAccountPlanInput } from "@/lib/validation/account-plan";
import { clock } from "@/lib/clock";
import { recordAudit, type AuditActor } from "../platform/audit";
import { accountNotFound, inTransaction, lockAccount, type Saved, type Tx } from "./write";

// The account plan: one living document per account, replaced whole by each save. A save that
// changes something becomes the next numbered version, naming who made it and which sections
// changed; a save of the same content changes nothing (so retries are safe).

export interface PlanAuthor {
  type: "user" | "api_key" | "system";
  name: string;
}

export interface AccountPlanView extends TAccountPlan {
  externalId: string;
  /** 0 until the plan is first saved. */
  version: number;
  updatedAt: string | null;
  updatedBy: PlanAuthor | null;
}

export interface PlanVersionView {
  version: number;
  summary: string;
  changedAt: string;
  changedBy: PlanAuthor;
}

const AUTHOR = {
  changedBy: { select: { name: true } },
  changedByApiKey: { select: { name: true } },
} as const;

type AuthoredRow = { changedBy: { name: string } | null; changedByApiKey: { name: string } | null };

function authorOf(row: AuthoredRow): PlanAuthor {
  if (row.changedBy) return { type: "user", name: row.changedBy.name };
  if (row.changedByApiKey) return { type: "api_key", name: `API key "${row.changedByApiKey.name}"` };
  return { type: "system", name: "Bowtie" };
}

/** Stored content read back through the schema (older rows gain any newer section's default). */
const contentOf = (json: Prisma.JsonValue): TAccountPlan => ZAccountPlan.parse(json);

const emptyView = (externalId: string): AccountPlanView => ({
  externalId,
  ...ZAccountPlan.parse({}),
  version: 0,
  updatedAt: null,
  updatedBy: null,
});

async function readPlan(client: Tx | typeof db, accountId: number, externalId: string): Promise<AccountPlanView> {
  const plan = await client.accountPlan.findUnique({
    where: { accountId },
    include: { versions: { orderBy: { version: "desc" }, take: 1, include: AUTHOR } },
  });
  if (!plan) return emptyView(externalId);
  const latest = plan.versions[0];
  return {
    externalId,
    ...contentOf(plan.content),
    version: plan.version,
    updatedAt: plan.updatedAt.toISOString(),
    updatedBy: latest ? authorOf(latest) : null,
  };
}

/** GET /accounts/{id}/account-plan: the current plan (version 0 and empty sections before the first save). */
export async function getAccountPlan(externalId: string): Promise<AccountPlanView> {
  const account = await db.account.findUnique({ where: { externalId }, select: { id: true } });
  if (!account) throw accountNotFound(externalId);
  return readPlan(db, account.id, externalId);
}

/** The plan's versions, newest first. */
export async function listPlanVersions(externalId: string, limit = 50): Promise<PlanVersionView[]> {
  const rows = await db.accountPlanVersion.findMany({
    where: { plan: { account: { externalId } } },
    orderBy: { version: "desc" },
    take: limit,
    include: AUTHOR,
  });
  return rows.map((r) => ({
    version: r.version,
    summary: r.summary,
    changedAt: r.changedAt.toISOString(),
    changedBy: authorOf(r),
  }));
}

/**
 * PUT /accounts/{id}/account-plan: replaces the plan. Records version n+1 (and an audit entry)
 * only when a section changed; `created` is true for the first version.
 */
export function saveAccountPlan(
  externalId: string,
  input: TAccountPlanInput,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<AccountPlanView>> {
  const content = ZAccountPlan.parse(input);
  return inTransaction(outerTx, async (tx) => {
    const account = await lockAccount(tx, externalId);
    if (!account) throw accountNotFound(externalId);
    const existing = await tx.accountPlan.findUnique({ where: { accountId: account.id } });
    const before = existing ? contentOf(existing.content) : null;
    const summary = changeSummary(before, content);
    if (summary === null) return { created: false, record: await readPlan(tx, account.id, externalId) };
    const now = clock.now();
    const json = content as unknown as Prisma.InputJsonValue;
    const version = (existing?.version ?? 0) + 1;
    const plan = existing
      ? await tx.accountPlan.update({ where: { id: existing.id }, data: { content: json, version, updatedAt: now } })
      : await tx.accountPlan.create({ data: { accountId: account.id, content: json, version, updatedAt: now } });
    await tx.accountPlanVersion.create({
      data: {
        planId: plan.id,
        version,
        content: json,
        summary,
        changedAt: now,
        changedById: "userId" in actor ? actor.userId : null,
        changedByApiKeyId: "apiKeyId" in actor ? actor.apiKeyId : null,
      },
    });
    await recordAudit(tx, actor, {
      entity: "account_plan",
      entityId: String(plan.id),
      accountId: account.id,
      action: existing ? "update" : "create",
      before: existing ? { version: existing.version } : null,
      after: { version, summary },
    });
    return { created: !existing, record: await readPlan(tx, account.id, externalId) };
  });
}

/** The plan page: the account's name and ownership, its plan and version history; null when unknown. */
export async function getAccountPlanPage(externalId: string) {
  const account = await db.account.findUnique({
    where: { externalId },
    select: { id: true, externalId: true, name: true, csmId: true, aeId: true },
  });
  if (!account) return null;
  const [plan, versions] = await Promise.all([readPlan(db, account.id, externalId), listPlanVersions(externalId)]);
  return { account, plan, versions };
}
