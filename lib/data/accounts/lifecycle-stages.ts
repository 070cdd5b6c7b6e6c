// Lifecycle stages in the database: Account.lifecycleStage holds the derived stage (the rules of
// lib/domain/lifecycle.ts, written once more in SQL so every account moves in one statement),
// Account.stageOverride a manual one that wins, and StageChange every change of the stage the
// account shows.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { effectiveStage, timeInStage, type StageChangeFact, type TimeInStage } from "@/lib/domain/lifecycle";
import { recordAudit, type AuditActor } from "../platform/audit";
import { clock } from "@/lib/clock";
import { sqlText, statement } from "../platform/sql";
import { derivedStageSql } from "../platform/rules.sql";
import type { Db } from "@/lib/db/types";

const OPEN_EXPANSION = sqlText`EXISTS (SELECT 1 FROM "ExpansionOpportunity" e WHERE e."accountId" = a.id AND e.status = 'open')`;

// $1 as-of day, $2 account ids (null: every account that can still move), $3 when the changes happened.
// An account's first recorded change has no "from" stage: it starts its history.
const SYNC_SQL = statement`
WITH target AS (
  SELECT a.id, a."stageOverride" AS override, a."lifecycleStage" AS old_stage,
    ${derivedStageSql({
      asOf: sqlText`$1::date`,
      renewalDate: sqlText`a."renewalDate"`,
      churned: sqlText`a.status = 'churned'`,
      openExpansion: OPEN_EXPANSION,
    })} AS new_stage,
    NOT EXISTS (SELECT 1 FROM "StageChange" sc WHERE sc."accountId" = a.id) AS no_history
  FROM "Account" a
  WHERE (a.status = 'active' OR a."lifecycleStage" <> 'churned') AND ($2::int[] IS NULL OR a.id = ANY($2::int[]))
), updated AS (
  UPDATE "Account" a SET "lifecycleStage" = t.new_stage FROM target t
  WHERE a.id = t.id AND a."lifecycleStage" <> t.new_stage
  RETURNING a.id
)
INSERT INTO "StageChange" ("accountId", "fromStage", "toStage", manual, "changedAt")
SELECT t.id, CASE WHEN t.no_history THEN NULL ELSE coalesce(t.override, t.old_stage) END, coalesce(t.override, t.new_stage), false, $3
FROM target t
WHERE t.no_history OR coalesce(t.override, t.old_stage) <> coalesce(t.override, t.new_stage)`;

export interface StageSyncOptions {
  asOf: IsoDate;
  /** Only these accounts (default: every active account, and churned ones not yet marked). */
  accountIds?: number[];
  /** When the changes are recorded (default: now). */
  at?: Date;
}

/**
 * Moves every account (or the given ones) to the stage its dates and data put it in on `asOf`,
 * and records a StageChange for each account whose shown stage changed: one statement.
 * Returns how many changes were recorded.
 */
export async function syncLifecycleStages(client: Db, options: StageSyncOptions): Promise<number> {
  if (options.accountIds && options.accountIds.length === 0) return 0;
  return client.$executeRaw(SYNC_SQL(options.asOf, options.accountIds ?? null, options.at ?? clock.now()));
}

// $1 today, $2 weeks. The stage every Monday-aligned week back, from the renewal due then (the
// earliest renewal on or after that day) and the deals open then; a row wherever it changed.
const BACKFILL_SQL = statement`
WITH points AS (
  SELECT (s.d)::date AS d FROM generate_series($1::date - 7 * $2::int, $1::date, interval '7 days') AS s(d)
), staged AS (
  SELECT a.id, p.d, ${derivedStageSql({
    asOf: sqlText`p.d`,
    renewalDate: sqlText`coalesce((SELECT min(r."renewalDate") FROM "Renewal" r WHERE r."accountId" = a.id AND r."renewalDate" >= p.d), a."renewalDate")`,
    churned: sqlText`(a."churnedAt" IS NOT NULL AND a."churnedAt" <= p.d)`,
    openExpansion: sqlText`EXISTS (SELECT 1 FROM "ExpansionOpportunity" e WHERE e."accountId" = a.id AND e."createdAt"::date <= p.d
      AND (e.status = 'open' OR e."closedAt" > p.d))`,
  })} AS stage
  FROM "Account" a CROSS JOIN points p
  WHERE a."contractStart" <= p.d
), changes AS (
  SELECT id, d, stage, lag(stage) OVER (PARTITION BY id ORDER BY d) AS prev FROM staged
)
INSERT INTO "StageChange" ("accountId", "fromStage", "toStage", manual, "changedAt")
SELECT id, prev, stage, false, d::timestamp FROM changes WHERE prev IS NULL OR prev <> stage`;

const ADOPT_LATEST_SQL = statement`
UPDATE "Account" a SET "lifecycleStage" = latest."toStage"
FROM (SELECT DISTINCT ON ("accountId") "accountId", "toStage" FROM "StageChange" ORDER BY "accountId", "changedAt" DESC, id DESC) latest
WHERE latest."accountId" = a.id AND a."lifecycleStage" <> latest."toStage"`;

/** Demo seed: stage history week by week over the last `weeks` weeks, then today's stages. */
export async function backfillStageHistory(client: Db, options: { today: IsoDate; weeks: number }): Promise<number> {
  const inserted = await client.$executeRaw(BACKFILL_SQL(options.today, options.weeks));
  await client.$executeRaw(ADOPT_LATEST_SQL());
  return inserted;
}

// ---------------------------------------------------------------------------------------------
// Manual stage

/**
 * Sets (or, with `stage` null, clears) an account's manual stage, with the reason. A change of
 * the shown stage is recorded as a manual StageChange; every call that changes something is
 * audited. The caller has checked the actor may edit the account.
 */
export async function setStageOverride(
  db: PrismaClient,
  accountId: number,
  stage: LifecycleStage | null,
  reason: string,
  actor: AuditActor,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${accountId} FOR UPDATE`;
    const before = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { lifecycleStage: true, stageOverride: true, stageOverrideReason: true },
    });
    const after = { stageOverride: stage, stageOverrideReason: stage ? reason : null };
    if (before.stageOverride === after.stageOverride && before.stageOverrideReason === after.stageOverrideReason)
      return;
    await tx.account.update({ where: { id: accountId }, data: after });
    const from = effectiveStage(before.lifecycleStage, before.stageOverride);
    const to = stage ?? before.lifecycleStage;
    if (from !== to) {
      await tx.stageChange.create({
        data: { accountId, fromStage: from, toStage: to, manual: true, reason, changedAt: clock.now() },
      });
    }
    await recordAudit(tx, actor, {
      entity: "account",
      entityId: String(accountId),
      accountId,
      action: stage ? "set stage" : "clear stage",
      before: { stageOverride: before.stageOverride, stageOverrideReason: before.stageOverrideReason },
      after: stage ? after : { ...after, reason },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Time in stage

/**
 * Median and mean days accounts stay in each stage, from the stage changes recorded since
 * `since` (default: all of them). One query; the arithmetic is lib/domain/lifecycle.ts's.
 */
export async function getTimeInStage(client: Db, options: { since?: IsoDate } = {}): Promise<TimeInStage[]> {
  const rows = await client.$queryRaw<{ accountId: number; toStage: StageChangeFact["toStage"]; changedAt: Date }[]>(
    statement`SELECT "accountId", "toStage"::text AS "toStage", "changedAt" FROM "StageChange"
     WHERE $1::date IS NULL OR "changedAt" >= $1::date ORDER BY "accountId", "changedAt", id`(options.since ?? null),
  );
  return timeInStage(
    rows.map((r) => ({ accountId: r.accountId, toStage: r.toStage, changedAt: toIsoDate(r.changedAt) })),
  );
}
