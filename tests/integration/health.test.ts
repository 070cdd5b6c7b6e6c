import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getHealthModel, loadHealthFacts, loadHealthInputs, recomputeHealth } from "@/lib/data/health/recompute";
import { seedDemoAsOf } from "@/tests/factories/demo";
import { addDays } from "@/lib/domain/dates";
import { computeHealth, healthInputsFromFacts } from "@/lib/domain/health";
import { snapshotMeasures, toStoredHealth } from "@/lib/domain/health-snapshot";

const today = "2026-11-23";

beforeAll(() => seedDemoAsOf(today));

describe("set-based health inputs", () => {
  it.each([today, addDays(today, -45), addDays(today, -200)])(
    "equal the pure engine's inputs for every account as of %s, to the last bit, read in slices of 7",
    async (asOf) => {
      const sql = await loadHealthInputs(db, asOf, null, 7);
      expect(sql.size).toBeGreaterThan(20);
      for (const [id, inputs] of sql) {
        const facts = await loadHealthFacts(db, id);
        expect(facts).not.toBeNull();
        expect(inputs, `account ${id}`).toStrictEqual(healthInputsFromFacts(facts!, asOf));
      }
    },
  );
});

describe("recomputeHealth", () => {
  it("stores the demo's scores with history: every active account scored, trends from 30+ days back", async () => {
    const accounts = await db.account.findMany({ where: { status: "active" } });
    expect(accounts.every((a) => a.healthScore !== null && a.healthBand !== null)).toBe(true);
    const snapshotDays = await db.healthSnapshot.groupBy({ by: ["asOf"] });
    expect(snapshotDays.length).toBe(27);
    const one = accounts[0];
    const before = await db.healthSnapshot.findFirst({
      where: { accountId: one.id, asOf: { lte: new Date(`${addDays(today, -30)}T00:00:00Z`) } },
      orderBy: { asOf: "desc" },
    });
    expect(one.healthTrend).toBe(one.healthScore! - before!.score!);
  });

  it("scores one account exactly as the pure engine does, and replaces that day's snapshot on recompute", async () => {
    const account = await db.account.findFirstOrThrow({ where: { status: "active" }, orderBy: { id: "asc" } });
    const facts = await loadHealthFacts(db, account.id);
    const expected = computeHealth(facts!, today);

    const results = await recomputeHealth(db, { asOf: today, accountIds: [account.id] });
    expect(results.results.get(account.id)?.score).toBe(expected.score);
    expect(
      await db.healthSnapshot.count({ where: { accountId: account.id, asOf: new Date(`${today}T00:00:00Z`) } }),
    ).toBe(1);

    const stored = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored).toMatchObject({
      healthScore: expected.score,
      healthBand: expected.band,
      healthDetractor: expected.biggestDetractor,
    });
  });

  it("does not let a backfilled past day overwrite the current score", async () => {
    const account = await db.account.findFirstOrThrow({ where: { status: "active" }, orderBy: { id: "desc" } });
    await recomputeHealth(db, { asOf: addDays(today, -400), accountIds: [account.id] });
    const stored = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.healthAsOf?.toISOString().slice(0, 10)).toBe(today);
  });
});

describe("the streamed batch rescore", () => {
  /** Every active account's stored snapshot and current score against scoring it alone from its facts. */
  async function expectStoredAsScoredAlone(asOf: string) {
    const model = await getHealthModel(db);
    const accounts = await db.account.findMany({ where: { status: "active" }, orderBy: { id: "asc" } });
    const snapshots = await db.healthSnapshot.findMany({ where: { asOf: new Date(`${asOf}T00:00:00Z`) } });
    const byAccount = new Map(snapshots.map((s) => [s.accountId, s]));
    const measureRows = await db.$queryRaw<{ accountId: number; measures: (number | null)[] }[]>`
      SELECT "accountId", measures FROM "HealthSnapshot" WHERE "asOf" = ${asOf}::date`;
    const measuresOf = new Map(measureRows.map((r) => [r.accountId, r.measures]));
    for (const account of accounts) {
      const expected = computeHealth((await loadHealthFacts(db, account.id))!, asOf, model);
      const snapshot = byAccount.get(account.id);
      expect(snapshot, `account ${account.id}`).toMatchObject({
        score: expected.score,
        band: expected.band,
        insufficientData: expected.insufficientData,
      });
      expect(snapshot!.components, `account ${account.id}`).toStrictEqual(toStoredHealth(expected));
      expect(measuresOf.get(account.id), `account ${account.id}`).toEqual(snapshotMeasures(expected));
      if (asOf === today)
        expect(account, `account ${account.id}`).toMatchObject({
          healthScore: expected.score,
          healthBand: expected.band,
          healthDetractor: expected.biggestDetractor,
        });
    }
    return accounts.length;
  }

  it.each([
    [today, 7],
    [today, 1],
    [addDays(today, -45), 4],
  ])(
    "stores, as of %s in slices of %i accounts, exactly what scoring each account alone gives",
    async (asOf, sliceSize) => {
      const slices: number[] = [];
      const summary = await recomputeHealth(db, { asOf, sliceSize, onSlice: (scored) => slices.push(scored) });
      const active = await expectStoredAsScoredAlone(asOf);
      expect(summary.scored).toBe(active);
      // Slice after slice (the last one may be short), and no results kept for a batch over all accounts.
      expect(slices.length).toBe(Math.ceil(active / sliceSize));
      expect(slices.at(-1)).toBe(active);
      expect(summary.results.size).toBe(0);
      expect(Object.values(summary.bands).reduce((a, b) => a + b, 0)).toBe(active);
    },
  );

  it("stays exact on keys the API would refuse: duplicates and empty strings in stored arrays", async () => {
    const account = await db.account.findFirstOrThrow({ where: { status: "active" }, orderBy: { id: "asc" }, skip: 5 });
    await db.$executeRaw`UPDATE "Account" SET "purchasedFeatures" = ARRAY['reports', '', 'reports', 'dashboards', 'alerts']
      WHERE id = ${account.id}`;
    await db.$executeRaw`UPDATE "UsageDay" SET "featuresUsed" = ARRAY['', 'reports', 'reports', 'not-purchased'],
        "integrationsActive" = ARRAY['slack', '', 'slack']
      WHERE "accountId" = ${account.id} AND date = ${new Date(`${addDays(today, -3)}T00:00:00Z`)}`;
    const facts = (await loadHealthFacts(db, account.id))!;
    expect(facts.usage.some((u) => u.featuresUsed.includes(""))).toBe(true);
    const sql = await loadHealthInputs(db, today, [account.id]);
    expect(sql.get(account.id)).toStrictEqual(healthInputsFromFacts(facts, today));
    const { results } = await recomputeHealth(db, { asOf: today, accountIds: [account.id] });
    expect(results.get(account.id)).toStrictEqual(computeHealth(facts, today, await getHealthModel(db)));
  });
});
