import { describe, expect, it } from "vitest";
import {
  accessTurnedOffDue,
  accountStatusLabel,
  churnReasonLabel,
  isChurnReason,
  itemBlocker,
  itemOwner,
  newContractProblem,
  offboardingProgress,
  planOffboarding,
  reasonsToCirculate,
  terminationProblem,
} from "@/lib/domain/offboarding";

const today = "2026-11-23";

describe("churn-reason taxonomy", () => {
  it("knows its eight keys and labels, and shows older free-text reasons as they are", () => {
    expect(
      [
        "product_gap",
        "no_value",
        "budget",
        "champion_left",
        "acquired",
        "competitor",
        "out_of_business",
        "other",
      ].every(isChurnReason),
    ).toBe(true);
    expect(isChurnReason("Budget")).toBe(false);
    expect(churnReasonLabel("no_value")).toBe("No value realised");
    expect(churnReasonLabel("acquired")).toBe("Acquired / merged");
    expect(churnReasonLabel("Budget cuts")).toBe("Budget cuts");
  });
});

describe("planOffboarding", () => {
  it("gives every SPEC §4 item an owner and a due date counted from the start", () => {
    expect(planOffboarding(today, { csmId: 1, aeId: 2, managerId: 3 })).toEqual([
      {
        key: "access_off_date_agreed",
        title: "Access-off date agreed with finance and legal",
        ownerId: 2,
        dueDate: "2026-11-30",
      },
      { key: "access_turned_off", title: "Access turned off on the agreed date", ownerId: 1, dueDate: "2026-12-23" },
      { key: "systems_updated", title: "CRM and CS systems updated", ownerId: 1, dueDate: "2026-11-30" },
      { key: "removed_from_lists", title: "Removed from customer email lists", ownerId: 1, dueDate: "2026-11-30" },
      { key: "churn_reasons_captured", title: "Churn reasons captured", ownerId: 1, dueDate: "2026-11-30" },
      { key: "exit_interview", title: "Exit interview held", ownerId: 1, dueDate: "2026-12-07" },
      {
        key: "reasons_circulated",
        title: "Churn reasons circulated to product, sales and CS",
        ownerId: 3,
        dueDate: "2026-12-14",
      },
      {
        key: "win_back_list",
        title: "Added to the former-customer list for win-back",
        ownerId: 2,
        dueDate: "2026-12-23",
      },
    ]);
  });

  it.each([
    ["ae", { csmId: 1, aeId: null, managerId: 3 }, 1],
    ["ae", { csmId: null, aeId: null, managerId: 3 }, 3],
    ["manager", { csmId: 1, aeId: 2, managerId: null }, 1],
    ["csm", { csmId: null, aeId: 2, managerId: 3 }, 3],
    ["csm", { csmId: null, aeId: null, managerId: null }, null],
  ] as const)("an item owned by the %s falls back to the CSM, then the manager (%o → %s)", (role, owners, expected) => {
    expect(itemOwner(role, owners)).toBe(expected);
  });

  it("dates 'access turned off' on the agreed access-off date once there is one", () => {
    expect(accessTurnedOffDue(today, null)).toBe("2026-12-23");
    expect(accessTurnedOffDue(today, "2026-12-01")).toBe("2026-12-01");
  });
});

describe("itemBlocker", () => {
  const none = { accessOffDate: null, churnReasons: [] };
  it("needs the fact an item records", () => {
    expect(itemBlocker("access_off_date_agreed", none, today)).toBe("Set the access-off date first.");
    expect(itemBlocker("access_off_date_agreed", { ...none, accessOffDate: "2026-12-31" }, today)).toBeNull();
    expect(itemBlocker("access_turned_off", none, today)).toBe("Set the access-off date first.");
    expect(itemBlocker("access_turned_off", { ...none, accessOffDate: "2026-11-24" }, today)).toBe(
      "Access goes off on 2026-11-24, not before.",
    );
    expect(itemBlocker("access_turned_off", { ...none, accessOffDate: today }, today)).toBeNull();
    expect(itemBlocker("churn_reasons_captured", none, today)).toBe("Pick at least one churn reason first.");
    expect(itemBlocker("reasons_circulated", { ...none, churnReasons: ["budget"] }, today)).toBeNull();
    expect(itemBlocker("exit_interview", none, today)).toBeNull();
    expect(itemBlocker("systems_updated", none, today)).toBeNull();
  });
});

describe("progress and status", () => {
  it("counts done and overdue items; complete only when every item is done", () => {
    const items = [
      { dueDate: "2026-11-22", done: false },
      { dueDate: "2026-11-23", done: false },
      { dueDate: "2026-11-01", done: true },
    ];
    expect(offboardingProgress(items, today)).toEqual({ done: 1, total: 3, overdue: 1, complete: false });
    expect(
      offboardingProgress(
        items.map((i) => ({ ...i, done: true })),
        today,
      ),
    ).toEqual({ done: 3, total: 3, overdue: 0, complete: true });
    expect(offboardingProgress([], today).complete).toBe(false);
  });

  it("reads Offboarding while the checklist is open and Churned after", () => {
    expect(accountStatusLabel("active", null)).toBe("Active");
    expect(accountStatusLabel("active", { completed: false })).toBe("Active");
    expect(accountStatusLabel("churned", { completed: false })).toBe("Offboarding");
    expect(accountStatusLabel("churned", { completed: true })).toBe("Churned");
    expect(accountStatusLabel("churned", null)).toBe("Churned");
  });

  it("circulates each reason once", () => {
    expect(reasonsToCirculate(["Budget", "Product gap", "Budget"], ["Budget"])).toEqual(["Product gap"]);
    expect(reasonsToCirculate(["Budget"], ["Budget"])).toEqual([]);
  });
});

describe("termination and win-back dates", () => {
  it("refuses a termination before the contract started", () => {
    expect(terminationProblem("2026-01-01", "2025-12-31")).toBe(
      "The contract started on 2026-01-01; the termination cannot be earlier.",
    );
    expect(terminationProblem("2026-01-01", "2026-01-01")).toBeNull();
  });

  it("needs a renewal after the start, and a start on or after the churn", () => {
    expect(newContractProblem({ contractStart: "2026-12-01", renewalDate: "2026-12-01" }, null)).toEqual({
      path: "renewalDate",
      message: "The renewal date must come after the contract start.",
    });
    expect(newContractProblem({ contractStart: "2026-10-01", renewalDate: "2027-10-01" }, "2026-11-01")).toEqual({
      path: "contractStart",
      message: "The new contract cannot start before the churn on 2026-11-01.",
    });
    expect(newContractProblem({ contractStart: "2026-11-01", renewalDate: "2027-11-01" }, "2026-11-01")).toBeNull();
  });
});
