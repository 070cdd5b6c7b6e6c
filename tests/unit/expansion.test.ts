import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import {
  conversionRate,
  inBudgetSeason,
  isExpansionReady,
  nextFiscalYearStart,
  resolveStage,
  stageTotals,
  upsellTriggers,
  type TriggerSignals,
} from "@/lib/domain/expansion";

const today = "2026-11-23";
const none: TriggerSignals = {
  healthScore: null,
  adoptionAtTarget: false,
  execTouchedOn: null,
  promoterOn: null,
  fiscalYearStartMonth: null,
};

describe("upsellTriggers", () => {
  it("fires on health strictly above 80", () => {
    expect(upsellTriggers({ ...none, healthScore: 80 }, today)).toEqual([]);
    expect(upsellTriggers({ ...none, healthScore: 81 }, today)).toEqual(["health"]);
  });

  it("counts an executive touch within 90 days and a promoter answer within 180, not older or later", () => {
    expect(upsellTriggers({ ...none, execTouchedOn: addDays(today, -89) }, today)).toEqual(["executive"]);
    expect(upsellTriggers({ ...none, execTouchedOn: addDays(today, -90) }, today)).toEqual([]);
    expect(upsellTriggers({ ...none, execTouchedOn: addDays(today, 1) }, today)).toEqual([]);
    expect(upsellTriggers({ ...none, promoterOn: addDays(today, -179) }, today)).toEqual(["promoter"]);
    expect(upsellTriggers({ ...none, promoterOn: addDays(today, -180) }, today)).toEqual([]);
  });

  it("lists every trigger met, in order", () => {
    const all: TriggerSignals = {
      healthScore: 92,
      adoptionAtTarget: true,
      execTouchedOn: today,
      promoterOn: today,
      fiscalYearStartMonth: 1,
    };
    expect(upsellTriggers(all, today)).toEqual(["health", "adoption", "executive", "promoter", "budget_season"]);
  });
});

describe("budget season", () => {
  it("is the 90 days before the fiscal year starts", () => {
    expect(nextFiscalYearStart("2026-11-23", 1)).toBe("2027-01-01");
    expect(nextFiscalYearStart("2026-11-23", 12)).toBe("2026-12-01");
    expect(nextFiscalYearStart("2026-12-01", 12)).toBe("2027-12-01");
    // 2027-01-01 is 39 days after 2026-11-23; 2027-04-01 is 129 days after.
    expect(inBudgetSeason("2026-11-23", 1)).toBe(true);
    expect(inBudgetSeason("2026-11-23", 4)).toBe(false);
    expect(inBudgetSeason("2027-01-01", 4)).toBe(true); // exactly 90 days before 1 April
    expect(inBudgetSeason("2026-12-31", 4)).toBe(false); // 91 days before
    expect(inBudgetSeason("2027-04-01", 4)).toBe(false); // the start day itself
    expect(inBudgetSeason(today, null)).toBe(false);
  });

  it("works across a leap day", () => {
    expect(nextFiscalYearStart("2028-02-29", 3)).toBe("2028-03-01");
    expect(inBudgetSeason("2028-02-29", 3)).toBe(true);
  });
});

describe("isExpansionReady", () => {
  it("needs health above 80 and one more trigger", () => {
    expect(isExpansionReady(["health"])).toBe(false);
    expect(isExpansionReady(["adoption", "promoter"])).toBe(false);
    expect(isExpansionReady(["health", "budget_season"])).toBe(true);
  });
});

describe("resolveStage", () => {
  it.each([
    [{ stage: "proposal" as const }, null, "proposal"],
    [{ stage: "won" as const, status: "won" as const }, "negotiation" as const, "won"],
    [{ stage: "won" as const, status: "open" as const }, null, null],
    [{ status: "won" as const }, "proposal" as const, "won"],
    [{ status: "open" as const }, "proposal" as const, "proposal"],
    [{ status: "open" as const }, "lost" as const, "identified"],
    [{ status: "open" as const }, null, "identified"],
  ])("%o from %s is %s", (input, current, expected) => {
    expect(resolveStage(input, current)).toBe(expected);
  });
});

describe("pipeline figures", () => {
  it("totals each stage to the cent", () => {
    const totals = stageTotals([
      { stage: "proposal", arr: 0.1 },
      { stage: "proposal", arr: 0.2 },
      { stage: "won", arr: 12_000 },
    ]);
    expect(totals.find((t) => t.stage === "proposal")).toEqual({ stage: "proposal", deals: 2, arr: 0.3 });
    expect(totals.find((t) => t.stage === "identified")).toEqual({ stage: "identified", deals: 0, arr: 0 });
    expect(totals.map((t) => t.stage)).toEqual(["identified", "planning", "proposal", "negotiation", "won", "lost"]);
  });

  it("converts won / closed", () => {
    expect(conversionRate(1, 3)).toBe(0.25);
    expect(conversionRate(0, 0)).toBeNull();
  });
});
