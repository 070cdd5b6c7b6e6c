import { describe, expect, test } from "vitest";
import {
  computeHealth,
  healthInputsFromFacts,
  healthTrend,
  roundHalfUp,
  scoreHealth,
  type HealthFacts,
  type HealthInputs,
  type HealthResult,
  type MeasureResult,
  type UsageDayFact,
} from "@/lib/domain/health";
import { addDays } from "@/lib/domain/dates";
import { FULL_HEALTH_INPUTS } from "@/tests/factories/health";
import { COMPONENT_KEYS, DEFAULT_HEALTH_MODEL, type HealthModel, type MeasureKey } from "@/lib/domain/health-model";

// Windows end on 2025-06-30 inclusive: usage/tickets from 2025-06-01 (29 days before), CSAT from
// 2025-04-02, NPS from 2025-01-02, QBR/EBR from 2024-07-01.
const AS_OF = "2025-06-30";

function measure(result: HealthResult, key: MeasureKey): MeasureResult {
  const found = COMPONENT_KEYS.flatMap((c) => result.components[c].measures).find((m) => m.key === key);
  if (!found) throw new Error(`no measure ${key}`);
  return found;
}

/** Exact where exact, and to 9 decimals where the hand computation is a repeating fraction. */
function expectValue(actual: number | null, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

function usageDay(date: string, values: Partial<UsageDayFact> = {}): UsageDayFact {
  return {
    date,
    activeUsers: 0,
    logins: 0,
    sessions: 0,
    sessionMinutes: 0,
    featuresUsed: [],
    workflowsStarted: 0,
    workflowsCompleted: 0,
    integrationsActive: [],
    dataQuality: null,
    ...values,
  };
}

/** An enterprise account of 10 seats and 100,000 ARR that nothing is known about yet. */
function facts(values: Partial<HealthFacts> = {}): HealthFacts {
  return {
    segment: "enterprise",
    seats: 10,
    arr: 100_000,
    contractStart: "2024-01-01",
    purchasedFeatures: ["reports", "alerts", "exports", "api"],
    usage: [],
    tickets: [],
    surveys: [],
    touchpoints: [],
    contacts: [],
    outcomes: [],
    renewalForecast: null,
    openExpansionArr: 0,
    ...values,
  };
}

// ---------------------------------------------------------------------------------------------
// Facts → inputs

describe("healthInputsFromFacts", () => {
  // Every kind of fact, with rows just inside and just outside each window and after asOf.
  const RICH = facts({
    usage: [
      // 30 days before asOf: outside the window
      usageDay("2025-05-31", { activeUsers: 50, logins: 1000, featuresUsed: ["api"], dataQuality: 0.99 }),
      usageDay("2025-06-01", {
        activeUsers: 5,
        logins: 20,
        sessions: 10,
        sessionMinutes: 100,
        featuresUsed: ["reports", "alerts", "not-purchased"],
        workflowsStarted: 4,
        workflowsCompleted: 2,
        integrationsActive: ["salesforce"],
        dataQuality: 0.6,
      }),
      // No active users: its feature counts for adoption but the day is not in the depth mean.
      usageDay("2025-06-15", { featuresUsed: ["exports"], integrationsActive: ["salesforce", "slack"] }),
      usageDay("2025-06-20", {
        activeUsers: 3,
        logins: 10,
        sessions: 5,
        sessionMinutes: 40,
        featuresUsed: ["reports", "alerts", "exports"],
        workflowsStarted: 2,
        workflowsCompleted: 1,
        integrationsActive: ["jira"],
        dataQuality: 0.7,
      }),
      usageDay("2025-06-30", {
        activeUsers: 7,
        logins: 30,
        sessions: 20,
        sessionMinutes: 300,
        featuresUsed: ["reports"],
        workflowsStarted: 6,
        workflowsCompleted: 5,
      }),
      usageDay("2025-07-01", { activeUsers: 90, logins: 900, featuresUsed: ["api"], dataQuality: 0.1 }), // after asOf
    ],
    tickets: ["2025-05-31", "2025-06-01", "2025-06-30", "2025-07-01"].map((openedAt) => ({ openedAt })),
    contacts: [
      { id: 1, execSponsor: true, referenceWilling: false },
      { id: 2, execSponsor: false, referenceWilling: false },
      { id: 3, execSponsor: true, referenceWilling: false },
    ],
    touchpoints: [
      { type: "call", occurredAt: "2025-06-10", attended: null, contactIds: [2] }, // no sponsor present
      { type: "meeting", occurredAt: "2025-05-01", attended: null, contactIds: [1] }, // last sponsor touch: 60 days
      { type: "qbr", occurredAt: "2025-06-05", attended: false, contactIds: [3] }, // did not take place
      { type: "email", occurredAt: "2025-07-02", attended: null, contactIds: [1] }, // after asOf
      { type: "qbr", occurredAt: "2024-07-01", attended: true, contactIds: [] }, // 364 days before: in
      { type: "ebr", occurredAt: "2024-06-30", attended: true, contactIds: [] }, // 365 days before: out
      { type: "ebr", occurredAt: "2025-03-01", attended: true, contactIds: [] },
    ],
    surveys: [
      { type: "nps", score: 9, respondedAt: "2025-01-02" }, // 179 days before: in, promoter
      { type: "nps", score: 10, respondedAt: "2025-01-01" }, // 180 days before: out
      { type: "nps", score: 3, respondedAt: "2025-06-01" }, // detractor
      { type: "nps", score: 7, respondedAt: "2025-06-02" }, // passive
      { type: "nps", score: 10, respondedAt: "2025-07-01" }, // after asOf
      { type: "csat", score: 4, respondedAt: "2025-04-01" }, // 90 days before: out
      { type: "csat", score: 5, respondedAt: "2025-04-02" },
      { type: "csat", score: 4, respondedAt: "2025-06-30" },
      { type: "csat", score: 1, respondedAt: "2025-07-01" }, // after asOf
    ],
    outcomes: [
      { dueDate: "2025-06-30", achieved: true, achievedAt: "2025-06-30" },
      { dueDate: "2025-03-01", achieved: true, achievedAt: "2025-07-15" }, // achieved after asOf: not yet
      { dueDate: "2025-05-01", achieved: false },
      { dueDate: "2025-08-01", achieved: true }, // not due yet
      { dueDate: "2025-01-01", achieved: true, achievedAt: null },
    ],
    renewalForecast: "likely",
    openExpansionArr: 5_000,
  });

  test("aggregates each measure over its window and ignores facts after asOf", () => {
    expect(healthInputsFromFacts(RICH, AS_OF)).toEqual<HealthInputs>({
      segment: "enterprise",
      seats: 10,
      arr: 100_000,
      daysSinceContractStart: 546, // 2024-01-01 → 2025-06-30 (2024 is a leap year)
      hasUsage: true,
      purchasedFeatureCount: 4,
      logins: 60, // 20 + 10 + 30
      activeUsers: 15, // 5 + 3 + 7
      sessions: 35, // 10 + 5 + 20
      sessionMinutes: 440, // 100 + 40 + 300
      workflowsStarted: 12, // 4 + 2 + 6
      workflowsCompleted: 8, // 2 + 1 + 5
      meanFeatureDepth: 0.5, // active days: 2/4, 3/4, 1/4 → mean 0.5
      featuresAdopted: 3, // reports, alerts, exports ("api" only outside the window)
      latestDataQuality: 0.7, // 06-20: 06-30 reported none
      integrations: 3, // salesforce, slack, jira
      tickets: 2, // 06-01 and 06-30
      daysSinceExecSponsorTouch: 60, // meeting 2025-05-01
      attendedReviews: 2, // QBR 2024-07-01, EBR 2025-03-01
      npsResponses: 3, // 9, 3, 7
      npsPromoters: 1,
      npsDetractors: 1,
      csatResponses: 2, // 5, 4
      csatSum: 9,
      outcomesDue: 4,
      outcomesAchieved: 2,
      renewalForecast: "likely",
      openExpansionArr: 5_000,
      referenceWilling: false,
    });
  });

  test("scores the rich account end to end", () => {
    const result = computeHealth(RICH, AS_OF);
    // engagement: login 60/10/(30/7) = 1.4 → 36; depth 0.5 → 100; active 15/30/10 = 0.05 → 0;
    //   session 440/35 = 12.571… → 58.730…; tickets 2×10/10 = 2 → (4−2)/3.5 = 57.142… → mean 50.3746…
    // product: adoption 3/4 → 91.666…; workflow 8/12 → 61.111…; data quality 0.7 → 44.444…; 3 integrations → 100
    //   → mean 74.3055…
    // relationship: sponsor 60 days → 66.666…; QBR 2/4 → 50; NPS 0 → 28.571…, CSAT 4.5 → 100 → 64.285…
    //   → mean 60.3174…
    // business: ROI 2/4 → 50; likely 75; expansion 0.05 → 25 → mean 50
    // overall 0.4×50.3746 + 0.3×74.3056 + 0.2×60.3175 + 0.1×50 = 59.505 → 60
    expectValue(result.components.engagement.score, 50.374603174603);
    expectValue(result.components.product.score, 74.305555555556);
    expectValue(result.components.relationship.score, 60.31746031746);
    expectValue(result.components.business.score, 50);
    expect(result).toMatchObject({ score: 60, band: "yellow", insufficientData: false });
    // Lost points: active users 8 × 100% = 8, the most.
    expect(result.biggestDetractor).toBe("active_user_ratio");
  });

  test("computeHealth is scoreHealth of healthInputsFromFacts", () => {
    expect(computeHealth(RICH, AS_OF)).toEqual(scoreHealth(healthInputsFromFacts(RICH, AS_OF)));
  });

  test("facts dated after asOf change nothing", () => {
    const later = facts({
      ...RICH,
      usage: [...RICH.usage, usageDay("2025-07-02", { activeUsers: 10, logins: 500, dataQuality: 1 })],
      tickets: [...RICH.tickets, { openedAt: "2025-07-03" }],
      surveys: [...RICH.surveys, { type: "nps", score: 0, respondedAt: "2025-08-01" }],
      touchpoints: [...RICH.touchpoints, { type: "qbr", occurredAt: "2025-07-10", attended: true, contactIds: [1] }],
      outcomes: [...RICH.outcomes, { dueDate: "2025-07-01", achieved: false }],
    });
    expect(computeHealth(later, AS_OF)).toEqual(computeHealth(RICH, AS_OF));
  });

  test("a past score is reproduced from today's facts", () => {
    // As of 2025-06-15 the window is 05-17..06-15: the 05-31, 06-01 and 06-15 rows count, the
    // latest data quality is 06-01's, and the tickets are 05-31 and 06-01.
    const inputs = healthInputsFromFacts(RICH, "2025-06-15");
    expect(inputs).toMatchObject({
      logins: 1020,
      activeUsers: 55,
      latestDataQuality: 0.6,
      integrations: 2,
      tickets: 2,
    });
  });

  // A fact exactly on a window's first day counts; one day earlier, or after asOf, does not.
  const onDate = {
    usage: (d: string) => facts({ usage: [usageDay(d, { logins: 7 })] }),
    ticket: (d: string) => facts({ tickets: [{ openedAt: d }] }),
    csat: (d: string) => facts({ surveys: [{ type: "csat", score: 4, respondedAt: d }] }),
    promoter: (d: string) => facts({ surveys: [{ type: "nps", score: 9, respondedAt: d }] }),
    qbr: (d: string) => facts({ touchpoints: [{ type: "qbr", occurredAt: d, attended: true, contactIds: [] }] }),
  };
  test.each([
    { window: "usage (30 days)", first: "2025-06-01", build: onDate.usage, field: "logins", value: 7 },
    { window: "tickets (30 days)", first: "2025-06-01", build: onDate.ticket, field: "tickets", value: 1 },
    { window: "CSAT (90 days)", first: "2025-04-02", build: onDate.csat, field: "csatResponses", value: 1 },
    { window: "NPS (180 days)", first: "2025-01-02", build: onDate.promoter, field: "npsPromoters", value: 1 },
    { window: "QBR/EBR (365 days)", first: "2024-07-01", build: onDate.qbr, field: "attendedReviews", value: 1 },
  ] as const)("$window: the first day $first is in; the day before and after asOf are out", (row) => {
    const { first, build, field, value } = row;
    const dayBefore = addDays(first, -1);
    expect(healthInputsFromFacts(build(first), AS_OF)[field]).toBe(value);
    expect(healthInputsFromFacts(build(AS_OF), AS_OF)[field]).toBe(value);
    expect(healthInputsFromFacts(build(dayBefore), AS_OF)[field]).toBe(0);
    expect(healthInputsFromFacts(build("2025-07-01"), AS_OF)[field]).toBe(0);
  });

  test("a sponsor touchpoint on asOf is 0 days ago; the latest one wins", () => {
    const contacts = [{ id: 7, execSponsor: true, referenceWilling: false }];
    const touchpoints = [
      { type: "check_in" as const, occurredAt: "2025-06-20", attended: null, contactIds: [7] },
      { type: "call" as const, occurredAt: AS_OF, attended: null, contactIds: [7] },
    ];
    expect(healthInputsFromFacts(facts({ contacts, touchpoints }), AS_OF).daysSinceExecSponsorTouch).toBe(0);
  });

  test("duplicate purchased features count once", () => {
    const inputs = healthInputsFromFacts(facts({ purchasedFeatures: ["a", "a", "b"] }), AS_OF);
    expect(inputs.purchasedFeatureCount).toBe(2);
  });

  test("rejects an as-of date that is not YYYY-MM-DD", () => {
    expect(() => healthInputsFromFacts(facts(), "2025-6-30")).toThrow(RangeError);
    expect(() => healthInputsFromFacts(facts(), "2025-02-30")).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Measures: raw value and score, by hand

/**
 * Every measure has data and sits between floor and target:
 * engagement 65.942857…, product 56.666…, relationship 75.793650…, business 66.666… → 65.2025… → 65.
 */
const BASE: HealthInputs = FULL_HEALTH_INPUTS;

describe("measures", () => {
  test.each<[MeasureKey, string, Partial<HealthInputs>, number | null, number | null]>([
    // login frequency: Σ logins / seats / (30/7); 0.5 → 3.0
    ["login_frequency", "90/10/(30/7) = 2.1 → (2.1−0.5)/2.5 = 64", {}, 2.1, 64],
    ["login_frequency", "150 → 3.5 above target: clamped", { logins: 150 }, 3.5, 100],
    ["login_frequency", "15 → 0.35 below floor: clamped", { logins: 15 }, 0.35, 0],
    ["login_frequency", "no seats: nothing to divide by", { seats: 0 }, null, null],
    // feature usage depth: 0.1 → 0.5
    ["feature_usage_depth", "0.3 → 0.2/0.4 = 50", {}, 0.3, 50],
    ["feature_usage_depth", "no active day → 0", { meanFeatureDepth: 0 }, 0, 0],
    ["feature_usage_depth", "no purchased features", { purchasedFeatureCount: 0 }, null, null],
    // active users: (Σ activeUsers / 30) / seats; 0.1 → 0.6
    ["active_user_ratio", "150/30/10 = 0.5 → 0.4/0.5 = 80", {}, 0.5, 80],
    ["active_user_ratio", "15/30/10 = 0.05 below floor", { activeUsers: 15 }, 0.05, 0],
    // session duration: Σ minutes / Σ sessions; 2 → 20
    ["session_duration", "1100/100 = 11 → 9/18 = 50", {}, 11, 50],
    ["session_duration", "no sessions: scores 0", { sessions: 0, sessionMinutes: 0 }, null, 0],
    // support tickets, inverse: tickets × 10 / seats; 4 → 0.5
    ["support_ticket_volume", "1×10/10 = 1 → 3/3.5 = 85.714…", {}, 1, 600 / 7],
    ["support_ticket_volume", "2 → 2/3.5 = 57.142…", { tickets: 2 }, 2, 400 / 7],
    ["support_ticket_volume", "0 is better than the target", { tickets: 0 }, 0, 100],
    ["support_ticket_volume", "5 is worse than the floor", { tickets: 5 }, 5, 0],
    // feature adoption: |used ∩ purchased| / |purchased|; 0.2 → 0.8
    ["feature_adoption", "2/4 = 0.5 → 0.3/0.6 = 50", {}, 0.5, 50],
    ["feature_adoption", "no purchased features", { purchasedFeatureCount: 0, featuresAdopted: 0 }, null, null],
    // workflow completion: 0.3 → 0.9
    ["workflow_completion", "12/20 = 0.6 → 0.3/0.6 = 50", {}, 0.6, 50],
    ["workflow_completion", "none started", { workflowsStarted: 0, workflowsCompleted: 0 }, null, null],
    // data quality: 0.5 → 0.95
    ["data_quality", "0.77 → 0.27/0.45 = 60", {}, 0.77, 60],
    ["data_quality", "none reported", { latestDataQuality: null }, null, null],
    // integration usage: 0 → 3
    ["integration_usage", "2 → 2/3 = 66.666…", {}, 2, 200 / 3],
    ["integration_usage", "4 → clamped", { integrations: 4 }, 4, 100],
    // exec sponsor, inverse: days since; 120 → 30
    ["exec_sponsor_engagement", "45 → 75/90 = 83.333…", {}, 45, 250 / 3],
    ["exec_sponsor_engagement", "10 days: better than target", { daysSinceExecSponsorTouch: 10 }, 10, 100],
    ["exec_sponsor_engagement", "150 days: beyond the floor", { daysSinceExecSponsorTouch: 150 }, 150, 0],
    ["exec_sponsor_engagement", "no sponsor touchpoint: scores 0", { daysSinceExecSponsorTouch: null }, null, 0],
    // QBR attendance: min(1, attended / expected); 0 → 1
    ["qbr_attendance", "enterprise ≥ 365 days: expected 4 → 3/4 = 75", {}, 0.75, 75],
    ["qbr_attendance", "5/4 capped at 1", { attendedReviews: 5 }, 1, 100],
    [
      "qbr_attendance",
      "137 days: 4×137/365 = 1.501 → 2 expected → 1/2",
      { daysSinceContractStart: 137, attendedReviews: 1 },
      0.5,
      50,
    ],
    [
      "qbr_attendance",
      "136 days: 4×136/365 = 1.490 → 1 expected → 1/1",
      { daysSinceContractStart: 136, attendedReviews: 1 },
      1,
      100,
    ],
    [
      "qbr_attendance",
      "new account: at least 1 expected → 0/1",
      { daysSinceContractStart: 0, attendedReviews: 0 },
      0,
      0,
    ],
    [
      "qbr_attendance",
      "mid-market ≥ 365 days: expected 2 → 1/2",
      { segment: "mid_market", attendedReviews: 1 },
      0.5,
      50,
    ],
    ["qbr_attendance", "SMB: no QBR cadence", { segment: "smb" }, null, null],
    // NPS / CSAT: mean of NPS (−20 → 50) and CSAT (3.0 → 4.5) scores; raw lives in the parts
    ["nps_csat", "NPS 5−2 of 10 = 30 → 50/70; CSAT 16/4 = 4 → 1/1.5 → mean 69.047…", {}, null, (500 / 7 + 200 / 3) / 2],
    ["nps_csat", "NPS only: 71.428…", { csatResponses: 0, csatSum: 0 }, null, 500 / 7],
    ["nps_csat", "CSAT only: 66.666…", { npsResponses: 0, npsPromoters: 0, npsDetractors: 0 }, null, 200 / 3],
    [
      "nps_csat",
      "neither",
      { npsResponses: 0, npsPromoters: 0, npsDetractors: 0, csatResponses: 0, csatSum: 0 },
      null,
      null,
    ],
    // ROI achievement: achieved / due; 0 → 1
    ["roi_achievement", "3/4 → 75", {}, 0.75, 75],
    ["roi_achievement", "nothing due yet", { outcomesDue: 0, outcomesAchieved: 0 }, null, null],
    // renewal likelihood: the forecast's points are the score
    ["renewal_likelihood", "commit", { renewalForecast: "commit" }, 100, 100],
    ["renewal_likelihood", "likely", {}, 75, 75],
    ["renewal_likelihood", "at risk", { renewalForecast: "at_risk" }, 25, 25],
    ["renewal_likelihood", "lost", { renewalForecast: "lost" }, 0, 0],
    ["renewal_likelihood", "unset", { renewalForecast: null }, null, null],
    // expansion potential: open expansion ARR / ARR; 0 → 0.2
    ["expansion_potential", "10,000/100,000 = 0.1 → 50", {}, 0.1, 50],
    ["expansion_potential", "30,000 → 0.3 clamped", { openExpansionArr: 30_000 }, 0.3, 100],
    ["expansion_potential", "ARR 0: scores 0", { arr: 0 }, null, 0],
  ])("%s: %s", (key, _why, patch, raw, score) => {
    const result = measure(scoreHealth({ ...BASE, ...patch }), key);
    expectValue(result.raw, raw);
    expectValue(result.score, score);
  });

  test("every measure shows the model's floor and target; NPS / CSAT shows both scales", () => {
    const result = scoreHealth(BASE);
    expect(measure(result, "support_ticket_volume")).toMatchObject({
      label: "Support ticket volume",
      floor: 4,
      target: 0.5,
    });
    const npsCsat = measure(result, "nps_csat");
    expect(npsCsat).toMatchObject({ floor: null, target: null });
    expect(npsCsat.parts).toEqual([
      { key: "nps", label: "NPS (last 180 days)", raw: 30, score: expect.closeTo(500 / 7, 9), floor: -20, target: 50 },
      { key: "csat", label: "CSAT (last 90 days)", raw: 4, score: expect.closeTo(200 / 3, 9), floor: 3, target: 4.5 },
    ]);
    expect(measure(scoreHealth({ ...BASE, csatResponses: 0, csatSum: 0 }), "nps_csat").parts?.[1]).toMatchObject({
      raw: null,
      score: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Components, weights, contributions

describe("components and weights", () => {
  test("the base account: component means, overall score and each measure's share", () => {
    const result = scoreHealth(BASE);
    // 0.4×65.942857 + 0.3×56.666667 + 0.2×75.793651 + 0.1×66.666667 = 65.2025… → 65
    expect(result).toMatchObject({ score: 65, band: "yellow", insufficientData: false });
    expectValue(result.components.engagement.score, (64 + 50 + 80 + 50 + 600 / 7) / 5);
    expectValue(result.components.product.score, (50 + 50 + 60 + 200 / 3) / 4);
    expectValue(result.components.relationship.score, (250 / 3 + 75 + (500 / 7 + 200 / 3) / 2) / 3);
    expectValue(result.components.business.score, 200 / 3);
    // Engagement's 40 points over its 5 measures: 8 each; login 8 × 64% = 5.12 added, 2.88 lost.
    expect(measure(result, "login_frequency")).toMatchObject({
      weight: 8,
      contribution: expect.closeTo(5.12, 9),
      lost: expect.closeTo(2.88, 9),
    });
    expect(measure(result, "workflow_completion").weight).toBeCloseTo(7.5, 9); // 30 / 4
    expect(measure(result, "qbr_attendance").weight).toBeCloseTo(20 / 3, 9);
    expect(measure(result, "expansion_potential").weight).toBeCloseTo(10 / 3, 9);
    const all = COMPONENT_KEYS.flatMap((c) => result.components[c].measures);
    expect(all.reduce((total, m) => total + m.weight, 0)).toBeCloseTo(100, 9);
    expect(all.reduce((total, m) => total + m.contribution, 0)).toBeCloseTo(65.2025396825, 9);
  });

  test("a measure without data is left out of its component's mean and carries no weight", () => {
    // No workflows: product = (50 + 60 + 66.666…) / 3 = 58.888…, each of the 3 measures 10 points.
    const result = scoreHealth({ ...BASE, workflowsStarted: 0, workflowsCompleted: 0 });
    expectValue(result.components.product.score, (50 + 60 + 200 / 3) / 3);
    expect(measure(result, "workflow_completion")).toMatchObject({ weight: 0, contribution: 0, lost: 0 });
    expect(measure(result, "data_quality").weight).toBeCloseTo(10, 9);
  });

  test("the biggest detractor loses the most points; ties go to the first in SPEC order", () => {
    // Base: feature depth (8 × 50%) and session duration (8 × 50%) both lose 4 points.
    expect(scoreHealth(BASE).biggestDetractor).toBe("feature_usage_depth");
    expect(scoreHealth({ ...BASE, meanFeatureDepth: 0.5 }).biggestDetractor).toBe("session_duration");
  });
});

// ---------------------------------------------------------------------------------------------
// Edge cases from facts

describe("edge cases", () => {
  const contractOnly = facts({ renewalForecast: "commit", openExpansionArr: 20_000 });

  test("no usage ever: engagement and product have no data, the rest is re-normalised and flagged", () => {
    const result = computeHealth(contractOnly, AS_OF);
    // relationship: no sponsor → 0, no QBR of 4 expected → 0, no surveys → no data: 0
    // business: commit 100, expansion 0.2 → 100, no outcomes due → no data: 100
    // (20×0 + 10×100) / 30 = 33.333… → 33, with 30 < 50 of the weight: insufficient data
    expect(result).toMatchObject({ score: 33, band: "red", insufficientData: true });
    for (const c of ["engagement", "product"] as const) {
      expect(result.components[c]).toMatchObject({ score: null, effectiveWeight: 0 });
      expect(result.components[c].measures.every((m) => m.score === null && m.raw === null && m.weight === 0)).toBe(
        true,
      );
    }
    expect(result.components.relationship.effectiveWeight).toBeCloseTo(200 / 3, 9);
    expect(result.components.business.effectiveWeight).toBeCloseTo(100 / 3, 9);
    expect(measure(result, "renewal_likelihood").contribution).toBeCloseTo(50 / 3, 9); // 100/3 over 2 measures
    expect(result.biggestDetractor).toBe("exec_sponsor_engagement"); // ties with QBR attendance at 33.3 lost
  });

  test("usage only after asOf counts as no usage", () => {
    const later = facts({ ...contractOnly, usage: [usageDay("2025-07-01", { activeUsers: 5, logins: 50 })] });
    expect(computeHealth(later, AS_OF)).toEqual(computeHealth(contractOnly, AS_OF));
  });

  test("usage rows but no activity in the window: the usage measures score 0, tickets 100", () => {
    const oldDay = usageDay("2025-05-01", { activeUsers: 4, logins: 40, integrationsActive: ["slack"] });
    const idle = facts({ ...contractOnly, usage: [oldDay] });
    const result = computeHealth(idle, AS_OF);
    // engagement: logins 0, depth 0, active 0, sessions none → 0, 0 tickets → 100: mean 20
    // product: adoption 0, integrations 0; workflows and data quality have no data: mean 0
    // (40×20 + 30×0 + 20×0 + 10×100) / 100 = 18
    // Product's 30 points fall on its 2 measures with data: adoption loses 15, more than any other.
    expect(result.components.engagement.score).toBe(20);
    expect(result.components.product.score).toBe(0);
    expect(measure(result, "session_duration")).toMatchObject({ raw: null, score: 0 });
    expect(measure(result, "workflow_completion").score).toBeNull();
    expect(measure(result, "data_quality").score).toBeNull();
    expect(result).toMatchObject({
      score: 18,
      band: "red",
      insufficientData: false,
      biggestDetractor: "feature_adoption",
    });
  });

  test("no purchased features: depth and adoption have no data", () => {
    const result = computeHealth(
      facts({ purchasedFeatures: [], usage: [usageDay("2025-06-10", { activeUsers: 3, featuresUsed: ["reports"] })] }),
      AS_OF,
    );
    expect(measure(result, "feature_usage_depth").score).toBeNull();
    expect(measure(result, "feature_adoption").score).toBeNull();
    expect(measure(result, "integration_usage").score).toBe(0);
  });

  test("no executive sponsor: touchpoints with other contacts do not count", () => {
    const result = computeHealth(
      facts({
        contacts: [{ id: 1, execSponsor: false, referenceWilling: false }],
        touchpoints: [{ type: "meeting", occurredAt: "2025-06-29", attended: null, contactIds: [1] }],
      }),
      AS_OF,
    );
    expect(measure(result, "exec_sponsor_engagement")).toMatchObject({ raw: null, score: 0 });
  });

  test("SMB: no QBR measure, relationship is the mean of the other two", () => {
    const smb = facts({
      segment: "smb",
      contacts: [{ id: 1, execSponsor: true, referenceWilling: false }],
      touchpoints: [{ type: "email", occurredAt: "2025-05-16", attended: null, contactIds: [1] }], // 45 days
      surveys: [{ type: "csat", score: 4, respondedAt: "2025-06-01" }],
    });
    const result = computeHealth(smb, AS_OF);
    expect(measure(result, "qbr_attendance")).toMatchObject({ raw: null, score: null, weight: 0 });
    // sponsor 45 days → 83.333…; CSAT 4 → 66.666… → mean 75
    expectValue(result.components.relationship.score, 75);
  });
});

// ---------------------------------------------------------------------------------------------
// Bands

/** Every measure at its target, CSAT only (so no NPS promoter), nobody reference-willing. */
const PERFECT: HealthInputs = {
  ...BASE,
  logins: 150, // 3.5 / seat / week
  meanFeatureDepth: 0.5,
  activeUsers: 180, // 0.6
  sessions: 10,
  sessionMinutes: 200, // 20 minutes
  tickets: 0,
  featuresAdopted: 4,
  workflowsStarted: 10,
  workflowsCompleted: 10,
  latestDataQuality: 1,
  integrations: 3,
  daysSinceExecSponsorTouch: 30,
  attendedReviews: 4,
  npsResponses: 0,
  npsPromoters: 0,
  npsDetractors: 0,
  csatResponses: 5,
  csatSum: 25,
  outcomesAchieved: 4,
  renewalForecast: "commit",
  openExpansionArr: 20_000,
};
// Patches that bring a component down to 0 (every measure with data at or beyond its floor).
const NO_PRODUCT: Partial<HealthInputs> = {
  featuresAdopted: 0,
  workflowsCompleted: 0,
  latestDataQuality: 0.5,
  integrations: 0,
};
const NO_RELATIONSHIP: Partial<HealthInputs> = {
  daysSinceExecSponsorTouch: null,
  attendedReviews: 0,
  csatResponses: 0,
  csatSum: 0,
};
const NO_BUSINESS: Partial<HealthInputs> = { outcomesAchieved: 0, renewalForecast: "lost", openExpansionArr: 0 };

describe("bands", () => {
  test.each<[string, Partial<HealthInputs>, number, string]>([
    ["all at target", {}, 100, "green"],
    ["all at target, a reference-willing contact", { referenceWilling: true }, 100, "purple"],
    ["all at target, an NPS promoter (NPS 100 → score 100)", { npsResponses: 1, npsPromoters: 1 }, 100, "purple"],
    // E, P, B at 100, R 0: 40 + 30 + 10 = 80
    ["80 = green", NO_RELATIONSHIP, 80, "green"],
    ["80 and reference-willing = purple", { ...NO_RELATIONSHIP, referenceWilling: true }, 80, "purple"],
    // B = (100 + 100 + x) / 3 with expansion x: 70 + B/10
    ["expansion 0.17 → 85: B 95 → 79.5 rounds up to 80", { ...NO_RELATIONSHIP, openExpansionArr: 17_000 }, 80, "green"],
    [
      "expansion 0.164 → 82: B 94 → 79.4 rounds down to 79",
      { ...NO_RELATIONSHIP, openExpansionArr: 16_400 },
      79,
      "yellow",
    ],
    ["expansion 0.14 → 70: B 90 → 79 = yellow", { ...NO_RELATIONSHIP, openExpansionArr: 14_000 }, 79, "yellow"],
    [
      "79 and reference-willing stays yellow",
      { ...NO_RELATIONSHIP, openExpansionArr: 14_000, referenceWilling: true },
      79,
      "yellow",
    ],
    // E 100, R 100, P and B 0: 40 + 20 = 60
    ["60 = yellow", { ...NO_PRODUCT, ...NO_BUSINESS }, 60, "yellow"],
    // CSAT 171/40 = 4.275 → 85: R (100 + 100 + 85)/3 = 95 → 40 + 19 = 59
    ["59 = red", { ...NO_PRODUCT, ...NO_BUSINESS, csatResponses: 40, csatSum: 171 }, 59, "red"],
  ])("%s: %s %s", (_why, patch, score, band) => {
    expect(scoreHealth({ ...PERFECT, ...patch })).toMatchObject({ score, band, insufficientData: false });
  });

  describe("from facts", () => {
    // Every day of the window at target, a sponsor met 10 days ago, 4 of 4 QBRs, CSAT 5, the only
    // outcome achieved, commit, expansion 20% of ARR: every measure scores 100.
    const thriving = (values: Partial<HealthFacts> = {}) =>
      facts({
        usage: Array.from({ length: 30 }, (_, i) =>
          usageDay(addDays(AS_OF, -i), {
            activeUsers: 6, // Σ 180 / 30 / 10 seats = 0.6
            logins: 5, // Σ 150 / 10 / (30/7) = 3.5
            sessions: 1,
            sessionMinutes: 20,
            featuresUsed: ["reports", "alerts", "exports", "api"],
            workflowsStarted: 1,
            workflowsCompleted: 1,
            integrationsActive: ["salesforce", "slack", "jira"],
            dataQuality: 1,
          }),
        ),
        contacts: [{ id: 1, execSponsor: true, referenceWilling: false }],
        touchpoints: [
          { type: "meeting", occurredAt: "2025-06-20", attended: null, contactIds: [1] },
          ...["2024-09-01", "2024-12-01", "2025-03-01", "2025-06-01"].map((occurredAt) => ({
            type: "qbr" as const,
            occurredAt,
            attended: true,
            contactIds: [1],
          })),
        ],
        surveys: [{ type: "csat", score: 5, respondedAt: "2025-06-01" }],
        outcomes: [{ dueDate: "2025-05-01", achieved: true }],
        renewalForecast: "commit",
        openExpansionArr: 20_000,
        ...values,
      });
    const sponsorWilling = [{ id: 1, execSponsor: true, referenceWilling: true }];
    const csat = { type: "csat" as const, score: 5, respondedAt: "2025-06-01" };
    const nps = (score: number, respondedAt: string) => ({ type: "nps" as const, score, respondedAt });

    test.each([
      { why: "nobody reference-willing, no promoter", values: {}, band: "green" },
      { why: "a reference-willing contact", values: { contacts: sponsorWilling }, band: "purple" },
      { why: "an NPS 9 179 days ago", values: { surveys: [csat, nps(9, "2025-01-02")] }, band: "purple" },
      { why: "an NPS 10 180 days ago only", values: { surveys: [csat, nps(10, "2025-01-01")] }, band: "green" },
    ] satisfies { why: string; values: Partial<HealthFacts>; band: string }[])("$why: $band", ({ values, band }) => {
      expect(computeHealth(thriving(values), AS_OF)).toMatchObject({ score: 100, band, biggestDetractor: null });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Model, insufficient data, rounding, trend

describe("custom models and insufficient data", () => {
  const withWeights = (weights: HealthModel["weights"]): HealthModel => ({ ...DEFAULT_HEALTH_MODEL, weights });
  // Only relationship (0) and business (100) have data.
  const noUsage: HealthInputs = { ...PERFECT, hasUsage: false, ...NO_RELATIONSHIP };

  test("with the default weights, relationship + business (30 < 50) is insufficient data", () => {
    // (20×0 + 10×100) / 30 = 33.333… → 33: returned, band from it, flagged
    expect(scoreHealth(noUsage)).toMatchObject({ score: 33, band: "red", insufficientData: true });
  });

  test("weights that give the remaining components 60 of 100: re-normalised, not flagged", () => {
    const model = withWeights({ engagement: 20, product: 20, relationship: 30, business: 30 });
    // (30×0 + 30×100) / 60 = 50
    expect(scoreHealth(noUsage, model)).toMatchObject({
      score: 50,
      band: "red",
      insufficientData: false,
    });
  });

  test("no component with weight has data: no score at all", () => {
    const model = withWeights({ engagement: 50, product: 50, relationship: 0, business: 0 });
    expect(scoreHealth(noUsage, model)).toMatchObject({
      score: null,
      band: null,
      insufficientData: true,
      biggestDetractor: null,
    });
  });

  test("floors and targets come from the model", () => {
    const model: HealthModel = {
      ...DEFAULT_HEALTH_MODEL,
      measures: { ...DEFAULT_HEALTH_MODEL.measures, login_frequency: { floor: 1, target: 2 } },
    };
    // 2.1 logins / seat / week is above the new target
    expect(measure(scoreHealth(BASE, model), "login_frequency")).toMatchObject({ floor: 1, target: 2, score: 100 });
  });
});

describe("roundHalfUp", () => {
  test.each([
    [2.5, 0, 3],
    [3.5, 0, 4],
    [2.4999, 0, 2],
    [-2.5, 0, -2], // half up is towards +∞
    [-2.6, 0, -3],
    [-0.4, 0, 0],
    [0.1 + 0.2, 1, 0.3], // 0.30000000000000004
    [(0.1 + 0.2) * 10, 0, 3], // 3.0000000000000004
    [1.005, 2, 1.01], // 1.005 × 100 = 100.49999999999999 in binary
    [0.145, 2, 0.15],
    [4.35, 1, 4.4], // 43.49999999999999
    [79.49999999999999, 0, 80], // float noise of 79.5
    [59.504999999999995, 0, 60],
    [72.4, 0, 72],
  ])("roundHalfUp(%s, %s) = %s", (value, digits, expected) => {
    expect(roundHalfUp(value, digits)).toBe(expected);
  });
});

describe("healthTrend", () => {
  test.each([
    [72, 60, 12],
    [60, 72, -12],
    [50, 50, 0],
    [null, 60, null],
    [60, null, null],
  ])("now %s, 30 days earlier %s → %s", (now, before, expected) => {
    expect(healthTrend(now, before)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// A segment's own model

describe("a segment's own model", () => {
  const equal = { engagement: 25, product: 25, relationship: 25, business: 25 };
  const ownModel = (model: Omit<HealthModel, "segments">): HealthModel => ({
    ...DEFAULT_HEALTH_MODEL,
    segments: { smb: model },
  });
  const ownWeights = ownModel({ ...DEFAULT_HEALTH_MODEL, weights: equal });
  const ownScales = ownModel({
    ...DEFAULT_HEALTH_MODEL,
    measures: { ...DEFAULT_HEALTH_MODEL.measures, login_frequency: { floor: 1, target: 7 } },
  });
  const inputs = (segment: HealthInputs["segment"]): HealthInputs => ({ ...PERFECT, ...NO_RELATIONSHIP, segment });

  test("scores that segment's accounts with its weights: E, P, B 100 and R 0 → 75, not 80", () => {
    const smb = scoreHealth(inputs("smb"), ownWeights);
    expect(smb.score).toBe(75);
    expect(smb.components.relationship).toMatchObject({ weight: 25, effectiveWeight: 25 });
  });

  test("and with its floors and targets: 3.5 logins per seat and week on 1 → 7 scores 41.67, E 88.33 → 75", () => {
    const smb = scoreHealth(inputs("smb"), ownScales);
    expect(measure(smb, "login_frequency")).toMatchObject({ floor: 1, target: 7 });
    expectValue(measure(smb, "login_frequency").score, (2.5 / 6) * 100);
    // (40 × 88.33 + 30 × 100 + 20 × 0 + 10 × 100) / 100 = 75.33
    expect(smb.score).toBe(75);
  });

  test("leaves the other segments on the default model", () => {
    for (const segment of ["enterprise", "mid_market"] as const) {
      for (const config of [ownWeights, ownScales]) {
        const result = scoreHealth(inputs(segment), config);
        expect(result).toEqual(scoreHealth(inputs(segment), DEFAULT_HEALTH_MODEL));
        expect(result.score).toBe(80);
      }
    }
  });
});
