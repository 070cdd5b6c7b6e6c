// The dashboards' aggregates on small hand-built data, with exact expected numbers: stage
// totals, onboarding milestones and time to value, weekly adoption, outcomes, expansion
// pipeline and triggers, renewal windows, the sorted account table and its streamed export,
// the weekly health mix, churned ARR by reason, and GRR/NRR per period against the metrics library.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  getAdoptionTrend,
  getChurnByReason,
  getExpansionCharts,
  getHealthMix,
  getOnboardingCharts,
  getOutcomeCharts,
  getRenewalCells,
  getRetentionTrend,
  getStageTotals,
  listStageAccounts,
  streamStageAccounts,
} from "@/lib/data/dashboards/stages";
import { getMetricsReport } from "@/lib/data/dashboards/metrics";
import { addDays } from "@/lib/domain/dates";
import type { Band, LifecycleStage } from "@/lib/generated/prisma/enums";
import type { MeasureKey } from "@/lib/domain/health-model";
import { snapshotMeasureIndex } from "@/lib/domain/health-snapshot";

const today = "2026-06-15";
const day = (offset: number) => new Date(`${addDays(today, offset)}T00:00:00Z`);
const ids: Record<string, number> = {};

async function account(
  name: string,
  o: {
    stage: LifecycleStage;
    override?: LifecycleStage;
    arr: number;
    seats?: number;
    features?: string[];
    start?: number;
    renewal?: number;
    score?: number;
    band?: Band;
    status?: "active" | "churned";
  },
) {
  const created = await db.account.create({
    data: {
      externalId: name.toLowerCase(),
      name,
      segment: "mid_market",
      seats: o.seats ?? 10,
      arr: o.arr,
      purchasedFeatures: o.features ?? [],
      contractStart: day(o.start ?? -500),
      renewalDate: day(o.renewal ?? 200),
      lifecycleStage: o.stage,
      stageOverride: o.override ?? null,
      status: o.status ?? "active",
      healthScore: o.score ?? null,
      healthBand: o.band ?? null,
      healthAsOf: o.score == null ? null : day(0),
      csmId: ids.csm,
    },
  });
  ids[name] = created.id;
}

const movement = (name: string, type: "new" | "expansion" | "contraction" | "churn", amount: string, offset: number) =>
  db.arrMovement.create({ data: { accountId: ids[name], type, amount, date: day(offset) } });

beforeAll(async () => {
  ids.csm = (
    await db.user.create({ data: { email: "cara@example.com", name: "Cara CSM", role: "csm", passwordHash: "x" } })
  ).id;
  await account("Acme", { stage: "onboarding", arr: 10_000, start: -30, score: 85, band: "green" });
  await account("Bolt", { stage: "onboarding", arr: 20_000, start: -60, score: 55, band: "red" });
  await account("Core", {
    stage: "onboarding",
    override: "adoption",
    arr: 30_000,
    seats: 10,
    features: ["f1", "f2"],
    start: -100,
  });
  await account("Dyn", { stage: "renewal", arr: 40_000, renewal: 20, score: 70, band: "yellow" });
  await account("Echo", { stage: "renewal", arr: 50_000, renewal: -5 });
  await account("Fern", { stage: "renewal", arr: 15_000, renewal: 75 });
  await account("Gone", { stage: "churned", arr: 0, status: "churned" });
  await account("Hex", { stage: "expansion", arr: 60_000, score: 85, band: "green" });
  await account("Ivy", { stage: "value_realization", arr: 25_000 });
  await account("Jade", { stage: "churned", arr: 0, status: "churned" });

  // Onboarding milestones: Acme (day 30) and Bolt (day 60); Core reached initial value on day 64.
  const milestone = (name: string, key: string, target: number, reached: number | null) =>
    db.onboardingMilestone.create({
      data: { accountId: ids[name], key, targetDate: day(target), reachedAt: reached === null ? null : day(reached) },
    });
  await milestone("Acme", "technical_setup", -23, -24);
  await milestone("Acme", "active", -2, null); // overdue
  await milestone("Acme", "initial_value", 26, null); // open
  await milestone("Acme", "full_speed", 40, null);
  await milestone("Bolt", "technical_setup", -53, -53);
  await milestone("Bolt", "active", -32, -30);
  await milestone("Bolt", "initial_value", -4, -10); // 50 days after the contract start
  await milestone("Bolt", "full_speed", 10, null);
  await milestone("Core", "initial_value", -44, -36); // 64 days

  // Core's usage: last week 5 + 3 active users, one and two of its two features; the week before 7, none.
  const usage = (offset: number, activeUsers: number, featuresUsed: string[]) =>
    db.usageDay.create({ data: { accountId: ids.Core, date: day(offset), activeUsers, featuresUsed } });
  await usage(0, 5, ["f1"]);
  await usage(-1, 3, ["f1", "f2"]);
  await usage(-7, 7, []);
  await usage(-91, 100, ["f1"]); // before the 13 weeks

  // Ivy's outcomes: one achieved in June, one missed in May, one not yet due.
  const outcome = (key: string, due: number, achieved: boolean) =>
    db.successOutcome.create({ data: { accountId: ids.Ivy, key, title: key, dueDate: day(due), achieved } });
  await outcome("roi", -10, true);
  await outcome("adoption", -40, false);
  await outcome("later", 30, false);

  // Hex: deals, a latest score with active users at target and adoption below it, an exec touch and a promoter.
  const deal = (
    key: string,
    type: "seats" | "tier" | "add_on",
    arr: string,
    status: "open" | "won" | "lost",
    closed: number | null = null,
  ) =>
    db.expansionOpportunity.create({
      data: { accountId: ids.Hex, key, type, arr, status, closedAt: closed === null ? null : day(closed) },
    });
  await deal("s1", "seats", "5000.00", "open");
  await deal("s2", "seats", "2500.00", "open");
  await deal("t1", "tier", "8000.00", "won", -30);
  await deal("a1", "add_on", "1000.00", "lost", -400);
  // Hex's current snapshot: usage above its target (0.7 ≥ 0.6), adoption below it (0.5 < 0.8).
  const raws: Partial<Record<MeasureKey, [raw: number, target: number]>> = {
    login_frequency: [1, 3],
    feature_usage_depth: [0.2, 0.5],
    active_user_ratio: [0.7, 0.6],
    session_duration: [10, 20],
    support_ticket_volume: [1, 0.5],
    feature_adoption: [0.5, 0.8],
    workflow_completion: [0.5, 0.9],
    data_quality: [0.9, 0.95],
    integration_usage: [1, 3],
  };
  const measures = Array<number | null>(snapshotMeasureIndex("csat", "target")).fill(null);
  for (const [key, [raw, target]] of Object.entries(raws) as [MeasureKey, [number, number]][]) {
    measures[snapshotMeasureIndex(key, "raw") - 1] = raw;
    measures[snapshotMeasureIndex(key, "target") - 1] = target;
  }
  await db.healthSnapshot.create({
    data: { accountId: ids.Hex, asOf: day(0), score: 85, band: "green", components: {} },
  });
  await db.$executeRaw`UPDATE "HealthSnapshot" SET measures = ${measures}::float8[] WHERE "accountId" = ${ids.Hex}`;
  await db.contact.create({
    data: { accountId: ids.Hex, name: "Sponsor", email: "s@hex.test", execSponsor: true, lastTouchAt: day(-10) },
  });
  await db.surveyResponse.create({ data: { accountId: ids.Hex, type: "nps", score: 9, respondedAt: day(-30) } });

  // Open renewals: Dyn in 20 days (commit), Echo 5 days overdue (at risk), Fern in 75 days (no forecast).
  const renewal = (name: string, offset: number, arr: string, forecast: "commit" | "at_risk" | null) =>
    db.renewal.create({ data: { accountId: ids[name], renewalDate: day(offset), arr, forecast } });
  await renewal("Dyn", 20, "40000.00", "commit");
  await renewal("Echo", -5, "50000.00", "at_risk");
  await renewal("Fern", 75, "15000.00", null);

  // Snapshots for the health mix: week to today (Acme green, Bolt red), week to today − 7 (a
  // 3-account batch; one rescore the day before does not count).
  const snap = (name: string, offset: number, band: Band) =>
    db.healthSnapshot.upsert({
      where: { accountId_asOf: { accountId: ids[name], asOf: day(offset) } },
      create: { accountId: ids[name], asOf: day(offset), band, score: 50, components: {} },
      update: {},
    });
  await snap("Acme", 0, "green");
  await snap("Bolt", 0, "red");
  await snap("Acme", -7, "yellow");
  await snap("Bolt", -7, "red");
  await snap("Dyn", -7, "green");
  await snap("Acme", -8, "purple");

  // The ARR ledger: Gone churns with offboarding reasons, Jade at a renewal with a free-text reason.
  await movement("Dyn", "new", "40000.00", -800);
  await movement("Echo", "new", "50000.00", -700);
  await movement("Fern", "new", "15000.00", -500);
  await movement("Gone", "new", "12000.50", -600);
  await movement("Jade", "new", "3000.00", -900);
  await movement("Dyn", "expansion", "5000.00", -200);
  await movement("Echo", "contraction", "-2000.00", -100);
  await movement("Gone", "churn", "-12000.50", -40);
  await movement("Jade", "churn", "-3000.00", -100);
  await movement("Acme", "new", "10000.00", -30);
  await db.offboarding.create({ data: { accountId: ids.Gone, churnReasons: ["poor_adoption", "budget"] } });
  await db.renewal.create({
    data: {
      accountId: ids.Jade,
      renewalDate: day(-100),
      arr: "3000.00",
      status: "closed",
      outcome: "churned",
      signedAt: day(-100),
      churnReason: "Moved to a competitor",
    },
  });
});

describe("stage dashboards", () => {
  it("totals the accounts in a stage, the manual stage winning", async () => {
    expect(await getStageTotals("onboarding")).toEqual({
      accounts: 2,
      arr: 30_000,
      scored: 2,
      unhealthy: 1,
      averageScore: 70,
    });
    expect(await getStageTotals("adoption")).toMatchObject({ accounts: 1, arr: 30_000, scored: 0, averageScore: null });
  });

  it("counts milestones done, overdue and open, and the time to value of every account", async () => {
    const charts = await getOnboardingCharts("onboarding", today);
    expect(charts.milestones).toEqual([
      { key: "technical_setup", done: 2, overdue: 0, open: 0 },
      { key: "active", done: 1, overdue: 1, open: 0 },
      { key: "initial_value", done: 1, overdue: 0, open: 1 },
      { key: "full_speed", done: 0, overdue: 0, open: 2 },
      { key: "achievement", done: 0, overdue: 0, open: 0 },
    ]);
    expect(charts.timeToValue).toEqual([
      { value: 50, count: 1 },
      { value: 64, count: 1 },
    ]);
    expect(charts.medianTimeToValue).toBe(57);
  });

  it("computes weekly active users per seat and feature depth", async () => {
    const weeks = await getAdoptionTrend("adoption", today);
    expect(weeks).toHaveLength(13);
    expect(weeks[12]).toEqual({ week: today, activeUserRatio: 8 / 70, featureDepth: 1.5 / 7 });
    expect(weeks[11]).toEqual({ week: addDays(today, -7), activeUserRatio: 0.1, featureDepth: 0 });
    expect(weeks[0]).toEqual({ week: addDays(today, -84), activeUserRatio: 0, featureDepth: 0 });
  });

  it("counts outcomes due and achieved by month", async () => {
    const charts = await getOutcomeCharts("value_realization", today, 3);
    expect(charts).toEqual({
      months: [
        { month: "2026-04", due: 0, achieved: 0 },
        { month: "2026-05", due: 1, achieved: 0 },
        { month: "2026-06", due: 1, achieved: 1 },
      ],
      due: 2,
      achieved: 1,
    });
  });

  it("sums the expansion pipeline by type and status and counts the triggers", async () => {
    const { pipeline, triggers } = await getExpansionCharts("expansion", today);
    expect(pipeline.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { type: "seats", status: "open", deals: 2, arr: 7500 },
      { type: "tier", status: "won", deals: 1, arr: 8000 },
    ]);
    expect(triggers).toEqual({ accounts: 1, healthy: 1, highUsage: 1, highAdoption: 0, execEngaged: 1, promoters: 1 });
  });

  it("buckets ARR due by renewal window and forecast", async () => {
    expect(await getRenewalCells("renewal", today)).toEqual([
      { window: "overdue", forecast: "at_risk", renewals: 1, arr: 50_000 },
      { window: "0-30", forecast: "commit", renewals: 1, arr: 40_000 },
      { window: "61-90", forecast: "none", renewals: 1, arr: 15_000 },
    ]);
  });

  it("sorts and pages the stage's accounts in SQL, with the stage's own column", async () => {
    const byArr = await listStageAccounts("renewal", { sort: "arr", page: 1 }, 2, today);
    expect(byArr.total).toBe(3);
    expect(byArr.rows.map((r) => [r.name, r.arr])).toEqual([
      ["Echo", 50_000],
      ["Dyn", 40_000],
    ]);
    const byDays = await listStageAccounts("renewal", { sort: "stage", dir: "desc", page: 1 }, 25, today);
    expect(byDays.rows.map((r) => [r.name, r.stageValue, r.stageDetail])).toEqual([
      ["Fern", 75, "no forecast"],
      ["Dyn", 20, "commit"],
      ["Echo", -5, "at_risk"],
    ]);
    const onboarding = await listStageAccounts("onboarding", { sort: "name", page: 1 }, 25, today);
    expect(onboarding.rows.map((r) => [r.name, r.stageValue, r.stageDetail, r.csmName])).toEqual([
      ["Acme", 30, "1 of 4 milestones", "Cara CSM"],
      ["Bolt", 60, "3 of 4 milestones", "Cara CSM"],
    ]);
    const value = await listStageAccounts("value_realization", { sort: "stage", page: 1 }, 25, today);
    expect(value.rows.map((r) => [r.name, r.stageValue, r.stageDetail])).toEqual([["Ivy", 0.5, "1 of 2 due"]]);
    const expansion = await listStageAccounts("expansion", { sort: "stage", page: 1 }, 25, today);
    expect(expansion.rows.map((r) => [r.name, r.stageValue, r.stageDetail])).toEqual([["Hex", 7500, "2 deals"]]);
    // Sorted by another column, the page is picked first and the stage column joined to its rows.
    const expansionByScore = await listStageAccounts("expansion", { sort: "score", page: 1 }, 25, today);
    expect(expansionByScore.rows.map((r) => [r.name, r.stageValue, r.stageDetail])).toEqual([["Hex", 7500, "2 deals"]]);
    const byCsm = await listStageAccounts("renewal", { sort: "csm", dir: "desc", page: 1 }, 2, today);
    expect(byCsm.rows.map((r) => [r.name, r.stageDetail])).toEqual([
      ["Dyn", "commit"],
      ["Echo", "at_risk"],
    ]);
    const secondPage = await listStageAccounts("onboarding", { sort: "name", page: 2 }, 1, today);
    expect(secondPage.rows.map((r) => [r.name, r.stageDetail])).toEqual([["Bolt", "3 of 4 milestones"]]);
  });

  it("streams every row of the table in batches, in the table's order", async () => {
    const batches: string[][] = [];
    for await (const batch of streamStageAccounts("renewal", { sort: "name" }, 2, today))
      batches.push(batch.map((r) => r.name));
    expect(batches).toEqual([["Dyn", "Echo"], ["Fern"]]);
  });
});

describe("executive portfolio", () => {
  it("counts bands per week from each week's batch day", async () => {
    const mix = await getHealthMix(today, 3);
    expect(mix).toEqual([
      { week: addDays(today, -14), asOf: null, red: 0, yellow: 0, green: 0, purple: 0 },
      { week: addDays(today, -7), asOf: addDays(today, -7), red: 1, yellow: 1, green: 1, purple: 0 },
      { week: today, asOf: today, red: 1, yellow: 0, green: 2, purple: 0 },
    ]);
  });

  it("sums churned ARR of the last 12 months by primary reason", async () => {
    expect(await getChurnByReason(today)).toEqual([
      { reason: "Poor adoption", accounts: 1, arr: 12_000.5 },
      { reason: "Moved to a competitor", accounts: 1, arr: 3_000 },
    ]);
  });

  it("gives trailing-12-month GRR and NRR per period, as the metrics library computes them", async () => {
    const trend = await getRetentionTrend(today, 8);
    expect(trend).toHaveLength(8);
    expect(trend.at(-1)?.period).toEqual({ from: "2025-06-16", to: today });
    for (const point of trend) {
      const { metrics } = await getMetricsReport(point.period);
      expect([point.grr, point.nrr]).toEqual([metrics.grr, metrics.nrr]);
    }
    // Start ARR 120,000.50; churn 15,000.50, contraction 2,000 → GRR 103,000 / 120,000.50 = 0.858330 → 0.8583;
    // expansion 5,000 → NRR 108,000 / 120,000.50 = 0.899996 → 0.9.
    expect(trend.at(-1)).toMatchObject({ grr: 0.8583, nrr: 0.9 });
  });
});
