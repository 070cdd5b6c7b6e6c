import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import { DEFAULT_PLAYBOOKS } from "@/lib/domain/playbook-defaults";
import {
  describeConditions,
  longestRearm,
  periodOf,
  planPlaybooks,
  playbookManager,
  ZRuleDefinition,
  type PlannedStep,
  type PlaybookFacts,
  type PlaybookRule,
} from "@/lib/domain/playbooks";

const asOf = "2026-11-23"; // a Monday
const CSM = 7;
const AE = 8;
const MANAGER = 2;
const inDays = (n: number) => addDays(asOf, n);

/**
 * A healthy, mature Mid-Market account with a CSM and an AE, renewing in a year, no upsell
 * signal; each case overrides what it tests.
 */
const account = (overrides: Partial<PlaybookFacts> = {}): PlaybookFacts => ({
  status: "active",
  segment: "mid_market",
  band: "green",
  score: 85,
  insufficientData: false,
  trend: 0,
  detractor: null,
  contractStart: inDays(-400),
  renewalDate: inDays(365),
  renewalForecast: null,
  openExpansions: 0,
  featureAdoption: 0.4,
  execSponsorDays: 90,
  nps: 20,
  csmId: CSM,
  aeId: AE,
  ...overrides,
});

/** The five success playbooks; the segment cadences have their own cases. */
const SUCCESS: readonly PlaybookRule[] = DEFAULT_PLAYBOOKS.filter(
  (r) => r.trigger !== "cadence" && !r.key.startsWith("mid_market"),
);
const plan = (facts: PlaybookFacts, managerId: number | null = MANAGER, rules = SUCCESS) =>
  planPlaybooks(rules, facts, { asOf, managerId });
const steps = (facts: PlaybookFacts, managerId: number | null = MANAGER, rules = SUCCESS) =>
  plan(facts, managerId, rules).map((t) => `${t.ruleKey}.${t.step}`);

describe("the shipped playbooks validate as stored rules", () => {
  it.each(DEFAULT_PLAYBOOKS.map((r) => [r.key, r]))("%s", (_key, rule) => {
    expect(ZRuleDefinition.safeParse(rule).success).toBe(true);
  });

  it("refuses a cadence rule without a period and duplicate step keys", () => {
    const [base] = DEFAULT_PLAYBOOKS;
    const issues = ZRuleDefinition.safeParse({
      ...base,
      trigger: "cadence",
      cadence: null,
      steps: [base.steps[0], base.steps[0]],
    }).error?.issues.map((i) => i.message);
    expect(issues).toEqual(["A cadence rule needs a period; others have none.", "Each step needs its own key."]);
  });
});

describe("low-engagement recovery and churn prevention (the escalation ladder)", () => {
  it.each<[string, Partial<PlaybookFacts>, string[]]>([
    ["green", {}, []],
    ["purple counts as green", { band: "purple", score: 92 }, []],
    ["yellow", { band: "yellow", score: 68 }, ["low_engagement.action_plan"]],
    ["red, renewal far off", { band: "red", score: 48 }, ["low_engagement.save_plan"]],
    [
      "red, renewal in exactly 90 days",
      { band: "red", score: 48, renewalDate: inDays(90) },
      [
        "low_engagement.save_plan",
        "renewal_preparation.initial_conversation",
        "renewal_preparation.value_summary",
        "churn_prevention.executive",
      ],
    ],
    ["red, renewal in 91 days", { band: "red", score: 48, renewalDate: inDays(91) }, ["low_engagement.save_plan"]],
    [
      "red, renewal today",
      { band: "red", score: 48, renewalDate: asOf },
      ["low_engagement.save_plan", "renewal_preparation.contract", "churn_prevention.executive"],
    ],
    [
      "red, renewal date already passed",
      { band: "red", score: 48, renewalDate: inDays(-1) },
      ["low_engagement.save_plan"],
    ],
    [
      "yellow renewing soon is not a churn risk by itself",
      { band: "yellow", score: 65, renewalDate: inDays(20) },
      ["low_engagement.action_plan", "renewal_preparation.contract"],
    ],
    [
      "yellow, dropped exactly 15 points",
      { band: "yellow", score: 64, trend: -15 },
      ["low_engagement.action_plan", "churn_prevention.executive"],
    ],
    ["yellow, dropped 14 points", { band: "yellow", score: 64, trend: -14 }, ["low_engagement.action_plan"]],
    ["green after a 20-point drop", { band: "green", score: 80, trend: -20 }, ["churn_prevention.executive"]],
    ["no 30-day history", { band: "yellow", score: 70, trend: null }, ["low_engagement.action_plan"]],
    ["insufficient data", { band: "red", score: 30, insufficientData: true, trend: -30 }, []],
    ["not scored", { band: null, score: null, trend: null }, []],
    ["churned", { band: "red", score: 20, status: "churned", renewalDate: inDays(10) }, []],
    ["contract marked at risk: the save team", { renewalForecast: "at_risk" }, ["churn_prevention.save_team"]],
  ])("%s", (_case, overrides, expected) => {
    expect(steps(account(overrides))).toEqual(expected);
  });

  it("gives the CSM a normal action plan due in a week, saying why", () => {
    const [task] = plan(account({ band: "yellow", score: 68, detractor: "login_frequency" }));
    expect(task).toEqual({
      ruleKey: "low_engagement",
      step: "action_plan",
      type: "task",
      cycle: null,
      title: "CSM action plan",
      description: "Find the cause with your champion, agree an action plan with dates and log it as a touchpoint.",
      reason: "Health 68 (yellow). Biggest detractor: login frequency.",
      ownerId: CSM,
      dueDate: "2026-11-30",
      priority: "normal",
      rearmDays: 30,
    });
  });

  it("gives the manager a high save plan in 3 days and urgent executive involvement in 2, with every reason", () => {
    const tasks = plan(account({ band: "red", score: 48, trend: -18, renewalDate: inDays(120) }));
    expect(
      tasks.map(({ step, ownerId, dueDate, priority, reason }) => ({ step, ownerId, dueDate, priority, reason })),
    ).toEqual([
      {
        step: "save_plan",
        ownerId: MANAGER,
        dueDate: "2026-11-26",
        priority: "high",
        reason: "Health 48 (red), down 18 points in 30 days.",
      },
      {
        step: "executive",
        ownerId: MANAGER,
        dueDate: "2026-11-25",
        priority: "urgent",
        reason: "Health fell 18 points in 30 days.",
      },
    ]);
  });

  it("names every reason that holds: red, renewing and falling", () => {
    const exec = plan(account({ band: "red", score: 40, trend: -25, renewalDate: inDays(45) })).find(
      (t) => t.step === "executive",
    );
    expect(exec?.reason).toBe("Health 40 (red), renewal in 45 days, health fell 25 points in 30 days.");
  });

  it.each([
    [0, "renewal today"],
    [1, "renewal tomorrow"],
  ])("words a renewal %i days out as %s", (days, phrase) => {
    const exec = plan(account({ band: "red", score: 50, renewalDate: inDays(days) })).find(
      (t) => t.step === "executive",
    );
    expect(exec?.reason).toBe(`Health 50 (red), ${phrase}.`);
  });

  it("says how far health fell even when the band alone raised the step", () => {
    const [task] = plan(account({ band: "yellow", score: 66, trend: -9, detractor: "login_frequency" }));
    expect(task.reason).toBe("Health 66 (yellow), down 9 points in 30 days. Biggest detractor: login frequency.");
    expect(plan(account({ band: "yellow", score: 66, trend: -1 }))[0].reason).toBe(
      "Health 66 (yellow), down 1 point in 30 days.",
    );
  });

  it.each([
    ["roi_achievement", "ROI achievement"],
    ["nps_csat", "NPS / CSAT"],
  ])("names the biggest detractor %s as %s", (detractor, label) => {
    const [task] = plan(account({ band: "yellow", score: 70, detractor }));
    expect(task.reason).toBe(`Health 70 (yellow). Biggest detractor: ${label}.`);
  });

  it("hands the CSM's step to the manager when the account has no CSM, and skips what nobody can own", () => {
    expect(plan(account({ band: "yellow", score: 70, csmId: null }))[0].ownerId).toBe(MANAGER);
    expect(steps(account({ band: "red", score: 40, renewalDate: inDays(200) }), null)).toEqual([]);
    expect(steps(account({ band: "yellow", score: 70, trend: -20 }), null)).toEqual(["low_engagement.action_plan"]);
  });
});

describe("renewal preparation (the 90/60/30-day windows)", () => {
  it.each([
    [91, []],
    [90, ["initial_conversation", "value_summary"]],
    [61, ["initial_conversation", "value_summary"]],
    [60, ["proposal"]],
    [31, ["proposal"]],
    [30, ["contract"]],
    [0, ["contract"]],
    [-1, []],
  ])("%i days out opens %j", (days, expected) => {
    const renewal = plan(account({ renewalDate: inDays(days) })).filter((t) => t.ruleKey === "renewal_preparation");
    expect(renewal.map((t) => t.step)).toEqual(expected);
    expect(new Set(renewal.map((t) => t.cycle))).toEqual(new Set(expected.length ? [`renewal ${inDays(days)}`] : []));
  });

  it("gives the AE the commercial steps and the CSM the value summary, due when the next window opens", () => {
    const tasks = plan(account({ renewalDate: inDays(80) }));
    expect(tasks.map(({ step, ownerId, dueDate, reason }) => ({ step, ownerId, dueDate, reason }))).toEqual([
      { step: "initial_conversation", ownerId: AE, dueDate: inDays(20), reason: "Renewal in 80 days." },
      { step: "value_summary", ownerId: CSM, dueDate: inDays(20), reason: "Renewal in 80 days." },
    ]);
    expect(plan(account({ renewalDate: inDays(31) }))[0].dueDate).toBe(inDays(1));
    expect(plan(account({ renewalDate: inDays(10) }))[0].dueDate).toBe(inDays(10));
    expect(plan(account({ renewalDate: inDays(80), aeId: null }))[0].ownerId).toBe(MANAGER);
  });
});

describe("expansion opportunity (green plus an upsell trigger)", () => {
  it.each<[string, Partial<PlaybookFacts>, string | null]>([
    ["green alone is not enough", {}, null],
    [
      "high feature adoption",
      { featureAdoption: 0.72 },
      "Health 85 (green), no expansion deal open, feature adoption 72%.",
    ],
    [
      "an engaged executive sponsor",
      { execSponsorDays: 12 },
      "Health 85 (green), no expansion deal open, executive sponsor met 12 days ago.",
    ],
    ["promoters", { band: "purple", score: 91, nps: 60 }, "Health 91 (purple), no expansion deal open, NPS 60."],
    ["not while a deal is open", { featureAdoption: 0.9, openExpansions: 1 }, null],
    ["not when yellow", { band: "yellow", score: 75, featureAdoption: 0.9 }, null],
  ])("%s", (_case, overrides, reason) => {
    const task = plan(account(overrides)).find((t) => t.ruleKey === "expansion");
    expect(task?.reason ?? null).toBe(reason);
    if (task) expect(task).toMatchObject({ ownerId: AE, dueDate: inDays(14), rearmDays: 90 });
  });
});

describe("onboarding and the segment cadences", () => {
  const young = (segment: PlaybookFacts["segment"], day: number, extra: Partial<PlaybookFacts> = {}) =>
    account({ segment, contractStart: inDays(-day), ...extra });

  it.each<[string, PlaybookFacts, string[]]>([
    ["Enterprise, day 0", young("enterprise", 0), ["onboarding.kickoff", "enterprise_checkins.checkin"]],
    ["Enterprise, day 60", young("enterprise", 60), ["onboarding.initial_value", "enterprise_checkins.checkin"]],
    ["Enterprise, day 89", young("enterprise", 89), ["onboarding.initial_value", "enterprise_checkins.checkin"]],
    ["Enterprise, day 90", young("enterprise", 90), ["enterprise_reviews.review", "enterprise_qbr.qbr"]],
    ["Mid-Market, day 10", young("mid_market", 10), ["onboarding.kickoff"]],
    ["Mid-Market, mature", account(), ["mid_market_reviews.review"]],
    [
      "Mid-Market without a CSM",
      account({ csmId: null }),
      ["mid_market_reviews.review", "mid_market_shared_csm.assign_csm"],
    ],
    [
      "SMB, day 5",
      young("smb", 5),
      ["onboarding.kickoff", "onboarding.welcome_email", "smb_tech_touch.monthly_tips", "smb_webinars.webinar_invite"],
    ],
    ["SMB, mature", account({ segment: "smb" }), ["smb_tech_touch.monthly_tips", "smb_webinars.webinar_invite"]],
  ])("%s", (_case, facts, expected) => {
    expect(steps(facts, MANAGER, DEFAULT_PLAYBOOKS)).toEqual(expected);
  });

  it("keys each occurrence: the contract, the week, the month, the quarter, the half-year", () => {
    const cycles = Object.fromEntries(
      plan(young("enterprise", 3), MANAGER, DEFAULT_PLAYBOOKS).map((t) => [`${t.ruleKey}.${t.step}`, t.cycle] as const),
    );
    expect(cycles).toEqual({
      "onboarding.kickoff": `contract ${inDays(-3)}`,
      "enterprise_checkins.checkin": "week of 2026-11-23",
    });
    const smb = plan(account({ segment: "smb" }), MANAGER, DEFAULT_PLAYBOOKS);
    expect(smb.map((t) => [t.type, t.cycle, t.subject])).toEqual([
      ["email", "2026-11", "This month's tips from your success team"],
      ["email", "2026-Q4", "You're invited: this quarter's customer webinar"],
    ]);
    expect(plan(account(), MANAGER, DEFAULT_PLAYBOOKS)[0]).toMatchObject({
      cycle: "2026-H2",
      reason: "Mid-Market account, day 400 since the contract started.",
    });
  });

  it.each([
    ["weekly", "2026-11-29", "week of 2026-11-23"],
    ["weekly", "2026-11-30", "week of 2026-11-30"],
    ["weekly", "2028-02-29", "week of 2028-02-28"],
    ["weekly", "2027-01-01", "week of 2026-12-28"],
    ["monthly", "2026-12-31", "2026-12"],
    ["quarterly", "2027-03-31", "2027-Q1"],
    ["quarterly", "2027-04-01", "2027-Q2"],
    ["semiannual", "2026-06-30", "2026-H1"],
    ["semiannual", "2026-07-01", "2026-H2"],
  ] as const)("a %s period of %s is %s", (cadence, day, period) => {
    expect(periodOf(cadence, day)).toBe(period);
  });

  it("skips a disabled rule", () => {
    const rules: PlaybookRule[] = SUCCESS.map((r) => ({ ...r, enabled: r.key !== "low_engagement" }));
    expect(plan(account({ band: "yellow", score: 70 }), MANAGER, rules)).toEqual([]);
  });
});

describe("describeConditions", () => {
  it("reads a rule's conditions as a sentence", () => {
    const churn = DEFAULT_PLAYBOOKS.find((r) => r.key === "churn_prevention");
    expect(describeConditions(churn?.conditions ?? [])).toBe(
      "band is red and days to renewal ≥ 0 and days to renewal ≤ 90; or 30-day health change ≤ -15; or renewal forecast is at risk",
    );
    expect(describeConditions([])).toBe("Always");
  });
});

describe("playbookManager", () => {
  const user = (id: number, role: string, active = true) => ({ id, role, active });

  it.each([
    ["the first active manager by id", [user(1, "admin"), user(9, "manager"), user(4, "manager")], 4],
    ["skipping a deactivated manager", [user(4, "manager", false), user(9, "manager"), user(1, "admin")], 9],
    [
      "an admin when there is no active manager",
      [user(4, "manager", false), user(6, "admin"), user(3, "admin"), user(2, "csm")],
      3,
    ],
    ["nobody when there is neither", [user(2, "csm"), user(5, "admin", false)], null],
  ])("picks %s", (_case, users, expected) => {
    expect(playbookManager(users)).toBe(expected);
  });
});

describe("longestRearm", () => {
  const step = (cycle: string | null, rearmDays: number): PlannedStep => ({
    ruleKey: "r",
    step: "s",
    type: "task",
    cycle,
    title: "t",
    description: "",
    reason: "",
    ownerId: CSM,
    dueDate: asOf,
    priority: "normal",
    rearmDays,
  });

  it("is the longest re-arm period of the state steps, ignoring occurrence steps", () => {
    expect(longestRearm([])).toBe(0);
    expect(longestRearm([step(null, 14), step("2027-01-01", 90), step(null, 30)])).toBe(30);
  });

  it("handles a daily run over 200,000 accounts (a spread of that many arguments overflows the stack)", () => {
    const steps = Array.from({ length: 250_000 }, (_, i) => step(null, i % 45));
    expect(longestRearm(steps)).toBe(44);
  });
});
