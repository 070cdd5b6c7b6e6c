import "server-only";
import { effectiveStage } from "@/lib/domain/lifecycle";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountStatus, Band, LifecycleStage, Segment } from "@/lib/generated/prisma/enums";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  computeHealth,
  healthTrend,
  type ComponentResult,
  type HealthResult,
  type MeasureResult,
} from "@/lib/domain/health";
import { restoreHealthResult } from "@/lib/domain/health-snapshot";
import { COMPONENT_KEYS, type ComponentKey, type MeasureKey } from "@/lib/domain/health-model";
import type { TAccountListQuery } from "@/lib/validation/api";
import { getHealthModel, loadHealthFacts } from "../health/recompute";
import { isoOrNull } from "./write";
import type { Db } from "@/lib/db/types";

// Accounts and health as the REST API shows them (docs/api.md): plain JSON-safe objects with
// calendar dates as YYYY-MM-DD, money as numbers, owners by email rather than internal id.

/** A health score explained measure by measure (GET …/health, and the account's `health`). */
export interface HealthView {
  score: number | null;
  band: Band | null;
  insufficientData: boolean;
  /** Score minus the score 30 days earlier; null unless both exist. */
  trend: number | null;
  asOf: IsoDate;
  biggestDetractor: MeasureKey | null;
  components: Record<ComponentKey, ComponentResult>;
}

/** The current score without its explanation, for lists. */
export type HealthSummary = Omit<HealthView, "components" | "biggestDetractor">;

export interface AccountFields {
  externalId: string;
  name: string;
  domain: string | null;
  industry: string | null;
  /** 1–12: the month the customer's fiscal year starts (budget season is the quarter before). */
  fiscalYearStartMonth: number | null;
  segment: Segment;
  plan: string | null;
  seats: number;
  arr: number;
  contractStart: IsoDate;
  renewalDate: IsoDate;
  status: AccountStatus;
  /** The effective stage: a manual override wins over the derived one. */
  lifecycleStage: LifecycleStage;
  purchasedFeatures: string[];
  csmEmail: string | null;
  aeEmail: string | null;
  lastTouchAt: IsoDate | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountView extends AccountFields {
  /** From the latest stored snapshot; null before the first score. */
  health: HealthView | null;
}

export interface AccountSummary extends AccountFields {
  health: HealthSummary | null;
}

export interface AccountPage {
  data: AccountSummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export function toHealthView(result: HealthResult, asOf: IsoDate, trend: number | null): HealthView {
  return {
    score: result.score,
    band: result.band,
    insufficientData: result.insufficientData,
    trend,
    asOf,
    biggestDetractor: result.biggestDetractor,
    components: Object.fromEntries(
      COMPONENT_KEYS.map((key) => [key, componentView(result.components[key])]),
    ) as HealthView["components"],
  };
}

// Rebuild each object in the documented order so every endpoint prints a score the same way,
// whatever order a snapshot's keys were stored in (documents stored as jsonb before migration
// 20261202120000 come back with their keys reordered).

function componentView(c: ComponentResult): ComponentResult {
  return {
    weight: c.weight,
    effectiveWeight: c.effectiveWeight,
    score: c.score,
    measures: c.measures.map(measureView),
  };
}

function measureView(m: MeasureResult): MeasureResult {
  const { key, label, raw, score, floor, target, weight, contribution, lost } = m;
  const parts = m.parts?.map((p) => ({
    key: p.key,
    label: p.label,
    raw: p.raw,
    score: p.score,
    floor: p.floor,
    target: p.target,
  }));
  return { key, label, raw, score, floor, target, weight, contribution, lost, ...(parts && { parts }) };
}

const owners = {
  csm: { select: { email: true } },
  ae: { select: { email: true } },
} satisfies Prisma.AccountInclude;

type AccountRecord = Prisma.AccountGetPayload<{ include: typeof owners }>;

function toAccountFields(a: AccountRecord): AccountFields {
  return {
    externalId: a.externalId,
    name: a.name,
    domain: a.domain,
    industry: a.industry,
    fiscalYearStartMonth: a.fiscalYearStartMonth,
    segment: a.segment,
    plan: a.plan,
    seats: a.seats,
    arr: Number(a.arr),
    contractStart: toIsoDate(a.contractStart),
    renewalDate: toIsoDate(a.renewalDate),
    status: a.status,
    lifecycleStage: effectiveStage(a.lifecycleStage, a.stageOverride),
    purchasedFeatures: a.purchasedFeatures,
    csmEmail: a.csm?.email ?? null,
    aeEmail: a.ae?.email ?? null,
    lastTouchAt: isoOrNull(a.lastTouchAt),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** One account with its current health; takes a client so a write can answer from its transaction. */
export async function loadAccountView(client: Db, where: Prisma.AccountWhereUniqueInput): Promise<AccountView | null> {
  const a = await client.account.findUnique({
    where,
    include: { ...owners, snapshots: { orderBy: { asOf: "desc" }, take: 1 } },
  });
  if (!a) return null;
  const latest = a.snapshots[0];
  // The account's stored trend belongs to its latest snapshot (recomputeHealth keeps them together).
  const health = latest
    ? toHealthView(restoreHealthResult(latest.components), toIsoDate(latest.asOf), a.healthTrend)
    : null;
  return { ...toAccountFields(a), health };
}

export function getAccountView(externalId: string): Promise<AccountView | null> {
  return loadAccountView(db, { externalId });
}

/** Accounts in id order, filtered by band and segment; keyset pagination so deep pages stay fast. */
export async function listAccounts(query: TAccountListQuery): Promise<AccountPage> {
  const rows = await db.account.findMany({
    where: {
      ...(query.band && { healthBand: query.band }),
      ...(query.segment && { segment: query.segment }),
      ...(query.cursor !== undefined && { id: { gt: query.cursor } }),
    },
    orderBy: { id: "asc" },
    // One extra row tells whether another page follows.
    take: query.limit + 1,
    include: owners,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((a) => ({ ...toAccountFields(a), health: healthSummary(a) })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null,
  };
}

function healthSummary(a: AccountRecord): HealthSummary | null {
  if (!a.healthAsOf) return null;
  return {
    score: a.healthScore,
    band: a.healthBand,
    insufficientData: a.healthInsufficient,
    trend: a.healthTrend,
    asOf: toIsoDate(a.healthAsOf),
  };
}

/** Days between a score and the score its trend compares with (SPEC §3). */
const TREND_DAYS = 30;

/**
 * The score as of a date, computed from the facts known on that date with the active model, and
 * its trend computed the same way 30 days earlier. Null for an unknown account.
 */
export async function getHealthView(externalId: string, asOf: IsoDate): Promise<HealthView | null> {
  const account = await db.account.findUnique({ where: { externalId }, select: { id: true } });
  if (!account) return null;
  const [facts, model] = await Promise.all([loadHealthFacts(db, account.id), getHealthModel(db)]);
  if (!facts) return null;
  const now = computeHealth(facts, asOf, model);
  const before = computeHealth(facts, addDays(asOf, -TREND_DAYS), model);
  return toHealthView(now, asOf, healthTrend(now.score, before.score));
}
