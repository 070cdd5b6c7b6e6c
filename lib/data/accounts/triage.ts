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
  /** Points the score moved over the last 30 days (the header's trend). */
  healthTrend: number | null;
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

type AccountRow = Omit<
  AccountDetail,
  "daysToRenewal" | "stage" | "stageIsManual" | "derivedStage" | "contractStart" | "renewalDate"
> & {
  contractStart: string;
  renewalDate: string;
  lifecycleStage: LifecycleStage;
  stageOverride: LifecycleStage | null;
};

/**
 * The account page's account, its contacts, contract lines, latest touchpoints, tickets and
 * surveys, and open tasks, in one statement (the page's largest read: one round trip, not eleven).
 */
export async function getAccount(externalId: string): Promise<AccountDetail | null> {
  const [a] = await db.$queryRaw<AccountRow[]>`
SELECT a.id, a."externalId", a.name, a.domain, a.industry, a.segment::text AS segment, a.plan, a.seats,
  a.arr::float8 AS arr, to_char(a."contractStart", 'YYYY-MM-DD') AS "contractStart",
  to_char(a."renewalDate", 'YYYY-MM-DD') AS "renewalDate", a."lifecycleStage"::text AS "lifecycleStage",
  a."stageOverride"::text AS "stageOverride", a."stageOverrideReason", a.status::text AS status,
  a."purchasedFeatures", a."healthScore", a."healthBand"::text AS "healthBand", a."healthTrend",
  (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."csmId") AS csm,
  (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."aeId") AS ae,
  COALESCE((
    SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'email', c.email, 'title', c.title,
        'execSponsor', c."execSponsor", 'champion', c.champion, 'decisionMaker', c."decisionMaker",
        'referenceWilling', c."referenceWilling", 'lastTouchAt', to_char(c."lastTouchAt", 'YYYY-MM-DD'))
      ORDER BY c."execSponsor" DESC, c.champion DESC, c.name, c.id)
    FROM "Contact" c WHERE c."accountId" = a.id), '[]') AS contacts,
  COALESCE((
    SELECT json_agg(json_build_object('id', l.id, 'product', l.product, 'seats', l.seats, 'price', l.price::float8,
        'startDate', to_char(l."startDate", 'YYYY-MM-DD'), 'endDate', to_char(l."endDate", 'YYYY-MM-DD'))
      ORDER BY l."startDate" DESC, l.id DESC)
    FROM "ContractLine" l WHERE l."accountId" = a.id), '[]') AS "contractLines",
  COALESCE((
    SELECT json_agg(json_build_object('id', t.id, 'type', t.type, 'occurredAt', to_char(t."occurredAt", 'YYYY-MM-DD'),
        'notes', t.notes, 'attended', t.attended) ORDER BY t."occurredAt" DESC, t.id DESC)
    FROM (SELECT * FROM "Touchpoint" WHERE "accountId" = a.id ORDER BY "occurredAt" DESC, id DESC LIMIT 10) t), '[]')
    AS touchpoints,
  COALESCE((
    SELECT json_agg(json_build_object('id', t.id, 'externalId', t."externalId", 'subject', t.subject,
        'openedAt', to_char(t."openedAt", 'YYYY-MM-DD'), 'closedAt', to_char(t."closedAt", 'YYYY-MM-DD'),
        'priority', t.priority, 'sentiment', t.sentiment) ORDER BY t."openedAt" DESC, t.id DESC)
    FROM (SELECT * FROM "SupportTicket" WHERE "accountId" = a.id ORDER BY "openedAt" DESC, id DESC LIMIT 8) t), '[]')
    AS tickets,
  COALESCE((
    SELECT json_agg(json_build_object('id', v.id, 'type', v.type, 'score', v.score,
        'respondedAt', to_char(v."respondedAt", 'YYYY-MM-DD'), 'comment', v.comment, 'contactName', c.name)
      ORDER BY v."respondedAt" DESC, v.id DESC)
    FROM (SELECT * FROM "SurveyResponse" WHERE "accountId" = a.id ORDER BY "respondedAt" DESC, id DESC LIMIT 8) v
    LEFT JOIN "Contact" c ON c.id = v."contactId"), '[]') AS surveys,
  COALESCE((
    SELECT json_agg(json_build_object('id', t.id, 'title', t.title, 'dueDate', to_char(t."dueDate", 'YYYY-MM-DD'),
        'priority', t.priority, 'ownerName', u.name, 'reason', t.reason,
        'snoozedUntil', to_char(t."snoozedUntil", 'YYYY-MM-DD')) ORDER BY t."dueDate", t.id)
    FROM "Task" t JOIN "User" u ON u.id = t."ownerId"
    WHERE t."accountId" = a.id AND t.status = 'open'), '[]') AS "openTasks"
FROM "Account" a WHERE a."externalId" = ${externalId}`;
  if (!a) return null;
  const { lifecycleStage, stageOverride, ...rest } = a;
  return {
    ...rest,
    daysToRenewal: daysBetween(clock.today(), a.renewalDate),
    stage: effectiveStage(lifecycleStage, stageOverride),
    stageIsManual: stageOverride != null,
    derivedStage: lifecycleStage,
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
  const rows = await db.$queryRaw<
    {
      at: string;
      entity: string;
      action: string;
      before: Prisma.JsonValue;
      after: Prisma.JsonValue;
      actor: string | null;
      apiKey: string | null;
    }[]
  >`
SELECT to_char(l.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, l.entity, l.action, l.before, l.after, u.name AS actor, k.name AS "apiKey"
FROM (SELECT * FROM "AuditLog" WHERE "accountId" = ${accountId} ORDER BY at DESC, id DESC LIMIT ${take}) l
LEFT JOIN "User" u ON u.id = l."actorId"
LEFT JOIN "ApiKey" k ON k.id = l."apiKeyId"
ORDER BY l.at DESC, l.id DESC`;
  return rows.map((r) => ({
    at: r.at,
    kind: "change",
    title: changeTitle(r.entity, r.action),
    detail: describeChange(r.before, r.after),
    by: r.actor ?? (r.apiKey !== null ? `API key “${r.apiKey}”` : "Bowtie"),
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

/** The score explained, its 6-month history and weekly usage, for the account page (one statement). */
export async function getAccountHealthView(accountId: number): Promise<AccountHealthView> {
  const since = addDays(clock.today(), -182);
  const [row] = await db.$queryRaw<
    {
      latest: { asOf: string; components: Prisma.JsonValue } | null;
      trend: number | null;
      history: { asOf: string; score: number | null }[];
      usage: { weekStart: string; activeUsers: number; logins: number; sessions: number }[];
    }[]
  >`
SELECT
  (SELECT json_build_object('asOf', to_char(s."asOf", 'YYYY-MM-DD'), 'components', s.components)
    FROM "HealthSnapshot" s WHERE s."accountId" = ${accountId} ORDER BY s."asOf" DESC LIMIT 1) AS latest,
  (SELECT "healthTrend" FROM "Account" WHERE id = ${accountId}) AS trend,
  COALESCE((
    SELECT json_agg(json_build_object('asOf', to_char(s."asOf", 'YYYY-MM-DD'), 'score', s.score) ORDER BY s."asOf")
    FROM "HealthSnapshot" s WHERE s."accountId" = ${accountId} AND s."asOf" >= ${since}::date), '[]') AS history,
  COALESCE((
    SELECT json_agg(json_build_object('weekStart', w.week, 'activeUsers', w.active_users, 'logins', w.logins,
        'sessions', w.sessions) ORDER BY w.week)
    FROM (
      SELECT to_char(date_trunc('week', date), 'YYYY-MM-DD') AS week,
        round(avg("activeUsers"))::int AS active_users, sum(logins)::int AS logins, sum(sessions)::int AS sessions
      FROM "UsageDay" WHERE "accountId" = ${accountId} AND date >= ${since}::date
      GROUP BY 1) w), '[]') AS usage`;
  return {
    health: row.latest ? restoreHealthResult(row.latest.components) : null,
    asOf: row.latest?.asOf ?? null,
    trend: row.trend,
    history: row.history,
    usage: row.usage,
  };
}
