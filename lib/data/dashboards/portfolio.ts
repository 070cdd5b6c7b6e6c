import "server-only";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/dates";
import { clock } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRenewalFigures, type RenewalFigures } from "../renewals/figures";
import { ensureRenewalRollup, getAccountGroups, getDueRenewalCountsByCsm, type AccountGroup } from "../renewals/rollup";

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

/**
 * Portfolio-wide figures: the active accounts' counts and ARR from the daily rollup plus the
 * changes since (lib/data/renewals/rollup.ts), never a scan of every account on a page view.
 */
export async function getPortfolioSummary(): Promise<PortfolioSummary> {
  const today = clock.today();
  const yearAgo = addDays(today, -365);
  await ensureRenewalRollup(today);
  const [groups, renewing, churned] = await Promise.all([
    getAccountGroups("rollup", Prisma.sql`TRUE`, today),
    getRenewalFigures(Prisma.sql`TRUE`, today),
    db.$queryRaw<
      Totals[]
    >`SELECT count(DISTINCT "accountId")::int AS accounts, (-sum(amount))::text AS arr FROM "ArrMovement"
      WHERE type = 'churn' AND date > ${yearAgo}::date AND date <= ${today}::date`,
  ]);
  return {
    activeAccounts: sumCount(groups),
    totalArr: sumArr(groups),
    renewals: renewing,
    churnedLast12Count: churned[0]?.accounts ?? 0,
    churnedLast12Arr: Number(churned[0]?.arr ?? 0),
    bySegment: totalsBy(groups, (g) => g.segment)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map(({ key, accounts, arr }) => ({ segment: key, accounts, arr })),
    byBand: totalsBy(groups, (g) => g.healthBand).map(({ key, accounts, arr }) => ({ band: key, accounts, arr })),
  };
}

const sumCount = (groups: readonly AccountGroup[]) => groups.reduce((n, g) => n + g.count, 0);
// Sums in cents, so the total is the sum of the accounts' ARR to the cent.
const sumArr = (groups: readonly AccountGroup[]) => Math.round(groups.reduce((c, g) => c + g.arr * 100, 0)) / 100;

function totalsBy<K>(groups: readonly AccountGroup[], key: (g: AccountGroup) => K) {
  const byKey = new Map<K, AccountGroup[]>();
  for (const g of groups) {
    const list = byKey.get(key(g));
    if (list) list.push(g);
    else byKey.set(key(g), [g]);
  }
  return [...byKey].map(([k, gs]) => ({ key: k, accounts: sumCount(gs), arr: sumArr(gs) }));
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

/**
 * Each CSM's book: size, ARR, renewals due and red/yellow accounts — the manager's weekly view.
 * Books and renewals come from the rollup; open tasks are counted per CSM on their index.
 */
export async function getTeamBook(): Promise<TeamBookRow[]> {
  const today = clock.today();
  await ensureRenewalRollup(today);
  const [csms, groups, due] = await Promise.all([
    db.$queryRaw<{ csmId: number; name: string; openTasks: number; overdueTasks: number }[]>`
    SELECT u.id AS "csmId", u.name, t.open::int AS "openTasks", t.overdue::int AS "overdueTasks"
    FROM "User" u CROSS JOIN LATERAL (
      SELECT count(*) AS open, count(*) FILTER (WHERE "dueDate" < ${today}::date) AS overdue
      FROM "Task" WHERE "ownerId" = u.id AND status = 'open'
    ) t
    WHERE u.role = 'csm' AND u.active
    ORDER BY u.name`,
    getAccountGroups("rollup", Prisma.sql`a."csmId" IS NOT NULL`, today),
    getDueRenewalCountsByCsm("rollup", today),
  ]);
  return csms.map((u) => {
    const book = groups.filter((g) => g.csmId === u.csmId);
    return {
      csmId: u.csmId,
      name: u.name,
      accounts: sumCount(book),
      arr: sumArr(book),
      renewing90: due.get(u.csmId) ?? 0,
      atRisk: sumCount(book.filter((g) => g.healthBand === "red" || g.healthBand === "yellow")),
      openTasks: u.openTasks,
      overdueTasks: u.overdueTasks,
    };
  });
}
