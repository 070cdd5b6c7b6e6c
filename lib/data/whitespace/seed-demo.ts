import "server-only";
import { DEMO_PRODUCTS, demoWhitespaceCells, FISCAL_MONTH_STRIDE } from "@/lib/demo/growth";
import type { IsoDate } from "@/lib/domain/dates";
import type { Tx } from "../accounts/write";
import { statement } from "../platform/sql";

/** demoFiscalYearStartMonth for every account in one statement (the bench seeds 50,000). */
const SET_FISCAL_MONTHS = statement<[]>`
  UPDATE "Account" SET "fiscalYearStartMonth" = ((id * ${FISCAL_MONTH_STRIDE}) % 12) + 1`;

/** Accounts that get whitespace cells in the demo. */
const DEMO_WHITESPACE_ACCOUNTS = 40;

/** The demo's growth data (lib/demo/growth.ts), after the accounts are scored. */
export async function seedGrowthDemo(tx: Tx, today: IsoDate): Promise<void> {
  await tx.$executeRaw(SET_FISCAL_MONTHS());
  await tx.product.createMany({
    data: DEMO_PRODUCTS.map((p) => ({ key: p.key, name: p.name, listArr: p.listArr.toFixed(2) })),
  });
  const products = new Map((await tx.product.findMany()).map((p) => [p.key, p.id]));
  const healthiest = await tx.account.findMany({
    where: { status: "active", healthScore: { not: null } },
    orderBy: [{ healthScore: "desc" }, { id: "asc" }],
    take: DEMO_WHITESPACE_ACCOUNTS,
    select: { id: true },
  });
  await tx.whitespaceCell.createMany({
    data: demoWhitespaceCells(
      healthiest.map((a) => a.id),
      today,
    ).map(({ product, impact, criticalEventDate, ...cell }) => ({
      ...cell,
      productId: products.get(product) ?? 0,
      impact: impact.toFixed(2),
      criticalEventDate: criticalEventDate && new Date(`${criticalEventDate}T00:00:00Z`),
    })),
  });
}
