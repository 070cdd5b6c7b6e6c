import "server-only";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/dates";
import { DUE_HORIZON_DAYS } from "@/lib/domain/renewals";
import { clock } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRenewalFigures, type RenewalFigures } from "../renewals/figures";

export interface PortfolioSummary {
  activeAccounts: number;
  totalArr: number;
  /** ARR due in 90 days and at risk, as every page counts them (lib/data/renewals/figures.ts). */
  renewals: RenewalFigures;
  churnedLast12Arr: number;
  churnedLast12Count: number;
  bySegment: { segment: string; accounts: number; arr: number }[];
  byBand: { band: string | null; accounts: number; arr: number }[];
}

interface Totals {
  accounts: number;
  arr: string | null;
}

/** Portfolio-wide figures in a handful of set-based queries (no per-account loops). */
export async function getPortfolioSummary(): Promise<PortfolioSummary> {
  const today = clock.today();
  const yearAgo = addDays(today, -365);
  const [active, renewing, churned, bySegment, byBand] = await Promise.all([
    db.$queryRaw<
      Totals[]
    >`SELECT count(*)::int AS accounts, sum(arr)::text AS arr FROM "Account" WHERE status = 'active'`,
    getRenewalFigures(Prisma.sql`TRUE`, today),
    db.$queryRaw<
      Totals[]
    >`SELECT count(DISTINCT "accountId")::int AS accounts, (-sum(amount))::text AS arr FROM "ArrMovement"
      WHERE type = 'churn' AND date > ${yearAgo}::date AND date <= ${today}::date`,
    db.$queryRaw<
      (Totals & { segment: string })[]
    >`SELECT segment::text AS segment, count(*)::int AS accounts, sum(arr)::text AS arr
      FROM "Account" WHERE status = 'active' GROUP BY segment ORDER BY segment`,
    db.$queryRaw<
      (Totals & { band: string | null })[]
    >`SELECT "healthBand"::text AS band, count(*)::int AS accounts, sum(arr)::text AS arr
      FROM "Account" WHERE status = 'active' GROUP BY "healthBand"`,
  ]);
  const num = (v: string | null | undefined) => Number(v ?? 0);
  return {
    activeAccounts: active[0]?.accounts ?? 0,
    totalArr: num(active[0]?.arr),
    renewals: renewing,
    churnedLast12Count: churned[0]?.accounts ?? 0,
    churnedLast12Arr: num(churned[0]?.arr),
    bySegment: bySegment.map((r) => ({ segment: r.segment, accounts: r.accounts, arr: num(r.arr) })),
    byBand: byBand.map((r) => ({ band: r.band, accounts: r.accounts, arr: num(r.arr) })),
  };
}

export interface TeamBookRow {
  csmId: number;
  name: string;
  accounts: number;
  arr: number;
  renewing90: number;
  atRisk: number;
  openTasks: number;
  overdueTasks: number;
}

/** Each CSM's book: size, ARR, renewals due and red/yellow accounts — the manager's weekly view. */
export async function getTeamBook(): Promise<TeamBookRow[]> {
  const today = clock.today();
  const rows = await db.$queryRaw<(Omit<TeamBookRow, "arr"> & { arr: string | null })[]>`
    SELECT u.id AS "csmId", u.name,
      count(a.id)::int AS accounts,
      coalesce(sum(a.arr), 0)::text AS arr,
      (SELECT count(*) FROM "Renewal" r JOIN "Account" ra ON ra.id = r."accountId"
        WHERE ra."csmId" = u.id AND ra.status = 'active' AND r.status = 'open'
          AND r."renewalDate" BETWEEN ${today}::date AND ${addDays(today, DUE_HORIZON_DAYS)}::date)::int AS "renewing90",
      count(a.id) FILTER (WHERE a."healthBand" IN ('red', 'yellow'))::int AS "atRisk",
      coalesce(t.open, 0)::int AS "openTasks",
      coalesce(t.overdue, 0)::int AS "overdueTasks"
    FROM "User" u
    LEFT JOIN "Account" a ON a."csmId" = u.id AND a.status = 'active'
    LEFT JOIN (
      SELECT "ownerId", count(*) AS open, count(*) FILTER (WHERE "dueDate" < ${today}::date) AS overdue
      FROM "Task" WHERE status = 'open' GROUP BY "ownerId"
    ) t ON t."ownerId" = u.id
    WHERE u.role = 'csm' AND u.active
    GROUP BY u.id, u.name, t.open, t.overdue
    ORDER BY u.name`;
  return rows.map((r) => ({ ...r, arr: Number(r.arr ?? 0) }));
}
