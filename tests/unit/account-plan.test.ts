import { describe, expect, it } from "vitest";
import { EMPTY_PLAN, changeSummary, changedSections, type PlanContent } from "@/lib/domain/account-plan";

const plan: PlanContent = {
  impact: "Saves 2 FTE: $180,000 a year",
  criticalEvent: { date: "2027-03-31", reason: "Audit deadline" },
  decisionProcess: "CFO signs above $50k",
  stakeholders: [{ name: "Dana", role: "CFO", influence: "high", whatMatters: "Cost" }],
  risks: [{ description: "Champion leaving", mitigation: null }],
  nextSteps: [{ action: "Send ROI", owner: "Sam", dueDate: "2027-01-15" }],
};

describe("changedSections", () => {
  it("finds nothing between equal plans, whatever their key order", () => {
    const reordered = {
      ...plan,
      criticalEvent: { reason: "Audit deadline", date: "2027-03-31" },
      stakeholders: [{ whatMatters: "Cost", influence: "high", role: "CFO", name: "Dana" }],
    };
    expect(changedSections(plan, reordered)).toEqual([]);
    expect(changeSummary(plan, reordered)).toBeNull();
  });

  it("names each changed section once, in page order", () => {
    const after = {
      ...plan,
      nextSteps: [],
      impact: "Saves 3 FTE",
      stakeholders: [...plan.stakeholders, { name: "Lee", role: "IT", influence: "low", whatMatters: null }],
    };
    expect(changedSections(plan, after)).toEqual(["impact", "stakeholders", "nextSteps"]);
    expect(changeSummary(plan, after)).toBe("Changed impact, stakeholders, next steps");
  });

  it("sees a changed row inside a list and a cleared critical event", () => {
    const after = {
      ...plan,
      criticalEvent: null,
      risks: [{ description: "Champion leaving", mitigation: "Meet the new VP" }],
    };
    expect(changedSections(plan, after)).toEqual(["criticalEvent", "risks"]);
  });

  it("reads a first save against an empty plan", () => {
    expect(changedSections(null, plan)).toEqual([
      "impact",
      "criticalEvent",
      "decisionProcess",
      "stakeholders",
      "risks",
      "nextSteps",
    ]);
    expect(changeSummary(null, { ...EMPTY_PLAN, impact: "x" })).toBe("Created with impact");
    expect(changeSummary(null, EMPTY_PLAN)).toBe("Created");
  });
});
