import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  isExpansionReady,
  TRIGGER_HEALTH_ABOVE,
  upsellTriggers,
  type TriggerSignals,
  type UpsellTrigger,
} from "@/lib/domain/expansion";
import { NPS_PROMOTER_MIN } from "@/lib/domain/health";
import { prismaSql } from "../platform/sql";
import { reachesTarget } from "../dashboards/stages";
import { clock } from "@/lib/clock";

// Upsell triggers (SPEC §4): one set-based read of each account's signals, decided by the pure
// upsellTriggers (lib/domain/expansion.ts) so the rules live in one place.

interface SignalRow {
  id: number;
  externalId: string;
  name: string;
  arr: string;
  healthScore: number | null;
  fiscalYearStartMonth: number | null;
  adoptionAtTarget: boolean | null;
  execTouchedOn: Date | null;
  promoterOn: Date | null;
}

export interface AccountTriggers {
  id: number;
  externalId: string;
  name: string;
  arr: number;
  healthScore: number | null;
  triggers: UpsellTrigger[];
}

async function readSignals(where: Prisma.Sql, today: IsoDate): Promise<SignalRow[]> {
  return db.$queryRaw<SignalRow[]>`
    SELECT a.id, a."externalId", a.name, a.arr::text AS arr, a."healthScore", a."fiscalYearStartMonth",
      ${prismaSql(reachesTarget("feature_adoption"))} AS "adoptionAtTarget",
      (SELECT max(c."lastTouchAt") FROM "Contact" c
        WHERE c."accountId" = a.id AND c."execSponsor" AND c."lastTouchAt" <= ${today}::date) AS "execTouchedOn",
      (SELECT max(r."respondedAt") FROM "SurveyResponse" r
        WHERE r."accountId" = a.id AND r.type = 'nps' AND r.score >= ${NPS_PROMOTER_MIN}
          AND r."respondedAt" <= ${today}::date) AS "promoterOn"
    FROM "Account" a LEFT JOIN "HealthSnapshot" s ON s."accountId" = a.id AND s."asOf" = a."healthAsOf"
    WHERE a.status = 'active' AND ${where}
    ORDER BY a."healthScore" DESC NULLS LAST, a.arr DESC, a.id`;
}

function toTriggers(row: SignalRow, today: IsoDate): AccountTriggers {
  const signals: TriggerSignals = {
    healthScore: row.healthScore,
    adoptionAtTarget: row.adoptionAtTarget === true,
    execTouchedOn: row.execTouchedOn && toIsoDate(row.execTouchedOn),
    promoterOn: row.promoterOn && toIsoDate(row.promoterOn),
    fiscalYearStartMonth: row.fiscalYearStartMonth,
  };
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    arr: Number(row.arr),
    healthScore: row.healthScore,
    triggers: upsellTriggers(signals, today),
  };
}

/** The triggers one account meets today (none for a churned account). */
export async function getAccountTriggers(accountId: number, today = clock.today()): Promise<UpsellTrigger[]> {
  const [row] = await readSignals(Prisma.sql`a.id = ${accountId}`, today);
  return row ? toTriggers(row, today).triggers : [];
}

/**
 * Active accounts that are expansion ready (health above 80 and another trigger), healthiest
 * first. Only accounts above 80 can qualify, so the read starts from those (indexed on score).
 */
export async function listExpansionReady(
  today = clock.today(),
  book: { aeId?: number; csmId?: number } = {},
): Promise<AccountTriggers[]> {
  const owner =
    book.aeId !== undefined
      ? Prisma.sql`a."aeId" = ${book.aeId}`
      : book.csmId !== undefined
        ? Prisma.sql`a."csmId" = ${book.csmId}`
        : Prisma.sql`TRUE`;
  const rows = await readSignals(Prisma.sql`a."healthScore" > ${TRIGGER_HEALTH_ABOVE} AND ${owner}`, today);
  return rows.map((r) => toTriggers(r, today)).filter((a) => isExpansionReady(a.triggers));
}
