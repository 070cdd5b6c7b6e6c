import { describe, expect, it } from "vitest";
import { escalationManager, escalationsFor, type EscalationState } from "@/lib/domain/escalation";

const asOf = "2026-11-23";
const CSM = 7;
const MANAGER = 2;

/** A healthy active account with a CSM, renewing in a year; each case overrides what it tests. */
const account = (overrides: Partial<EscalationState>): EscalationState => ({
  band: "green",
  score: 85,
  insufficientData: false,
  trend: 0,
  daysToRenewal: 365,
  csmId: CSM,
  status: "active",
  detractor: null,
  ...overrides,
});

const kinds = (state: EscalationState, managerId: number | null = MANAGER) =>
  escalationsFor(state, { asOf, managerId }).map((t) => t.kind);

describe("escalationsFor: which steps an account needs", () => {
  it.each<[string, Partial<EscalationState>, string[]]>([
    ["green", {}, []],
    ["purple counts as green", { band: "purple", score: 92 }, []],
    ["yellow", { band: "yellow", score: 68 }, ["low_engagement_yellow"]],
    ["red, renewal far off", { band: "red", score: 48 }, ["low_engagement_red"]],
    [
      "red, renewal in exactly 90 days",
      { band: "red", score: 48, daysToRenewal: 90 },
      ["low_engagement_red", "churn_prevention_exec"],
    ],
    ["red, renewal in 91 days", { band: "red", score: 48, daysToRenewal: 91 }, ["low_engagement_red"]],
    [
      "red, renewal today",
      { band: "red", score: 48, daysToRenewal: 0 },
      ["low_engagement_red", "churn_prevention_exec"],
    ],
    ["red, renewal date already passed", { band: "red", score: 48, daysToRenewal: -1 }, ["low_engagement_red"]],
    [
      "yellow renewing soon is not a churn risk by itself",
      { band: "yellow", score: 65, daysToRenewal: 30 },
      ["low_engagement_yellow"],
    ],
    [
      "yellow, dropped exactly 15 points",
      { band: "yellow", score: 64, trend: -15 },
      ["low_engagement_yellow", "churn_prevention_exec"],
    ],
    ["yellow, dropped 14 points", { band: "yellow", score: 64, trend: -14 }, ["low_engagement_yellow"]],
    ["green after a 20-point drop", { band: "green", score: 80, trend: -20 }, ["churn_prevention_exec"]],
    ["purple after a 15-point drop", { band: "purple", score: 84, trend: -15 }, ["churn_prevention_exec"]],
    ["no 30-day history", { band: "yellow", score: 70, trend: null }, ["low_engagement_yellow"]],
    [
      "red, renewing and falling: every rung at once",
      { band: "red", score: 40, trend: -25, daysToRenewal: 45 },
      ["low_engagement_red", "churn_prevention_exec"],
    ],
    ["insufficient data", { band: "red", score: 30, insufficientData: true, daysToRenewal: 10 }, []],
    ["not scored", { band: null, score: null, trend: null }, []],
    ["churned", { band: "red", score: 20, status: "churned", daysToRenewal: 10 }, []],
  ])("%s", (_case, overrides, expected) => {
    expect(kinds(account(overrides))).toEqual(expected);
  });
});

describe("escalationsFor: owners, due dates, priorities and wording", () => {
  it("gives the CSM a normal action plan due in a week", () => {
    const [task] = escalationsFor(account({ band: "yellow", score: 68, detractor: "login_frequency" }), {
      asOf,
      managerId: MANAGER,
    });
    expect(task).toEqual({
      kind: "low_engagement_yellow",
      title: "CSM action plan",
      description: expect.stringMatching(/^Score 68 \(yellow\)\. Biggest detractor: login frequency\. /),
      ownerId: CSM,
      dueDate: "2026-11-30",
      priority: "normal",
    });
  });

  it("gives the manager a high save plan in 3 days and urgent executive involvement in 2, saying why", () => {
    const tasks = escalationsFor(account({ band: "red", score: 48, trend: -18, daysToRenewal: 45 }), {
      asOf,
      managerId: MANAGER,
    });
    expect(tasks.map(({ kind, ownerId, dueDate, priority }) => ({ kind, ownerId, dueDate, priority }))).toEqual([
      { kind: "low_engagement_red", ownerId: MANAGER, dueDate: "2026-11-26", priority: "high" },
      { kind: "churn_prevention_exec", ownerId: MANAGER, dueDate: "2026-11-25", priority: "urgent" },
    ]);
    expect(tasks[0].title).toBe("Manager save plan");
    expect(tasks[0].description).toMatch(/^Score 48 \(red\)\. /);
    expect(tasks[1].title).toBe("Executive involvement");
    expect(tasks[1].description).toMatch(/^Score 48 \(red\), down 18 points in 30 days, renewal in 45 days\. /);
  });

  it.each([
    [0, "renewal today"],
    [1, "renewal tomorrow"],
  ])("words a renewal %i days out as %s", (days, phrase) => {
    const exec = escalationsFor(account({ band: "red", score: 50, daysToRenewal: days }), {
      asOf,
      managerId: MANAGER,
    })[1];
    expect(exec.description).toContain(`, ${phrase}.`);
  });

  it.each([
    ["login_frequency", "login frequency"],
    ["roi_achievement", "ROI achievement"],
    ["nps_csat", "NPS / CSAT"],
  ])("names the biggest detractor %s as %s", (detractor, label) => {
    const [task] = escalationsFor(account({ band: "yellow", score: 70, detractor }), { asOf, managerId: MANAGER });
    expect(task.description).toContain(`Biggest detractor: ${label}.`);
  });

  it("hands the CSM's step to the manager when the account has no CSM", () => {
    expect(
      escalationsFor(account({ band: "yellow", score: 70, csmId: null }), { asOf, managerId: MANAGER })[0].ownerId,
    ).toBe(MANAGER);
  });

  it("raises only the CSM's step when nobody can own manager steps", () => {
    expect(kinds(account({ band: "red", score: 40, daysToRenewal: 30 }), null)).toEqual([]);
    expect(kinds(account({ band: "yellow", score: 70, trend: -20 }), null)).toEqual(["low_engagement_yellow"]);
    expect(kinds(account({ band: "yellow", score: 70, csmId: null }), null)).toEqual([]);
  });
});

describe("escalationManager", () => {
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
    expect(escalationManager(users)).toBe(expected);
  });
});
