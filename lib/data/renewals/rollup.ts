import "server-only";
import { cache } from "react";
import { atRiskSql, renewalWindowSql } from "../platform/rules.sql";
import { prismaSql, sqlText } from "../platform/sql";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Band, RenewalForecast, Segment } from "@/lib/generated/prisma/enums";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { FORECAST_WEIGHTS, UNFORECAST_WEIGHT, type RenewalForecastKind } from "@/lib/domain/renewals";
import { quarterOf } from "@/lib/domain/renewal-forecast";
import { DUE_WINDOWS, medianOfCounts, type OpenRenewalGroup } from "@/lib/domain/renewal-rollup";
import type { RenewalWindow } from "@/lib/domain/windows";

// The renewal pages' aggregates without aggregating the book on each view (issue 16).
//
// The daily job groups the open renewals, the signature times and the ARR ledger by the pipeline's
// filters (AE, CSM, segment, band) into "RenewalRollup", for today and tomorrow (so the page finds
// its day after midnight before the job has run). Every write that changes a fact — a forecast
// edit, an outcome, a rescore that moves a band, an owner change — appends the old facts with sign
// −1 and the new ones with +1 to "RenewalRollupChange", by database triggers in the same
// transaction (migration 20261201190000), so no write path can forget it. A page reads the day's
// groups plus the changes, grouped by the same SQL: exact and live, a few hundred rows whatever
// the size of the book. The next build folds the changes in and empties the log, in one snapshot.
//
// The same grouping also runs straight over the tables (`live`) for scopes the rollup doesn't
// group by (a lifecycle stage), so there is one definition of each figure.
//
// The active accounts themselves (count and ARR by AE, CSM, segment and band) are grouped the same
// way (kind "accounts", changes of kind "account"), for the scorecard's and the portfolio's totals,
// the books by CSM and the triage page's band chips.

/** The pipeline's "later" stops here; the groups cover renewals up to this many days out. */
export const LATER_HORIZON_DAYS = 180;

/** Where the groups come from: the rollup plus the changes since, or the tables themselves. */
export type GroupSource = "rollup" | "live";

const WEIGHT = (forecast: Prisma.Sql) =>
  Prisma.sql`(CASE ${forecast} ${Prisma.raw(
    Object.entries(FORECAST_WEIGHTS)
      .map(([k, w]) => `WHEN '${k}' THEN ${Number(w)}`)
      .join(" "),
  )} ELSE ${Prisma.raw(String(Number(UNFORECAST_WEIGHT)))} END)`;

const DIMS = Prisma.sql`f."aeId", f."csmId", f.segment, f."healthBand"`;

// ---------------------------------------------------------------------------------------------
// Facts: one row per renewal or movement (sign +1), or per change (sign ±1). `scope` is SQL over
// the alias a: an "Account" row, or a change row, which carries the same four columns.

function openFacts(source: "tables" | "changes", scope: Prisma.Sql, day: IsoDate): Prisma.Sql {
  const until = Prisma.sql`${day}::date + ${LATER_HORIZON_DAYS}::int`;
  return source === "tables"
    ? Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", r.forecast, r."renewalDate", round(r.arr * 100)::bigint AS cents, 1 AS sign
  FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
  WHERE r.status = 'open' AND a.status = 'active' AND r."renewalDate" <= ${until} AND ${scope}`
    : Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", a.forecast, a."renewalDate", a.cents, a.sign::int AS sign
  FROM "RenewalRollupChange" a
  WHERE a.kind = 'renewal' AND a.status = 'open' AND a."accountStatus" = 'active' AND a."renewalDate" <= ${until} AND ${scope}`;
}

function signedFacts(source: "tables" | "changes", scope: Prisma.Sql, day: IsoDate): Prisma.Sql {
  const year = Prisma.sql`BETWEEN ${day}::date - 365 AND ${day}::date`;
  return source === "tables"
    ? Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", greatest(0, r."signedAt" - r."processStartedAt") AS days, 1 AS sign
  FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
  WHERE r.status = 'closed' AND r."processStartedAt" IS NOT NULL AND r."signedAt" ${year} AND ${scope}`
    : Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", greatest(0, a."signedAt" - a."processStartedAt") AS days, a.sign::int AS sign
  FROM "RenewalRollupChange" a
  WHERE a.kind = 'renewal' AND a.status = 'closed' AND a."processStartedAt" IS NOT NULL AND a."signedAt" ${year} AND ${scope}`;
}

function movementFacts(source: "tables" | "changes", scope: Prisma.Sql, day: IsoDate): Prisma.Sql {
  return source === "tables"
    ? Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", m.type::text AS type, m.date, round(m.amount * 100)::bigint AS cents, 1 AS sign
  FROM "ArrMovement" m JOIN "Account" a ON a.id = m."accountId"
  WHERE m.date <= ${day}::date AND ${scope}`
    : Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", a."movementType"::text AS type, a."movementDate" AS date, a.cents, a.sign::int AS sign
  FROM "RenewalRollupChange" a
  WHERE a.kind = 'movement' AND a."movementDate" <= ${day}::date AND ${scope}`;
}

function accountFacts(source: "tables" | "changes", scope: Prisma.Sql): Prisma.Sql {
  return source === "tables"
    ? Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", round(a.arr * 100)::bigint AS cents, 1 AS sign
  FROM "Account" a WHERE a.status = 'active' AND ${scope}`
    : Prisma.sql`SELECT a."aeId", a."csmId", a.segment, a."healthBand", a.cents, a.sign::int AS sign
  FROM "RenewalRollupChange" a
  WHERE a.kind = 'account' AND a."accountStatus" = 'active' AND ${scope}`;
}

// ---------------------------------------------------------------------------------------------
// Groups: the facts grouped by the filters' columns and what each page shows. One definition,
// used to build the rollup, to group the changes, and to group the tables directly.

function openGroups(facts: Prisma.Sql, day: IsoDate): Prisma.Sql {
  const window = prismaSql(renewalWindowSql(sqlText`(f."renewalDate" - d.as_of)`));
  return Prisma.sql`SELECT ${DIMS}, ${window} AS bucket, f."renewalDate" <= ${quarterOf(day).end}::date AS "inQuarter", f.forecast,
  sum(f.sign)::int AS n, sum(f.sign * f.cents)::bigint AS cents,
  sum(f.sign * round(f.cents * ${WEIGHT(Prisma.sql`f.forecast`)}))::bigint AS "expectedCents"
FROM (${facts}) f CROSS JOIN (SELECT ${day}::date AS as_of) d
GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

function signedGroups(facts: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${DIMS}, f.days, sum(f.sign)::int AS n FROM (${facts}) f GROUP BY 1, 2, 3, 4, 5`;
}

function ledgerGroups(facts: Prisma.Sql, day: IsoDate): Prisma.Sql {
  const start = Prisma.sql`${quarterOf(day).start}::date`;
  return Prisma.sql`SELECT ${DIMS},
  coalesce(sum(f.sign * f.cents) FILTER (WHERE f.date < ${start}), 0)::bigint AS cents,
  coalesce(-sum(f.sign * f.cents) FILTER (WHERE f.date >= ${start} AND f.type IN ('churn', 'contraction')), 0)::bigint AS "lostCents"
FROM (${facts}) f GROUP BY 1, 2, 3, 4`;
}

function accountGroups(facts: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${DIMS}, sum(f.sign)::int AS n, sum(f.sign * f.cents)::bigint AS cents FROM (${facts}) f GROUP BY 1, 2, 3, 4`;
}

/** The stored groups of a kind for a day plus the changes' groups, or the tables' groups. */
function groupsOf(
  source: GroupSource,
  kind: "open" | "signed" | "ledger" | "accounts",
  columns: Prisma.Sql,
  group: (facts: Prisma.Sql) => Prisma.Sql,
  facts: (source: "tables" | "changes") => Prisma.Sql,
  scope: Prisma.Sql,
  day: IsoDate,
): Prisma.Sql {
  if (source === "live") return group(facts("tables"));
  return Prisma.sql`SELECT ${columns} FROM "RenewalRollup" a WHERE a."asOf" = ${day}::date AND a.kind = ${kind} AND ${scope}
UNION ALL SELECT ${columns} FROM (${group(facts("changes"))}) a`;
}

const openGroupsOf = (source: GroupSource, columns: Prisma.Sql, scope: Prisma.Sql, day: IsoDate) =>
  groupsOf(
    source,
    "open",
    columns,
    (f) => openGroups(f, day),
    (s) => openFacts(s, scope, day),
    scope,
    day,
  );

// ---------------------------------------------------------------------------------------------
// Reading

interface OpenRow {
  bucket: RenewalWindow;
  inQuarter: boolean;
  forecast: RenewalForecast | null;
  atRisk: boolean;
  count: number;
  cents: number;
  expected: number;
}

/** The open renewals of the book `scope` selects, grouped by window, forecast and risk. */
export async function getOpenRenewalGroups(
  source: GroupSource,
  scope: Prisma.Sql,
  day: IsoDate,
): Promise<OpenRenewalGroup[]> {
  const columns = Prisma.sql`a.bucket, a."inQuarter", a.forecast, a."healthBand", a.n, a.cents, a."expectedCents"`;
  const groups = openGroupsOf(source, columns, scope, day);
  const risky = prismaSql(atRiskSql(sqlText`g."healthBand"`, sqlText`g.forecast`));
  const rows = await db.$queryRaw<OpenRow[]>`
SELECT g.bucket, g."inQuarter", g.forecast, ${risky} AS "atRisk",
  sum(g.n)::int AS count, sum(g.cents)::float8 AS cents, sum(g."expectedCents")::float8 AS expected
FROM (${groups}) g GROUP BY 1, 2, 3, 4 HAVING sum(g.n) <> 0`;
  return rows.map((r) => ({
    bucket: r.bucket,
    inQuarter: r.inQuarter,
    forecast: r.forecast as RenewalForecastKind | null,
    atRisk: r.atRisk,
    count: r.count,
    cents: r.cents,
    expectedCents: r.expected,
  }));
}

/** Time to signature (process start → signed) over the last year's signed renewals: median and count. */
export async function getSignatureTimes(
  source: GroupSource,
  scope: Prisma.Sql,
  day: IsoDate,
): Promise<{ medianDays: number | null; signed: number }> {
  const columns = Prisma.sql`a.days, a.n`;
  const groups = groupsOf(source, "signed", columns, signedGroups, (s) => signedFacts(s, scope, day), scope, day);
  const rows = await db.$queryRaw<{ value: number; count: number }[]>`
SELECT g.days AS value, sum(g.n)::int AS count FROM (${groups}) g GROUP BY 1 HAVING sum(g.n) > 0`;
  return { medianDays: medianOfCounts(rows), signed: rows.reduce((n, r) => n + r.count, 0) };
}

/** The quarter's ARR ledger: ARR at its start and churn and contraction since, in cents. */
export async function getQuarterLedger(
  source: GroupSource,
  scope: Prisma.Sql,
  day: IsoDate,
): Promise<{ startCents: number; lostCents: number }> {
  const columns = Prisma.sql`a.cents, a."lostCents"`;
  const groups = groupsOf(
    source,
    "ledger",
    columns,
    (f) => ledgerGroups(f, day),
    (s) => movementFacts(s, scope, day),
    scope,
    day,
  );
  const [row] = await db.$queryRaw<{ start: number; lost: number }[]>`
SELECT coalesce(sum(g.cents), 0)::float8 AS start, coalesce(sum(g."lostCents"), 0)::float8 AS lost FROM (${groups}) g`;
  return { startCents: row.start, lostCents: row.lost };
}

/** Each CSM's open renewals due within DUE_HORIZON_DAYS (the windows of DUE_WINDOWS), by CSM id. */
export async function getDueRenewalCountsByCsm(source: GroupSource, day: IsoDate): Promise<Map<number, number>> {
  const groups = openGroupsOf(source, Prisma.sql`a."csmId", a.bucket, a.n`, Prisma.sql`TRUE`, day);
  const rows = await db.$queryRaw<{ csmId: number; count: number }[]>`
SELECT g."csmId", sum(g.n)::int AS count FROM (${groups}) g
WHERE g."csmId" IS NOT NULL AND g.bucket IN (${Prisma.join([...DUE_WINDOWS])}) GROUP BY 1`;
  return new Map(rows.map((r) => [r.csmId, r.count]));
}

/** Active accounts and their ARR of one group: a CSM's, a segment's or a band's, … */
export interface AccountGroup {
  csmId: number | null;
  segment: Segment;
  healthBand: Band | null;
  count: number;
  arr: number;
}

/**
 * The active accounts of the book `scope` selects (SQL over the columns aeId, csmId, segment and
 * healthBand of the alias a), grouped by CSM, segment and band: counts and ARR without a scan of
 * the accounts.
 */
export async function getAccountGroups(source: GroupSource, scope: Prisma.Sql, day: IsoDate): Promise<AccountGroup[]> {
  const columns = Prisma.sql`a."csmId", a.segment, a."healthBand", a.n, a.cents`;
  const groups = groupsOf(source, "accounts", columns, accountGroups, (s) => accountFacts(s, scope), scope, day);
  const rows = await db.$queryRaw<(Omit<AccountGroup, "arr"> & { cents: number })[]>`
SELECT g."csmId", g.segment::text AS segment, g."healthBand"::text AS "healthBand", sum(g.n)::int AS count, sum(g.cents)::float8 AS cents
FROM (${groups}) g GROUP BY 1, 2, 3 HAVING sum(g.n) <> 0`;
  return rows.map(({ cents, ...r }) => ({ ...r, arr: cents / 100 }));
}

// ---------------------------------------------------------------------------------------------
// Building (the daily job)

/**
 * Groups today's and tomorrow's figures into the rollup and empties the change log, in one
 * snapshot (REPEATABLE READ), so a write committed meanwhile keeps its changes for the next
 * reads. Idempotent: a retry rebuilds the same rows.
 */
export async function refreshRenewalRollups(asOf: IsoDate): Promise<{ days: IsoDate[]; rows: number }> {
  const days = [asOf, addDays(asOf, 1)];
  const all = Prisma.sql`TRUE`;
  const rows = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM "RenewalRollup"`;
      let n = 0;
      for (const day of days) {
        n += await tx.$executeRaw`INSERT INTO "RenewalRollup" ("asOf", kind) VALUES (${day}::date, 'day')`;
        n +=
          await tx.$executeRaw`INSERT INTO "RenewalRollup" ("asOf", kind, "aeId", "csmId", segment, "healthBand", bucket, "inQuarter", forecast, n, cents, "expectedCents")
SELECT ${day}::date, 'open', g.* FROM (${openGroups(openFacts("tables", all, day), day)}) g`;
        n +=
          await tx.$executeRaw`INSERT INTO "RenewalRollup" ("asOf", kind, "aeId", "csmId", segment, "healthBand", days, n)
SELECT ${day}::date, 'signed', g.* FROM (${signedGroups(signedFacts("tables", all, day))}) g`;
        n +=
          await tx.$executeRaw`INSERT INTO "RenewalRollup" ("asOf", kind, "aeId", "csmId", segment, "healthBand", cents, "lostCents")
SELECT ${day}::date, 'ledger', g.* FROM (${ledgerGroups(movementFacts("tables", all, day), day)}) g`;
        n +=
          await tx.$executeRaw`INSERT INTO "RenewalRollup" ("asOf", kind, "aeId", "csmId", segment, "healthBand", n, cents)
SELECT ${day}::date, 'accounts', g.* FROM (${accountGroups(accountFacts("tables", all))}) g`;
      }
      await tx.$executeRaw`DELETE FROM "RenewalRollupChange"`;
      return n;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 300_000, maxWait: 60_000 },
  );
  return { days, rows };
}

/**
 * The source a page reads: the rollup once a day has been built for `day` (the daily job builds
 * today's and tomorrow's). On a database the job has not run on for two days, this builds it once,
 * for everyone, as the dashboards' rollups do (lib/data/dashboards/cache.ts). Checked once per page
 * render (React's cache: the scorecard's summary and team book both read the rollup); outside a
 * render every call checks.
 */
export const ensureRenewalRollup = cache(async function ensureRenewalRollup(day: IsoDate): Promise<void> {
  const built = async () =>
    (await db.$queryRaw<unknown[]>`SELECT 1 FROM "RenewalRollup" WHERE "asOf" = ${day}::date AND kind = 'day' LIMIT 1`)
      .length > 0;
  if (await built()) return;
  try {
    await refreshRenewalRollups(day);
  } catch (error) {
    // Another process built it at the same moment (a serialization failure): theirs will do.
    if (!(await built())) throw error;
  }
});
