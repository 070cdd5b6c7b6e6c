import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadHealthFacts, loadHealthInputs, recomputeHealth } from "@/lib/data/health/recompute";
import { seedIfEmpty } from "@/lib/data/platform/seed";
import { addDays } from "@/lib/domain/dates";
import { computeHealth, healthInputsFromFacts } from "@/lib/domain/health";

const today = "2026-11-23";

beforeAll(async () => {
  await seedIfEmpty(db, {
    today: new Date(`${today}T00:00:00Z`),
    accountCount: 30,
    log: () => {},
    env: { NODE_ENV: "test" },
  });
});

describe("set-based health inputs", () => {
  it.each([today, addDays(today, -45), addDays(today, -200)])(
    "match the pure engine's inputs for every account as of %s",
    async (asOf) => {
      const sql = await loadHealthInputs(db, asOf, null);
      expect(sql.size).toBeGreaterThan(20);
      for (const [id, inputs] of sql) {
        const facts = await loadHealthFacts(db, id);
        expect(facts).not.toBeNull();
        const expected = healthInputsFromFacts(facts!, asOf);
        for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
          const want = expected[key];
          if (typeof want === "number") expect(inputs[key], `${id} ${key}`).toBeCloseTo(want, 9);
          else expect(inputs[key], `${id} ${key}`).toEqual(want);
        }
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
    expect(results.get(account.id)?.score).toBe(expected.score);
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
