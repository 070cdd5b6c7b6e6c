// Demo data for growth (issue 14): the product catalogue, each account's fiscal-year start, and
// whitespace cells for the healthiest accounts. The first of them reads as seed 002's example:
// product A has urgency but no impact, B has both, C has impact but no critical event.
import { addDays, type IsoDate } from "@/lib/domain/dates";

export const DEMO_PRODUCTS = [
  { key: "insights", name: "Insights Pro", listArr: 18_000 },
  { key: "automation", name: "Workflow Automation", listArr: 36_000 },
  { key: "data-sync", name: "Enterprise Data Sync", listArr: 48_000 },
  { key: "premium-support", name: "Premium Support", listArr: 12_000 },
] as const;

export interface DemoCell {
  accountId: number;
  product: (typeof DEMO_PRODUCTS)[number]["key"];
  impact: number;
  criticalEventDate: IsoDate | null;
  criticalEventReason: string | null;
  decisionNotes: string | null;
}

/** A fiscal year for each account, spread over the months (a quarter of accounts are in budget season). */
export const FISCAL_MONTH_STRIDE = 7;
export const demoFiscalYearStartMonth = (accountId: number) => ((accountId * FISCAL_MONTH_STRIDE) % 12) + 1;

const EVENTS = [
  "Budget freeze at quarter end",
  "New region goes live",
  "Contract with their largest client renews",
  "Regulatory audit",
];

/** Cells for the given accounts (healthiest first); the first is seed 002's A / B / C example. */
export function demoWhitespaceCells(accountIds: readonly number[], today: IsoDate): DemoCell[] {
  const [showcase, ...others] = accountIds;
  if (showcase === undefined) return [];
  const cells: DemoCell[] = [
    {
      accountId: showcase,
      product: "insights",
      impact: 0,
      criticalEventDate: addDays(today, 30),
      criticalEventReason: "Board review of the reporting stack",
      decisionNotes: "Champion keen, but no measurable saving yet.",
    },
    {
      accountId: showcase,
      product: "automation",
      impact: 400_000,
      criticalEventDate: addDays(today, 45),
      criticalEventReason: "SOX audit at the start of their fiscal year",
      decisionNotes: "CFO signs; Head of Ops is the champion and cares about audit findings.",
    },
    {
      accountId: showcase,
      product: "data-sync",
      impact: 600_000,
      criticalEventDate: null,
      criticalEventReason: null,
      decisionNotes: "IT director interested; no deadline driving it.",
    },
  ];
  others.forEach((accountId, i) => {
    const products = [DEMO_PRODUCTS[i % 4].key, DEMO_PRODUCTS[(i + 1) % 4].key];
    products.forEach((product, j) => {
      const hasEvent = (i + j) % 3 !== 0;
      cells.push({
        accountId,
        product,
        impact: 15_000 + ((i * 7_919 + j * 3_571) % 90_000),
        criticalEventDate: hasEvent ? addDays(today, 10 + ((i * 17 + j * 29) % 200)) : null,
        criticalEventReason: hasEvent ? EVENTS[(i + j) % EVENTS.length] : null,
        decisionNotes: null,
      });
    });
  });
  return cells;
}
