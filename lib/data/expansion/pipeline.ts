import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/policy";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import {
  conversionRate,
  EXPANSION_STAGES,
  stageTotals,
  type ExpansionStage,
  type StageTotal,
  type UpsellTrigger,
} from "@/lib/domain/expansion";
import { toExpansionView, type ExpansionView } from "./deals";
import { getAccountTriggers } from "./triggers";
import { listAccountActivities, getAccountAdvocacy, type ActivityView, type AdvocateView } from "../advocacy/advocacy";
import { advocacyAsksPerQuarter } from "@/lib/config";
import { listCellsOf, listProducts, type ProductView, type RankedCell } from "../whitespace/whitespace";
import { clock } from "@/lib/clock";

// The expansion pipeline board (SPEC §4): open deals by stage, deals closed in the last year,
// stage totals and the upsell conversion rate (won / closed in the last 365 days).

/** Cards shown per stage column; the totals count every deal. */
export const BOARD_CARDS_PER_STAGE = 50;
export const CLOSED_LOOKBACK_DAYS = 365;

export interface BoardDeal extends ExpansionView {
  accountExternalId: string;
  accountName: string;
  ownerName: string | null;
}

export interface ExpansionBoard {
  columns: { stage: ExpansionStage; deals: BoardDeal[] }[];
  totals: StageTotal[];
  openArr: number;
  conversion: number | null;
  won: number;
  lost: number;
}

/** AEs and CSMs see the deals on their accounts and the deals they own; the others see all. */
export function pipelineScope(user: Actor): Prisma.ExpansionOpportunityWhereInput {
  if (user.role === "ae") return { OR: [{ account: { aeId: user.id } }, { ownerId: user.id }] };
  if (user.role === "csm") return { OR: [{ account: { csmId: user.id } }, { ownerId: user.id }] };
  return {};
}

export async function getExpansionBoard(user: Actor, today: IsoDate = clock.today()): Promise<ExpansionBoard> {
  const since = new Date(`${addDays(today, -(CLOSED_LOOKBACK_DAYS - 1))}T00:00:00Z`);
  const where: Prisma.ExpansionOpportunityWhereInput = {
    AND: [pipelineScope(user), { OR: [{ status: "open" }, { closedAt: { gte: since } }] }],
  };
  const [groups, columns] = await Promise.all([
    db.expansionOpportunity.groupBy({ by: ["stage"], where, _count: { _all: true }, _sum: { arr: true } }),
    Promise.all(
      EXPANSION_STAGES.map(async (stage) => {
        const rows = await db.expansionOpportunity.findMany({
          where: { AND: [where, { stage }] },
          orderBy: [{ arr: "desc" }, { id: "asc" }],
          take: BOARD_CARDS_PER_STAGE,
          include: {
            owner: { select: { email: true, name: true } },
            account: { select: { externalId: true, name: true } },
          },
        });
        return {
          stage,
          deals: rows.map((r) => ({
            ...toExpansionView(r),
            accountExternalId: r.account.externalId,
            accountName: r.account.name,
            ownerName: r.owner?.name ?? null,
          })),
        };
      }),
    ),
  ]);
  const byStage = new Map(groups.map((g) => [g.stage, g]));
  const totals = stageTotals([]).map((t) => {
    const g = byStage.get(t.stage);
    return { stage: t.stage, deals: g?._count._all ?? 0, arr: Number(g?._sum.arr ?? 0) };
  });
  const count = (stage: ExpansionStage) => totals.find((t) => t.stage === stage)?.deals ?? 0;
  const openArr = totals
    .filter((t) => t.stage !== "won" && t.stage !== "lost")
    .reduce((sum, t) => sum + Math.round(t.arr * 100), 0);
  return {
    columns,
    totals,
    openArr: openArr / 100,
    won: count("won"),
    lost: count("lost"),
    conversion: conversionRate(count("won"), count("lost")),
  };
}

/** The account page's deals: open first, then the latest closed. */
export async function listAccountExpansions(accountId: number): Promise<AccountDeal[]> {
  const rows = await db.expansionOpportunity.findMany({
    where: { accountId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 50,
    include: { owner: { select: { email: true, name: true } } },
  });
  return rows.map((r) => ({ ...toExpansionView(r), ownerName: r.owner?.name ?? null }));
}

export type AccountDeal = ExpansionView & { ownerName: string | null };

export interface AccountGrowthData {
  triggers: UpsellTrigger[];
  deals: AccountDeal[];
  products: ProductView[];
  whitespace: RankedCell[];
  advocates: AdvocateView[];
  activities: ActivityView[];
  contacts: { email: string; name: string }[];
  askLimit: number;
}

/** What the account page's growth panel shows: triggers met today, deals, and whitespace cells. */
export async function getAccountGrowth(accountId: number, externalId: string): Promise<AccountGrowthData> {
  const [triggers, deals, products, whitespace, { advocates, contacts }, activities] = await Promise.all([
    getAccountTriggers(accountId),
    listAccountExpansions(accountId),
    listProducts(),
    listCellsOf([externalId]),
    getAccountAdvocacy(accountId),
    listAccountActivities(accountId),
  ]);
  return {
    triggers,
    deals,
    products,
    whitespace: whitespace.sort((a, b) => b.score - a.score),
    advocates,
    activities,
    contacts,
    askLimit: advocacyAsksPerQuarter(),
  };
}
