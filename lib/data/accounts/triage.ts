import "server-only";
import { effectiveStage } from "@/lib/domain/lifecycle";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Band, LifecycleStage, Segment } from "@/lib/generated/prisma/enums";
import { addDays, daysBetween, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { ensureRenewalRollup, getAccountGroups } from "../renewals/rollup";
import { sortDirection, type TTriageQuery } from "@/lib/validation/triage";
import type { CurrentUser } from "@/lib/auth/session";
import type { HealthResult } from "@/lib/domain/health";
import { restoreHealthResult } from "@/lib/domain/health-snapshot";
import { clock } from "@/lib/clock";
import { changeTitle, describeChange } from "@/lib/domain/audit-labels";

export interface AccountListRow {
  externalId: string;
  name: string;
  domain: string | null;
  segment: Segment;
  arr: number;
  renewalDate: string;
  daysToRenewal: number;
  stage: LifecycleStage;
  stageIsManual: boolean;
  csmName: string | null;
  healthScore: number | null;
  healthBand: Band | null;
  healthTrend: number | null;
  healthInsufficient: boolean;
  biggestDetractor: string | null;
  lastTouchAt: string | null;
  openTasks: number;
}

/**
 * The accounts a viewer triages: a CSM's own book; an AE's own book unless they pick another AE
 * (or all); everyone else sees every book, or one CSM's or AE's.
 */
export function bookScope(viewer: CurrentUser, csmId?: number, ae?: number | "all"): Prisma.AccountWhereInput {
  if (viewer.role === "csm") return { csmId: viewer.id };
  const aeId = ae ?? (viewer.role === "ae" ? viewer.id : "all");
  return { ...(csmId ? { csmId } : {}), ...(aeId === "all" ? {} : { aeId }) };
}

function triageWhere(viewer: CurrentUser, query: TTriageQuery, today: string): Prisma.AccountWhereInput {
  const and: Prisma.AccountWhereInput[] = [{ status: "active" }, bookScope(viewer, query.csm, query.ae)];
  if (query.segment) and.push({ segment: query.segment });
  if (query.stage)
    and.push({ OR: [{ stageOverride: query.stage }, { stageOverride: null, lifecycleStage: query.stage }] });
  if (query.renewal !== undefined)
    and.push({ renewalDate: { gte: dateOnly(today), lte: dateOnly(addDays(today, query.renewal)) } });
  if (query.q)
    and.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { domain: { contains: query.q, mode: "insensitive" } },
      ],
    });
  return { AND: and };
}

function triageOrder(query: TTriageQuery): Prisma.AccountOrderByWithRelationInput[] {
  const dir = sortDirection(query);
  const nullsLast = (field: "healthScore" | "healthTrend") => ({ [field]: { sort: dir, nulls: "last" } });
  const primary: Prisma.AccountOrderByWithRelationInput = {
    score: nullsLast("healthScore"),
    trend: nullsLast("healthTrend"),
    arr: { arr: dir },
    renewal: { renewalDate: dir },
    name: { name: dir },
  }[query.sort];
  return [primary, { id: "asc" }];
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface TriagePage {
  rows: AccountListRow[];
  total: number;
  /** Accounts per band under the other filters (the band chips). */
  bandCounts: Record<Band, number>;
}

export async function listTriage(viewer: CurrentUser, query: TTriageQuery, pageSize: number): Promise<TriagePage> {
  const today = clock.today();
  const base = triageWhere(viewer, query, today);
  const where = query.band ? { AND: [base, { healthBand: query.band }] } : base;
  // The band chips' counts also give the total (unscored accounts are the null band), so the
  // page costs two index-friendly queries plus one for the open-task counts of its 25 rows.
  const [rows, bands] = await Promise.all([
    db.account.findMany({
      where,
      orderBy: triageOrder(query),
      skip: (query.page - 1) * pageSize,
      take: pageSize,
      select: listSelect,
    }),
    countByBand(viewer, query, base, today),
  ]);
  const bandCounts: Record<Band, number> = { red: 0, yellow: 0, green: 0, purple: 0 };
  let total = 0;
  for (const b of bands) {
    if (b.band) bandCounts[b.band] += b.count;
    if (!query.band || b.band === query.band) total += b.count;
  }
  return { total, bandCounts, rows: await withOpenTasks(rows, today) };
}

/**
 * Accounts per band under the view's filters. A book, a segment or both (every filter the
 * rollup groups by) read the daily rollup plus the changes since (lib/data/renewals/rollup.ts),
 * not the accounts; a stage, a renewal window or a search counts the matching accounts.
 */
async function countByBand(
  viewer: CurrentUser,
  query: TTriageQuery,
  base: Prisma.AccountWhereInput,
  today: IsoDate,
): Promise<{ band: Band | null; count: number }[]> {
  if (query.stage || query.renewal !== undefined || query.q) {
    const bands = await db.account.groupBy({ by: ["healthBand"], where: base, _count: { _all: true } });
    return bands.map((b) => ({ band: b.healthBand, count: b._count._all }));
  }
  const book = bookScope(viewer, query.csm, query.ae);
  const scope = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(book.csmId === undefined ? [] : [Prisma.sql`a."csmId" = ${book.csmId}`]),
      ...(book.aeId === undefined ? [] : [Prisma.sql`a."aeId" = ${book.aeId}`]),
      ...(query.segment ? [Prisma.sql`a.segment = ${query.segment}::"Segment"`] : []),
    ],
    " AND ",
  );
  await ensureRenewalRollup(today);
  return (await getAccountGroups("rollup", scope, today)).map((g) => ({ band: g.healthBand, count: g.count }));
}

/** Every row of a triage view (for CSV export), in the view's order. */
export async function listTriageAll(viewer: CurrentUser, query: TTriageQuery): Promise<AccountListRow[]> {
  const today = clock.today();
  const base = triageWhere(viewer, query, today);
  const rows = await db.account.findMany({
    where: query.band ? { AND: [base, { healthBand: query.band }] } : base,
    orderBy: triageOrder(query),
    select: listSelect,
  });
  return withOpenTasks(rows, today);
}

// Counting open tasks inside the list query (Prisma's _count) aggregates every open task before
// the page is cut; counting them for the listed ids only keeps the page query an index scan.
async function withOpenTasks(rows: ListRecord[], today: string): Promise<AccountListRow[]> {
  const counts = rows.length
    ? await db.task.groupBy({
        by: ["accountId"],
        where: { status: "open", accountId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      })
    : [];
  const open = new Map(counts.map((c) => [c.accountId, c._count._all]));
  return rows.map((a) => toListRow(a, open.get(a.id) ?? 0, today));
}

const listSelect = {
  id: true,
  externalId: true,
  name: true,
  domain: true,
  segment: true,
  arr: true,
  renewalDate: true,
  lifecycleStage: true,
  stageOverride: true,
  healthScore: true,
  healthBand: true,
  healthTrend: true,
  healthInsufficient: true,
  healthDetractor: true,
  lastTouchAt: true,
  csm: { select: { name: true } },
} satisfies Prisma.AccountSelect;

type ListRecord = Prisma.AccountGetPayload<{ select: typeof listSelect }>;

function toListRow(a: ListRecord, openTasks: number, today: string): AccountListRow {
  return {
    externalId: a.externalId,
    name: a.name,
    domain: a.domain,
    segment: a.segment,
    arr: Number(a.arr),
    renewalDate: toIsoDate(a.renewalDate),
    daysToRenewal: daysBetween(today, toIsoDate(a.renewalDate)),
    stage: effectiveStage(a.lifecycleStage, a.stageOverride),
    stageIsManual: a.stageOverride != null,
    csmName: a.csm?.name ?? null,
    healthScore: a.healthScore,
    healthBand: a.healthBand,
    healthTrend: a.healthTrend,
    healthInsufficient: a.healthInsufficient,
    biggestDetractor: a.healthDetractor,
    lastTouchAt: a.lastTouchAt ? toIsoDate(a.lastTouchAt) : null,
    openTasks,
  };
}

export interface AccountDetail {
  id: number;
  externalId: string;
  name: string;
  domain: string | null;
  industry: string | null;
  segment: Segment;
  plan: string | null;
  seats: number;
  arr: number;
  contractStart: string;
  renewalDate: string;
  daysToRenewal: number;
  stage: LifecycleStage;
  stageIsManual: boolean;
  /** The stage the dates and data give (shown when a manual stage is set) and why it was set by hand. */
  derivedStage: LifecycleStage;
  stageOverrideReason: string | null;
  status: "active" | "churned";
  csm: { id: number; name: string } | null;
  ae: { id: number; name: string } | null;
  purchasedFeatures: string[];
  healthScore: number | null;
  healthBand: Band | null;
  contacts: {
    id: number;
    name: string;
    email: string;
    title: string | null;
    execSponsor: boolean;
    champion: boolean;
    decisionMaker: boolean;
    referenceWilling: boolean;
    lastTouchAt: string | null;
  }[];
  contractLines: { id: number; product: string; seats: number; price: number; startDate: string; endDate: string }[];
  touchpoints: { id: number; type: string; occurredAt: string; notes: string | null; attended: boolean | null }[];
  tickets: {
    id: number;
    externalId: string;
    subject: string | null;
    openedAt: string;
    closedAt: string | null;
    priority: string;
    sentiment: string | null;
  }[];
  surveys: {
    id: number;
    type: "nps" | "csat";
    score: number;
    respondedAt: string;
    comment: string | null;
    contactName: string | null;
  }[];
  openTasks: {
    id: number;
    title: string;
    dueDate: string;
    priority: string;
    ownerName: string;
    /** Playbook tasks: why the rule raised it ("Health fell 18 points in 30 days."). */
    reason: string | null;
    snoozedUntil: string | null;
  }[];
}

/** Whether an account with this external id exists (the account pages' 404 check, before they stream). */
export async function accountExists(externalId: string): Promise<boolean> {
  return (await db.account.count({ where: { externalId } })) > 0;
}

export async function getAccount(externalId: string): Promise<AccountDetail | null> {
  const a = await db.account.findUnique({
    where: { externalId },
    include: {
      csm: { select: { id: true, name: true } },
      ae: { select: { id: true, name: true } },
      contacts: { orderBy: [{ execSponsor: "desc" }, { champion: "desc" }, { name: "asc" }] },
      contractLines: { orderBy: { startDate: "desc" } },
      touchpoints: { orderBy: { occurredAt: "desc" }, take: 10 },
      tickets: { orderBy: { openedAt: "desc" }, take: 8 },
      surveys: { orderBy: { respondedAt: "desc" }, take: 8, include: { contact: { select: { name: true } } } },
      tasks: { where: { status: "open" }, orderBy: { dueDate: "asc" }, include: { owner: { select: { name: true } } } },
    },
  });
  if (!a) return null;
  return {
    id: a.id,
    externalId: a.externalId,
    name: a.name,
    domain: a.domain,
    industry: a.industry,
    segment: a.segment,
    plan: a.plan,
    seats: a.seats,
    arr: Number(a.arr),
    contractStart: toIsoDate(a.contractStart),
    renewalDate: toIsoDate(a.renewalDate),
    daysToRenewal: daysBetween(clock.today(), toIsoDate(a.renewalDate)),
    stage: effectiveStage(a.lifecycleStage, a.stageOverride),
    stageIsManual: a.stageOverride != null,
    derivedStage: a.lifecycleStage,
    stageOverrideReason: a.stageOverrideReason,
    status: a.status,
    csm: a.csm,
    ae: a.ae,
    purchasedFeatures: a.purchasedFeatures,
    healthScore: a.healthScore,
    healthBand: a.healthBand,
    contacts: a.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      title: c.title,
      execSponsor: c.execSponsor,
      champion: c.champion,
      decisionMaker: c.decisionMaker,
      referenceWilling: c.referenceWilling,
      lastTouchAt: c.lastTouchAt ? toIsoDate(c.lastTouchAt) : null,
    })),
    contractLines: a.contractLines.map((l) => ({
      id: l.id,
      product: l.product,
      seats: l.seats,
      price: Number(l.price),
      startDate: toIsoDate(l.startDate),
      endDate: toIsoDate(l.endDate),
    })),
    touchpoints: a.touchpoints.map((t) => ({
      id: t.id,
      type: t.type,
      occurredAt: toIsoDate(t.occurredAt),
      notes: t.notes,
      attended: t.attended,
    })),
    tickets: a.tickets.map((t) => ({
      id: t.id,
      externalId: t.externalId,
      subject: t.subject,
      openedAt: toIsoDate(t.openedAt),
      closedAt: t.closedAt ? toIsoDate(t.closedAt) : null,
      priority: t.priority,
      sentiment: t.sentiment,
    })),
    surveys: a.surveys.map((v) => ({
      id: v.id,
      type: v.type,
      score: v.score,
      respondedAt: toIsoDate(v.respondedAt),
      comment: v.comment,
      contactName: v.contact?.name ?? null,
    })),
    openTasks: a.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      dueDate: toIsoDate(t.dueDate),
      priority: t.priority,
      ownerName: t.owner.name,
      reason: t.reason,
      snoozedUntil: t.snoozedUntil ? toIsoDate(t.snoozedUntil) : null,
    })),
  };
}

export interface TimelineEntry {
  at: string;
  kind: "change";
  title: string;
  detail: string;
  by: string;
}

/** Recent changes to the account from the audit log (who changed what, before → after). */
export async function getAccountChanges(accountId: number, take = 12): Promise<TimelineEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { accountId },
    orderBy: { at: "desc" },
    take,
    include: { actor: { select: { name: true } }, apiKey: { select: { name: true } } },
  });
  return rows.map((r) => ({
    at: r.at.toISOString(),
    kind: "change",
    title: changeTitle(r.entity, r.action),
    detail: describeChange(r.before, r.after),
    by: r.actor?.name ?? (r.apiKey ? `API key “${r.apiKey.name}”` : "Bowtie"),
  }));
}

export interface AccountHealthView {
  /** The latest snapshot's full explanation; null before the first score. */
  health: HealthResult | null;
  asOf: string | null;
  trend: number | null;
  history: { asOf: string; score: number | null }[];
  usage: { weekStart: string; activeUsers: number; logins: number; sessions: number }[];
}

/** The score explained, its 6-month history and weekly usage, for the account page. */
export async function getAccountHealthView(accountId: number): Promise<AccountHealthView> {
  const since = addDays(clock.today(), -182);
  const [latest, history, usage, account] = await Promise.all([
    db.healthSnapshot.findFirst({
      where: { accountId },
      orderBy: { asOf: "desc" },
      select: { asOf: true, components: true },
    }),
    db.healthSnapshot.findMany({
      where: { accountId, asOf: { gte: dateOnly(since) } },
      orderBy: { asOf: "asc" },
      select: { asOf: true, score: true },
    }),
    db.$queryRaw<{ week: string; active_users: number; logins: number; sessions: number }[]>`
      SELECT to_char(date_trunc('week', date), 'YYYY-MM-DD') AS week,
        round(avg("activeUsers"))::int AS active_users, sum(logins)::int AS logins, sum(sessions)::int AS sessions
      FROM "UsageDay" WHERE "accountId" = ${accountId} AND date >= ${since}::date
      GROUP BY 1 ORDER BY 1`,
    db.account.findUnique({ where: { id: accountId }, select: { healthTrend: true } }),
  ]);
  return {
    health: latest ? restoreHealthResult(latest.components) : null,
    asOf: latest ? toIsoDate(latest.asOf) : null,
    trend: account?.healthTrend ?? null,
    history: history.map((h) => ({ asOf: toIsoDate(h.asOf), score: h.score })),
    usage: usage.map((u) => ({
      weekStart: u.week,
      activeUsers: u.active_users,
      logins: u.logins,
      sessions: u.sessions,
    })),
  };
}
