// The health backtest end to end: accounts with dated history and known renewal outcomes go in
// through the API; the backtest's AUC must be what the AUC of their GET …/health?asOf= scores is.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auc, aucWithInterval, calibrationByBand } from "@/lib/domain/backtest";
import { addDays } from "@/lib/domain/dates";
import { computeHealth, type Band } from "@/lib/domain/health";
import type { HealthView } from "@/lib/data/accounts/views";
import { recomputeHealth } from "@/lib/data/health/recompute";
import { getHealthModelVersion, getLatestBacktest, loadReadings } from "@/lib/data/health/backtest";
import { applySuggestedWeights, saveHealthModel } from "@/lib/data/health/model";
import { getHealthModel, loadHealthFacts } from "@/lib/data/health/recompute";
import { readingOf } from "@/lib/domain/backtest-report";
import { restoreHealthResult } from "@/lib/domain/health-snapshot";
import { DEFAULT_HEALTH_MODEL } from "@/lib/domain/health-model";
import {
  accountBody,
  apiClient,
  createTestKey,
  createTestUser,
  usageDays,
  type ApiClient,
} from "@/tests/factories/api";
import type { TUsageDay } from "@/lib/validation/api";
import { clock } from "@/lib/clock";

const today = clock.today();
const renewalDate = addDays(today, -5);
let api: ApiClient;

interface Case {
  id: string;
  segment: "enterprise" | "mid_market" | "smb";
  /** Share of the healthy usage profile (0 = no activity). */
  activity: number;
  outcome: "renewed" | "expanded" | "downgraded" | "churned";
}

// Mostly, weaker usage churns; one healthy account downgrades and one weak one renews, so the
// AUC is neither 0.5 nor 1, and two pairs of accounts share a profile (ties).
const CASES: Case[] = [
  { id: "bt-1", segment: "enterprise", activity: 1, outcome: "expanded" },
  { id: "bt-2", segment: "enterprise", activity: 0.9, outcome: "renewed" },
  { id: "bt-3", segment: "mid_market", activity: 0.9, outcome: "downgraded" },
  { id: "bt-4", segment: "mid_market", activity: 0.6, outcome: "renewed" },
  { id: "bt-5", segment: "smb", activity: 0.3, outcome: "churned" },
  { id: "bt-6", segment: "smb", activity: 0.3, outcome: "renewed" },
  { id: "bt-7", segment: "smb", activity: 0.1, outcome: "churned" },
  { id: "bt-8", segment: "mid_market", activity: 0.05, outcome: "downgraded" },
];
const positive = (c: Case) => c.outcome === "churned" || c.outcome === "downgraded";

function scaledUsage(activity: number, end: string): TUsageDay[] {
  return usageDays(240, end).map((day) => ({
    ...day,
    activeUsers: Math.round(day.activeUsers * activity),
    logins: Math.round(day.logins * activity),
    sessions: Math.round(day.sessions * activity),
    sessionMinutes: Math.round(day.sessionMinutes * activity),
    workflowsCompleted: Math.round(day.workflowsCompleted * activity),
    featuresUsed: day.featuresUsed.slice(0, Math.ceil(3 * activity)),
    integrationsActive: activity > 0.5 ? day.integrationsActive : [],
  }));
}

const NEW_ARR = { renewed: 120_000, expanded: 150_000, downgraded: 80_000, churned: undefined };

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  for (const c of CASES) {
    const put = await api.put(
      `/accounts/${c.id}`,
      accountBody({ segment: c.segment, contractStart: addDays(today, -400), renewalDate }),
    );
    expect(put.status).toBeLessThan(300);
    expect(
      (await api.put(`/accounts/${c.id}/usage`, { days: scaledUsage(c.activity, addDays(today, -20)) })).status,
    ).toBe(200);
  }
  // Stored snapshots on the 90-day horizon date: the backtest reads these rather than recompute.
  await recomputeHealth(db, { asOf: addDays(renewalDate, -90) });
  for (const c of CASES) {
    const closed = await api.put(`/accounts/${c.id}/renewal`, {
      outcome: c.outcome,
      newArr: NEW_ARR[c.outcome],
      signedAt: renewalDate,
    });
    expect(closed.status).toBe(200);
  }
});

async function asOfScores(horizon: number) {
  const asOf = addDays(renewalDate, -horizon);
  return Promise.all(
    CASES.map(async (c) => {
      const res = await api.get<HealthView>(`/accounts/${c.id}/health?asOf=${asOf}`);
      expect(res.status).toBe(200);
      return { c, score: res.body.score as number, band: res.body.band as Band };
    }),
  );
}

interface Summary {
  horizonDays: number;
  n: number;
  positives: number;
  auc: number;
  aucLow: number;
  aucHigh: number;
  bands: { band: Band; n: number; churnRate: number | null }[];
  measures: { key: string; auc: number | null }[];
  computedAt: string;
  modelVersion: number;
}

describe("POST and GET /health/backtest", () => {
  it("answers 404 before the first run", async () => {
    const res = await api.get("/health/backtest?horizon=90");
    expect(res.status).toBe(404);
  });

  it("refuses a horizon it does not compute", async () => {
    const res = await api.get("/health/backtest?horizon=45");
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe("horizon");
  });

  it.each([30, 90, 180])("at %i days the AUC is the one of the as-of scores", async (horizon) => {
    expect((await api.post("/health/backtest", {})).status).toBe(201);
    const scores = await asOfScores(horizon);
    const observations = scores.map((s) => ({ score: s.score, positive: positive(s.c) }));
    const expected = aucWithInterval(observations);
    const res = await api.get<Summary>(`/health/backtest?horizon=${horizon}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        "horizonDays",
        "n",
        "positives",
        "auc",
        "aucLow",
        "aucHigh",
        "bands",
        "measures",
        "computedAt",
        "modelVersion",
      ].sort(),
    );
    expect(res.body).toMatchObject({ horizonDays: horizon, n: 8, positives: 4, modelVersion: 0 });
    expect(res.body.auc).toBeCloseTo(expected?.auc ?? NaN, 12);
    expect(res.body.aucLow).toBeCloseTo(expected?.low ?? NaN, 12);
    expect(res.body.aucHigh).toBeCloseTo(expected?.high ?? NaN, 12);
    expect(res.body.auc).toBeGreaterThan(0.5);
    expect(res.body.auc).toBeLessThan(1);
    const bands = calibrationByBand(scores.map((s) => ({ band: s.band, positive: positive(s.c) })));
    expect(res.body.bands).toEqual(bands.map(({ band, n, churnRate }) => ({ band, n, churnRate })));
    expect(res.body.measures).toHaveLength(15);
  });

  it("splits by segment", async () => {
    const scores = await asOfScores(90);
    const smb = scores.filter((s) => s.c.segment === "smb");
    const res = await api.get<Summary>("/health/backtest?horizon=90&segment=smb");
    expect(res.body).toMatchObject({ n: 3, positives: 2 });
    expect(res.body.auc).toBeCloseTo(auc(smb.map((s) => ({ score: s.score, positive: positive(s.c) }))) ?? NaN, 12);
  });

  it("reads stored snapshots number for number", async () => {
    const asOf = addDays(renewalDate, -90);
    const snapshots = await db.healthSnapshot.findMany({ where: { asOf: new Date(`${asOf}T00:00:00Z`) } });
    expect(snapshots).toHaveLength(CASES.length);
    const pairs = snapshots.map((s) => ({ accountId: s.accountId, asOf }));
    const readings = await loadReadings(db, pairs, DEFAULT_HEALTH_MODEL);
    snapshots.forEach((s, i) => {
      expect(readings[i]).toEqual(readingOf(restoreHealthResult(s.components)));
    });
  });

  it("stores each run with the model version", async () => {
    const runs = await db.healthBacktest.findMany();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((r) => r.modelVersion === 0 && r.renewals === 8)).toBe(true);
  });

  it("an admin applies the suggested weights as a new, audited model version; a repeat changes nothing", async () => {
    const run = await getLatestBacktest(db);
    const suggestion = run?.suggestions.find((x) => x.segment === "all");
    expect(suggestion).toMatchObject({ n: 8, positives: 4, smallSample: true });
    const suggested = suggestion?.suggested;
    expect(suggested).not.toBeNull();
    if (!run || !suggested) return;
    expect(Object.values(suggested).reduce((a, b) => a + b, 0)).toBe(100);
    const admin = await createTestUser("admin");
    await applySuggestedWeights(run.id, { userId: admin.id });
    await applySuggestedWeights(run.id, { userId: admin.id });
    expect((await getHealthModel(db)).weights).toEqual(suggested);
    expect(await getHealthModelVersion(db)).toBe(1);
    const audits = await db.auditLog.findMany({ where: { entity: "health_model" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([["apply_suggested_weights", admin.id]]);
    expect((await api.post("/health/backtest", {})).status).toBe(201);
    expect((await api.get<Summary>("/health/backtest")).body.modelVersion).toBe(1);
  });
});

describe("a segment's own model", () => {
  it("scores that segment's accounts, and the backtest compares it with the default model on the same renewals", async () => {
    const admin = await createTestUser("admin");
    const current = await getHealthModel(db);
    const defaultModel = { weights: current.weights, measures: current.measures };
    const smbModel = {
      weights: { engagement: 10, product: 10, relationship: 70, business: 10 },
      measures: current.measures,
    };
    await saveHealthModel({ ...defaultModel, segments: { smb: smbModel } }, { userId: admin.id });

    const audit = await db.auditLog.findFirst({ where: { entity: "health_model" }, orderBy: { id: "desc" } });
    expect(audit?.after).toMatchObject({ "segments.smb.weights.relationship": 70 });

    // GET …/health?asOf= scores SMB with its own model, the others with the default one.
    const asOf = addDays(renewalDate, -90);
    const scores = await asOfScores(90);
    const byModel = { own: [] as { score: number; positive: boolean }[], global: [] as (typeof scores)[number][] };
    for (const s of scores) {
      const account = await db.account.findUniqueOrThrow({ where: { externalId: s.c.id } });
      const facts = await loadHealthFacts(db, account.id);
      if (!facts) throw new Error(`no facts for ${s.c.id}`);
      const expected = computeHealth(facts, asOf, s.c.segment === "smb" ? smbModel : defaultModel).score;
      expect(s.score).toBe(expected);
      if (s.c.segment === "smb") {
        byModel.own.push({ score: s.score, positive: positive(s.c) });
        byModel.global.push({ ...s, score: computeHealth(facts, asOf, defaultModel).score as number });
      }
    }
    expect(byModel.own.map((o) => o.score)).not.toEqual(byModel.global.map((g) => g.score));

    expect((await api.post("/health/backtest", {})).status).toBe(201);
    const run = await getLatestBacktest(db);
    const comparison = run?.comparisons.find((c) => c.horizonDays === 90);
    expect(run?.comparisons.every((c) => c.segment === "smb")).toBe(true);
    expect(comparison).toMatchObject({ segment: "smb", n: 3, positives: 2 });
    expect(comparison?.own.auc).toBeCloseTo(auc(byModel.own) ?? NaN, 12);
    expect(comparison?.global.auc).toBeCloseTo(
      auc(byModel.global.map((g) => ({ score: g.score, positive: positive(g.c) }))) ?? NaN,
      12,
    );
  });

  it("an admin applies a segment's suggested weights as that segment's own model", async () => {
    const run = await getLatestBacktest(db);
    const suggestion = run?.suggestions.find((x) => x.segment === "mid_market");
    expect(suggestion?.suggested).not.toBeNull();
    if (!run || !suggestion?.suggested) return;
    const before = await getHealthModel(db);
    expect(before.segments?.mid_market).toBeUndefined();
    const admin = await createTestUser("admin");
    await applySuggestedWeights(run.id, { userId: admin.id }, "mid_market");
    const after = await getHealthModel(db);
    expect(after.segments?.mid_market).toEqual({ weights: suggestion.suggested, measures: before.measures });
    expect(after.weights).toEqual(before.weights);
    expect(after.segments?.smb).toEqual(before.segments?.smb);
  });
});
