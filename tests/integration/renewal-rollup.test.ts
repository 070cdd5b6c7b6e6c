// The renewal pages read their aggregates from the daily rollup plus the changes logged since
// (lib/data/renewals/rollup.ts). Whatever happens after the build — a forecast edit, an outcome,
// a churn, a band moved by a rescore, a new owner — the rollup's figures must equal a direct
// computation over the tables, for every filter the pages offer, to the cent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pinClock } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Band, RenewalForecast, Segment } from "@/lib/generated/prisma/enums";
import {
  getAccountGroups,
  getDueRenewalCountsByCsm,
  getOpenRenewalGroups,
  getQuarterLedger,
  getSignatureTimes,
  refreshRenewalRollups,
} from "@/lib/data/renewals/rollup";
import { getRenewalFigures } from "@/lib/data/renewals/figures";
import { pipelineScopeSql } from "@/lib/data/renewals/pipeline";
import { updateRenewal } from "@/lib/data/renewals/commercial";
import { recordRenewalOutcome } from "@/lib/data/renewals/outcomes";
import { atRiskSql } from "@/lib/data/platform/rules.sql";
import { prismaSql, sqlText } from "@/lib/data/platform/sql";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { DUE_HORIZON_DAYS } from "@/lib/domain/renewals";
import type { TPipelineQuery } from "@/lib/validation/renewals";
import type { CurrentUser } from "@/lib/auth/session";
import { createTestUser } from "@/tests/factories/api";

const today = "2026-05-20";
const date = (offset: number) => new Date(`${addDays(today, offset)}T00:00:00Z`);
let manager: CurrentUser;
const owners = { ae: [] as number[], csm: [] as number[] };
let queries: TPipelineQuery[] = [];

const BANDS: (Band | null)[] = ["red", "yellow", "green", "purple", null];
const SEGMENTS: Segment[] = ["smb", "mid_market", "enterprise"];
const FORECASTS: (RenewalForecast | null)[] = [null, "commit", "likely", "at_risk", "lost"];
const OFFSETS = [-40, -1, 0, 1, 30, 31, 44, 60, 61, 90, 91, 130, 180, 181, 400];

/** "ARR due in 90 days", "at risk" and overdue straight from the tables, as the pages computed them before the rollup. */
async function directFigures(scope: Prisma.Sql, asOf: IsoDate) {
  const risky = prismaSql(atRiskSql(sqlText`a."healthBand"`, sqlText`r.forecast`));
  const [row] = await db.$queryRaw<
    { due_n: number; due_c: number; risk_n: number; risk_c: number; over_n: number; over_c: number }[]
  >`
SELECT
  count(*) FILTER (WHERE r."renewalDate" >= ${asOf}::date)::int AS due_n,
  coalesce(sum(round(r.arr * 100)) FILTER (WHERE r."renewalDate" >= ${asOf}::date), 0)::float8 AS due_c,
  count(*) FILTER (WHERE r."renewalDate" >= ${asOf}::date AND ${risky})::int AS risk_n,
  coalesce(sum(round(r.arr * 100)) FILTER (WHERE r."renewalDate" >= ${asOf}::date AND ${risky}), 0)::float8 AS risk_c,
  count(*) FILTER (WHERE r."renewalDate" < ${asOf}::date)::int AS over_n,
  coalesce(sum(round(r.arr * 100)) FILTER (WHERE r."renewalDate" < ${asOf}::date), 0)::float8 AS over_c
FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
WHERE r.status = 'open' AND a.status = 'active' AND r."renewalDate" <= ${asOf}::date + ${DUE_HORIZON_DAYS}::int AND ${scope}`;
  const figure = (count: number, cents: number) => ({ count, arr: cents / 100 });
  return {
    due: figure(row.due_n, row.due_c),
    atRisk: figure(row.risk_n, row.risk_c),
    overdue: figure(row.over_n, row.over_c),
  };
}

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

async function expectRollupToMatchTables(day: IsoDate = today) {
  for (const query of queries) {
    const scope = pipelineScopeSql(manager, query);
    expect(sorted(await getOpenRenewalGroups("rollup", scope, day)), JSON.stringify(query)).toEqual(
      sorted(await getOpenRenewalGroups("live", scope, day)),
    );
    expect(await getRenewalFigures(scope, day)).toEqual(await directFigures(scope, day));
    expect(await getSignatureTimes("rollup", scope, day)).toEqual(await getSignatureTimes("live", scope, day));
    expect(await getQuarterLedger("rollup", scope, day)).toEqual(await getQuarterLedger("live", scope, day));
    expect(sorted(await getAccountGroups("rollup", scope, day))).toEqual(
      sorted(await getAccountGroups("live", scope, day)),
    );
  }
  expect([...(await getDueRenewalCountsByCsm("rollup", day))].sort()).toEqual(
    [...(await getDueRenewalCountsByCsm("live", day))].sort(),
  );
  // The account groups against a plain count of the active accounts and their ARR.
  const groups = await getAccountGroups("rollup", Prisma.sql`TRUE`, day);
  const [plain] = await db.$queryRaw<{ n: number; arr: number }[]>`
SELECT count(*)::int AS n, coalesce(sum(arr), 0)::float8 AS arr FROM "Account" WHERE status = 'active'`;
  expect(groups.reduce((n, g) => n + g.count, 0)).toBe(plain.n);
  expect(groups.reduce((c, g) => c + g.arr, 0)).toBeCloseTo(plain.arr, 2);
}

const changeCount = () => db.renewalRollupChange.count();
const externalIdOf = (i: number) => `rollup-${i}`;

beforeAll(async () => {
  pinClock(`${today}T12:00:00Z`);
  const user = await createTestUser("manager");
  manager = { id: user.id, name: user.name, email: user.email, role: "manager", active: true };
  for (let i = 0; i < 2; i++) owners.ae.push((await createTestUser("ae")).id);
  for (let i = 0; i < 2; i++) owners.csm.push((await createTestUser("csm")).id);
  queries = [
    {},
    { ae: owners.ae[0] },
    { csm: owners.csm[1] },
    { segment: "enterprise" },
    { band: "red" },
    { ae: owners.ae[1], segment: "smb", band: "yellow" },
  ];
  // 75 accounts over every window edge, band, segment, forecast and owner; some with a signed
  // renewal of the last year and ARR movements before and inside the quarter.
  for (let i = 0; i < 75; i++) {
    const offset = OFFSETS[i % OFFSETS.length];
    const arr = 1000 + i * 137.35;
    const account = await db.account.create({
      data: {
        externalId: externalIdOf(i),
        name: `Rollup ${i}`,
        segment: SEGMENTS[i % 3],
        seats: 10,
        arr,
        contractStart: date(-700),
        renewalDate: date(offset),
        status: i % 23 === 22 ? "churned" : "active",
        healthBand: BANDS[i % 5],
        healthScore: BANDS[i % 5] ? 50 : null,
        aeId: i % 7 === 6 ? null : owners.ae[i % 2],
        csmId: owners.csm[Math.floor(i / 2) % 2],
      },
    });
    await db.renewal.create({
      data: {
        accountId: account.id,
        renewalDate: date(offset),
        arr,
        forecast: FORECASTS[Math.floor(i / 5) % 5],
        processStartedAt: offset <= 90 ? date(Math.min(offset, 0) - 10) : null,
      },
    });
    if (i % 3 === 0)
      await db.renewal.create({
        data: {
          accountId: account.id,
          status: "closed",
          outcome: "renewed",
          renewalDate: date(-200 - i),
          arr,
          processStartedAt: date(-260 - i),
          signedAt: date(-220 - i * 3),
        },
      });
    await db.arrMovement.createMany({
      data: [
        { accountId: account.id, type: "new", amount: arr, date: date(-700) },
        ...(i % 4 === 0
          ? [{ accountId: account.id, type: "contraction" as const, amount: -125.5, date: date(-10) }]
          : []),
      ],
    });
  }
});

afterAll(() => pinClock(null));

describe("the renewal rollup", () => {
  it("equals the tables once built, and the build empties the change log", async () => {
    expect(await changeCount()).toBeGreaterThan(0);
    await refreshRenewalRollups(today);
    expect(await changeCount()).toBe(0);
    await expectRollupToMatchTables();
  });

  it("stays exact after a forecast edit, and the figures move at once", async () => {
    const scope = pipelineScopeSql(manager, {});
    const before = await getRenewalFigures(scope, today);
    // rollup-7: due in 60 days, green, committed: "lost" puts its ARR at risk.
    await updateRenewal(externalIdOf(7), { forecast: "lost" }, { system: "test" });
    // Logged in the edit's transaction (the edit also rescores the account, which may move its band).
    expect(await changeCount()).toBeGreaterThanOrEqual(2);
    const after = await getRenewalFigures(scope, today);
    expect(after.atRisk.count).toBe(before.atRisk.count + 1);
    expect(after.atRisk.arr).toBeCloseTo(before.atRisk.arr + (1000 + 7 * 137.35), 2);
    await expectRollupToMatchTables();
  });

  it("stays exact after an outcome closes a renewal (signature, next renewal) and after a churn (ledger)", async () => {
    await recordRenewalOutcome(
      externalIdOf(4),
      { outcome: "expanded", newArr: 9999.99, signedAt: today },
      { system: "test" },
    );
    await recordRenewalOutcome(
      externalIdOf(16),
      { outcome: "churned", newArr: null, signedAt: today, churnReason: "budget" },
      { system: "test" },
    );
    await expectRollupToMatchTables();
  });

  it("stays exact when a rescore moves a band and an account changes hands", async () => {
    await db.account.update({ where: { externalId: externalIdOf(9) }, data: { healthBand: "red" } });
    await db.account.update({
      where: { externalId: externalIdOf(10) },
      data: { aeId: owners.ae[1], csmId: owners.csm[0], segment: "enterprise" },
    });
    await expectRollupToMatchTables();
  });

  it("keeps the account totals exact after a new account, an ARR change and a churned account", async () => {
    await db.account.create({
      data: {
        externalId: "rollup-new",
        name: "Rollup new",
        segment: "smb",
        seats: 5,
        arr: 4321.09,
        contractStart: date(-10),
        renewalDate: date(355),
        healthBand: "green",
        csmId: owners.csm[0],
        aeId: owners.ae[0],
      },
    });
    await db.account.update({ where: { externalId: externalIdOf(11) }, data: { arr: 77777.77 } });
    await db.account.update({ where: { externalId: externalIdOf(12) }, data: { status: "churned" } });
    await expectRollupToMatchTables();
  });

  it("holds tomorrow's figures before tomorrow's build, and a rebuild changes nothing", async () => {
    await expectRollupToMatchTables(addDays(today, 1));
    await refreshRenewalRollups(today);
    expect(await changeCount()).toBe(0);
    await expectRollupToMatchTables();
  });
});
