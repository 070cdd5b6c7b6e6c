import "server-only";
import { atRiskSql } from "../platform/rules.sql";
import { prismaSql, sqlText } from "../platform/sql";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { DUE_HORIZON_DAYS } from "@/lib/domain/renewals";
import { clock } from "@/lib/clock";

// "ARR due in 90 days" and "ARR at risk" (lib/domain/renewals.ts RENEWAL_FIGURES), computed in one
// place for every page that shows them. One aggregate query whatever the number of accounts.

export interface RenewalFigures {
  /** Open renewals due from today to DUE_HORIZON_DAYS out. */
  due: { count: number; arr: number };
  /** Of those, the ones at risk (isAtRisk). */
  atRisk: { count: number; arr: number };
  /** Open renewals whose date has passed, counted apart. */
  overdue: { count: number; arr: number };
}

/** The figures over the active accounts `scope` selects (SQL over "Account" a; default all). */
export async function getRenewalFigures(
  scope: Prisma.Sql = Prisma.sql`TRUE`,
  asOf: IsoDate = clock.today(),
): Promise<RenewalFigures> {
  const until = addDays(asOf, DUE_HORIZON_DAYS);
  const risky = prismaSql(atRiskSql(sqlText`a."healthBand"`, sqlText`r.forecast`));
  const [row] = await db.$queryRaw<
    {
      due_n: number;
      due_c: number | null;
      risk_n: number;
      risk_c: number | null;
      over_n: number;
      over_c: number | null;
    }[]
  >`
SELECT
  count(*) FILTER (WHERE r."renewalDate" >= ${asOf}::date)::int AS due_n,
  sum(round(r.arr * 100)) FILTER (WHERE r."renewalDate" >= ${asOf}::date)::float8 AS due_c,
  count(*) FILTER (WHERE r."renewalDate" >= ${asOf}::date AND ${risky})::int AS risk_n,
  sum(round(r.arr * 100)) FILTER (WHERE r."renewalDate" >= ${asOf}::date AND ${risky})::float8 AS risk_c,
  count(*) FILTER (WHERE r."renewalDate" < ${asOf}::date)::int AS over_n,
  sum(round(r.arr * 100)) FILTER (WHERE r."renewalDate" < ${asOf}::date)::float8 AS over_c
FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
WHERE r.status = 'open' AND a.status = 'active' AND r."renewalDate" <= ${until}::date AND ${scope}`;
  const figure = (n: number, cents: number | null) => ({ count: n, arr: (cents ?? 0) / 100 });
  return {
    due: figure(row.due_n, row.due_c),
    atRisk: figure(row.risk_n, row.risk_c),
    overdue: figure(row.over_n, row.over_c),
  };
}
