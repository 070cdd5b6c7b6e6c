import { describe, expect, it } from "vitest";
import { milestoneStatus, onboardingPlan, STUCK_AFTER_DAYS } from "@/lib/domain/onboarding";

describe("milestoneStatus", () => {
  const base = { dueDate: "2027-01-29", completedAt: null, openItemDueDates: [] as string[] };
  it.each([
    ["reached, even late", { ...base, completedAt: "2027-03-01", today: "2027-03-05" }, "done"],
    ["not due, nothing overdue", { ...base, today: "2027-01-20" }, "on_track"],
    ["due today", { ...base, today: "2027-01-29" }, "on_track"],
    ["a preparing item is overdue", { ...base, openItemDueDates: ["2027-01-15"], today: "2027-01-16" }, "behind"],
    ["a preparing item is due today", { ...base, openItemDueDates: ["2027-01-16"], today: "2027-01-16" }, "on_track"],
    ["one day past due", { ...base, today: "2027-01-30" }, "behind"],
    [`${STUCK_AFTER_DAYS} days past due`, { ...base, today: "2027-02-12" }, "behind"],
    [`${STUCK_AFTER_DAYS + 1} days past due`, { ...base, today: "2027-02-13" }, "stuck"],
  ] as const)("%s", (_label, input, expected) => {
    expect(milestoneStatus(input)).toBe(expected);
  });
});

describe("onboardingPlan", () => {
  it("derives every due date from the contract start and puts a milestone behind while its items are overdue", () => {
    const plan = onboardingPlan("2027-01-01", { milestones: [], checklist: [] }, "2027-01-16");
    expect(plan.checklist.map((i) => [i.key, i.dueDate])).toEqual([
      ["welcome_kickoff", "2027-01-04"],
      ["implementation_plan", "2027-01-08"],
      ["quick_wins", "2027-01-15"],
      ["training_schedule", "2027-01-22"],
      ["success_metrics", "2027-01-31"],
    ]);
    expect(plan.milestones.map((m) => [m.key, m.dueDate, m.status])).toEqual([
      ["technical_setup", "2027-01-08", "behind"],
      ["active", "2027-01-29", "behind"],
      ["initial_value", "2027-02-26", "on_track"],
      ["full_speed", "2027-03-12", "on_track"],
      ["achievement", "2027-12-31", "on_track"],
    ]);
    expect(plan.progress).toBe(0);
  });

  it("ticking the overdue item puts the milestone back on track; stored milestones keep their dates", () => {
    const plan = onboardingPlan(
      "2027-01-01",
      {
        checklist: [
          { key: "quick_wins", doneAt: "2027-01-14" },
          { key: "welcome_kickoff", doneAt: null },
        ],
        milestones: [
          {
            key: "technical_setup",
            dueDate: "2027-01-10",
            completedAt: "2027-01-09",
            ownerId: 4,
            challenges: "Subdomain takes time",
            issues: null,
          },
        ],
      },
      "2027-01-16",
    );
    expect(plan.milestones[0]).toMatchObject({ dueDate: "2027-01-10", status: "done", ownerId: 4 });
    expect(plan.milestones[1].status).toBe("on_track");
    expect(plan.checklist.find((i) => i.key === "quick_wins")).toMatchObject({ done: true, doneAt: "2027-01-14" });
    expect(plan.progress).toBe(0.2);
  });
});
