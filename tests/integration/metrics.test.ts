// SPEC §5 metrics from the database: a small ledger built through the app's own writes
// (upsertAccount records "new" ARR on the contract start and expansion/contraction today; a
// churned renewal outcome records the churn on its signed date),
// checked to the cent, the SQL ledger checked against the pure one, and GET /api/v1/metrics.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { upsertAccount } from "@/lib/data/accounts/save-account";
import { getMetricsReport, loadArrFacts } from "@/lib/data/dashboards/metrics";
import { recordRenewalOutcome } from "@/lib/data/renewals/outcomes";
import { addDays, toIsoDate } from "@/lib/domain/dates";
import { summarizeLedger, type MetricsReport, type MovementFact, type Period } from "@/lib/domain/metrics";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import { accountBody, apiClient, createTestKey, type ApiErrorBody } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
const actor = { system: "metrics test" };
const period: Period = { from: addDays(today, -29), to: today };
let key: string;

beforeAll(async () => {
  key = (await createTestKey()).key;
  const account = (name: string, arr: number, contractStart: string, renewalDate = addDays(today, 60)) =>
    upsertAccount(name, accountBody({ name, arr, contractStart, renewalDate }), actor);

  // Before the period: "new" ARR dated each contract start → start ARR 100,000.10 + 50,000.05 + 30,000.00.
  await account("alpha", 100_000.1, addDays(today, -400));
  await account("beta", 50_000.05, addDays(today, -200), addDays(today, -3)); // renewal due in the period
  await account("gamma", 30_000, addDays(today, -100));
  // Inside the period: a new logo (not part of retention).
  await account("delta", 12_000, addDays(today, -10));
  // Today: alpha expands by 20,000.50, beta contracts by 5,000.00 (its open renewal follows: 45,000.05 due).
  await account("alpha", 120_000.6, addDays(today, -400));
  await account("beta", 45_000.05, addDays(today, -200), addDays(today, -3));
  // gamma churns at its renewal, signed today − 5: a churn movement of −30,000.00 on that day.
  await recordRenewalOutcome(
    "gamma",
    { outcome: "churned", signedAt: addDays(today, -5), churnReason: "budget" },
    actor,
  );

  // Surveys through the API; a CS cost entry for exactly the period.
  const api = apiClient(key);
  for (const [type, score] of [
    ["nps", 10],
    ["nps", 9],
    ["nps", 3],
    ["csat", 5],
    ["csat", 4],
  ] as const) {
    await api.post("/accounts/alpha/surveys", { type, score, respondedAt: today });
  }
  await db.csCost.create({
    data: {
      periodStart: new Date(`${period.from}T00:00:00Z`),
      periodEnd: new Date(`${period.to}T00:00:00Z`),
      amount: "1800.00",
    },
  });
});

describe("metrics from the database", () => {
  it("computes the ledger, GRR and NRR to the cent", async () => {
    const report = await getMetricsReport(period);
    expect(report.arr).toEqual({
      start: 180_000.15,
      end: 177_000.65, // 120,000.60 + 45,000.05 + 0 + 12,000.00
      new: 12_000,
      reactivation: 0,
      expansion: 20_000.5,
      contraction: 5_000,
      churned: 30_000,
      dueForRenewal: 45_000.05,
    });
    expect(report.counts).toEqual({ startAccounts: 3, endAccounts: 3, churnedLogos: 1 });
    expect(report.metrics).toMatchObject({
      // (180,000.15 − 30,000.00 − 5,000.00) / 180,000.15 = 145,000.15 / 180,000.15 = 0.805555… → 0.8056
      grr: 0.8056,
      // (145,000.15 + 20,000.50) / 180,000.15 = 165,000.65 / 180,000.15 = 0.916669… → 0.9167
      nrr: 0.9167,
      logoChurnRate: 0.3333,
      // (30,000.00 + 5,000.00) / 45,000.05 due = 0.777776… → 0.7778
      revenueChurnRate: 0.7778,
      // 20,000.50 / 180,000.15 = 0.111113… → 0.1111
      expansionRate: 0.1111,
      // 177,000.65 / 12 / 3 = 4,916.6847… → 4,916.68
      averageMrrPerAccount: 4916.68,
      // (2 promoters − 1 detractor) / 3 = 33.33 points; CSAT (5 + 4) / 2
      nps: 33.33,
      csat: 4.5,
      // 1,800.00 × 365 / 30 days = 21,900.00 a year / 180,000.15 = 0.121666… → 0.1217
      csCostPctOfAcv: 0.1217,
      // 165,000.65 / 21,900.00 = 7.534… → 7.53
      csRoi: 7.53,
    });
    expect(report.csCost).toBe(1800);
  });

  it("sums the ledger in SQL exactly as the pure ledger does, at the period's edges", async () => {
    const rows = await db.arrMovement.findMany();
    const movements: MovementFact[] = rows.map((m) => ({
      accountId: m.accountId,
      type: m.type,
      amount: m.amount.toFixed(2),
      date: toIsoDate(m.date),
    }));
    const periods: Period[] = [
      period,
      { from: today, to: today }, // only today's expansion and contraction
      { from: addDays(today, -10), to: addDays(today, -5) }, // delta's new ARR on `from`, the churn on `to`
      { from: addDays(today, -9), to: addDays(today, -6) }, // neither
      { from: addDays(today, -400), to: addDays(today, -400) }, // the first movement on both edges
    ];
    for (const p of periods) expect(await loadArrFacts(p)).toEqual(summarizeLedger(movements, p));
  });
});

describe("GET /api/v1/metrics", () => {
  const get = async <T>(query: string, auth: string | null = key) => {
    const request = new Request(`http://localhost/api/v1/metrics${query}`, {
      headers: auth ? { authorization: `Bearer ${auth}` } : {},
    });
    const response = await metricsRoute.GET(request, { params: Promise.resolve({}) });
    return { status: response.status, body: (await response.json()) as T };
  };

  it("answers every metric of the period", async () => {
    const res = await get<MetricsReport>(`?from=${period.from}&to=${period.to}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(await getMetricsReport(period))));
    expect(res.body.metrics).toMatchObject({ grr: 0.8056, nrr: 0.9167 });
  });

  it("answers null ratios for a period before any ARR", async () => {
    const res = await get<MetricsReport>("?from=2000-01-01&to=2000-12-31");
    expect(res.status).toBe(200);
    expect(res.body.metrics).toMatchObject({ grr: null, nrr: null, logoChurnRate: null, nps: null, ltv: null });
  });

  it.each([
    ["?from=2026-03-01&to=2026-02-01", ["to"]],
    ["?from=2026-02-30&to=2026-03-01", ["from"]],
    ["?from=2026-01-01", ["to"]],
    ["", ["from", "to"]],
  ])("400 for %j", async (query, paths) => {
    const res = await get<ApiErrorBody>(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.issues.map((i) => i.path).sort()).toEqual(paths);
  });

  it("401 without a key", async () => {
    expect((await get<ApiErrorBody>(`?from=${today}&to=${today}`, null)).status).toBe(401);
  });
});

// Last, as it adds an account: onboarding, renewals signed, deals, references and health bands.
describe("the other facts of a period", () => {
  const day = (offset: number) => new Date(`${addDays(today, offset)}T00:00:00Z`);
  const idOf = async (externalId: string) => (await db.account.findUniqueOrThrow({ where: { externalId } })).id;

  beforeAll(async () => {
    // epsilon's 90 days end on `from` (today − 29); gamma's on today − 10; both in the period.
    await upsertAccount(
      "epsilon",
      accountBody({ name: "epsilon", arr: 5_000, contractStart: addDays(today, -119) }),
      actor,
    );
    const [gamma, delta, epsilon, alpha, beta] = await Promise.all(
      ["gamma", "delta", "epsilon", "alpha", "beta"].map(idOf),
    );
    const milestones = (accountId: number, reached: Record<string, number | null>) =>
      db.onboardingMilestone.createMany({
        data: Object.entries(reached).map(([key, offset]) => ({
          accountId,
          key,
          targetDate: day(0),
          reachedAt: offset === null ? null : day(offset),
        })),
      });
    // gamma: all reached on today − 20, before its end → complete; initial value 100 − 20 = 80 days after the start.
    await milestones(gamma, {
      technical_setup: -20,
      active: -20,
      initial_value: -20,
      full_speed: -20,
      achievement: null,
    });
    // epsilon: full speed on today − 28, a day after its end → incomplete; initial value before the period.
    await milestones(epsilon, { technical_setup: -100, active: -90, initial_value: -60, full_speed: -28 });
    // delta: initial value on today − 2, 8 days after its start (its onboarding ends after the period).
    await milestones(delta, { technical_setup: -9, initial_value: -2 });

    // Renewals signed in the period after 30 and 15 days; one signed before it.
    const signed = (processStartedAt: number, signedAt: number) =>
      db.renewal.create({
        data: {
          accountId: alpha,
          renewalDate: day(-60),
          status: "closed",
          arr: "1.00",
          outcome: "renewed",
          processStartedAt: day(processStartedAt),
          signedAt: day(signedAt),
        },
      });
    await Promise.all([signed(-50, -20), signed(-40, -25), signed(-90, -40)]);

    // Deals closed today through the API: 2 won, 1 lost (the open one does not count).
    const api = apiClient(key);
    for (const [deal, status] of [
      ["d1", "won"],
      ["d2", "lost"],
      ["d3", "won"],
      ["d4", "open"],
    ] as const) {
      await api.put(`/accounts/alpha/expansions/${deal}`, { type: "seats", arr: 1000, status });
    }
    // Reference-willing contacts count at active accounts only: alpha's does, churned gamma's does not.
    await api.put("/accounts/alpha/contacts/ref@alpha.example", { name: "Ref One", referenceWilling: true });
    await api.put("/accounts/gamma/contacts/ref@gamma.example", { name: "Ref Two", referenceWilling: true });
    await api.put("/accounts/beta/contacts/no@beta.example", { name: "Not A Ref" });

    // Health snapshots for a period today − 40 … today − 35.
    await db.healthSnapshot.createMany({
      data: [
        { accountId: alpha, asOf: day(-40), band: "red", components: {} },
        { accountId: beta, asOf: day(-38), band: "green", components: {} },
        { accountId: beta, asOf: day(-36), band: "yellow", components: {} }, // beta's latest by the end
        { accountId: gamma, asOf: day(-37), band: "green", components: {} },
        { accountId: gamma, asOf: day(-30), band: "red", components: {} }, // after the end: ignored
        { accountId: delta, asOf: day(-36), band: "purple", components: {} }, // before its contract start: ignored
      ],
    });
  });

  it("measures onboarding, signatures, deals and references", async () => {
    const { metrics } = await getMetricsReport(period);
    expect(metrics).toMatchObject({
      onboardingCompletion: 0.5, // gamma of gamma and epsilon
      timeToValueDays: 44, // median of 8 and 80
      timeToSignatureDays: 22.5, // median of 15 and 30
      upsellConversion: 0.6667, // 2 won / 3 closed
      referencesGenerated: 1,
      referencesVsChurnedLogos: 1, // 1 reference / 1 churned logo
    });
  });

  it("reads each active account's latest band up to the period end", async () => {
    const { metrics } = await getMetricsReport({ from: addDays(today, -40), to: addDays(today, -35) });
    // alpha red, beta yellow, gamma green (it churned after the period) → 2 / 3
    expect(metrics.unhealthyShare).toBe(0.6667);
  });
});
