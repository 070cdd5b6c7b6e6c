import "server-only";
import { DEMO_PRODUCTS, demoWhitespaceCells, FISCAL_MONTH_STRIDE } from "@/lib/demo/growth";
import type { IsoDate } from "@/lib/domain/dates";
import type { Tx } from "../accounts/write";
import { statement } from "../platform/sql";
import { assignThemes } from "../feedback/themes";
import { lastQuarters } from "@/lib/domain/advocacy";
import { addDays } from "@/lib/domain/dates";

/** demoFiscalYearStartMonth for every account in one statement (the bench seeds 50,000). */
const SET_FISCAL_MONTHS = statement<[]>`
  UPDATE "Account" SET "fiscalYearStartMonth" = ((id * ${FISCAL_MONTH_STRIDE}) % 12) + 1`;

/** Accounts that get whitespace cells in the demo. */
const DEMO_WHITESPACE_ACCOUNTS = 40;

/**
 * The demo accounts' fiscal-year starts, before they are scored: budget season is an upsell
 * trigger, so the seed's playbook run must already see it (a later recompute then adds nothing).
 */
export async function seedFiscalYearStarts(tx: Tx): Promise<void> {
  await tx.$executeRaw(SET_FISCAL_MONTHS());
}

/** The demo's growth data (lib/demo/growth.ts), after the accounts are scored. */
export async function seedGrowthDemo(tx: Tx, today: IsoDate): Promise<void> {
  await assignThemes(tx);
  await seedReferrals(tx, today);
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

/** A few referrals from reference-willing contacts over the last four quarters (referrals vs churn). */
async function seedReferrals(tx: Tx, today: IsoDate): Promise<void> {
  const contacts = await tx.contact.findMany({
    where: { referenceWilling: true, account: { status: "active" } },
    orderBy: { id: "asc" },
    take: 8,
    select: { id: true, accountId: true },
  });
  const quarters = lastQuarters(today, 4);
  await tx.advocacyActivity.createMany({
    data: contacts.map((c, i) => {
      const q = quarters[i % quarters.length];
      const date = q.end < today ? addDays(q.start, 20) : addDays(today, -3) > q.start ? addDays(today, -3) : q.start;
      return {
        accountId: c.accountId,
        contactId: c.id,
        kind: "referral" as const,
        date: new Date(`${date}T00:00:00Z`),
        status: "completed" as const,
      };
    }),
  });
}
