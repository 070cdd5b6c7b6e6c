// Lifecycle stages (SPEC §4) at every boundary, and time in stage from hand-counted stays.
import { describe, expect, test } from "vitest";
import { deriveLifecycleStage, effectiveStage, timeInStage, type LifecycleFacts } from "@/lib/domain/lifecycle";

// Contract start Aug 31 so calendar months clamp: +6 months = Feb 28, +12 months = Aug 31.
const base: LifecycleFacts = {
  contractStart: "2025-08-31",
  renewalDate: "2027-08-31",
  churnedAt: null,
  hasOpenExpansion: false,
};

describe("deriveLifecycleStage", () => {
  test.each([
    ["2025-08-01", "onboarding", "before the contract starts"],
    ["2025-08-31", "onboarding", "day 0"],
    ["2025-11-29", "onboarding", "day 90 (Sep 30 = +30, Oct 30 = +60, Nov 29 = +90)"],
    ["2025-11-30", "adoption", "day 91"],
    ["2026-02-27", "adoption", "the day before 6 months"],
    ["2026-02-28", "value_realization", "6 calendar months (Aug 31 + 6 months clamps to Feb 28)"],
    ["2026-08-30", "value_realization", "the day before 12 months"],
    ["2026-08-31", "expansion", "12 months: mature"],
  ] as const)("%s → %s (%s)", (asOf, stage, _why) => {
    expect(deriveLifecycleStage(base, asOf)).toBe(stage);
  });

  const renewing = { ...base, renewalDate: "2026-06-30" };
  test.each([
    ["2026-03-31", "value_realization", "91 days before the renewal"],
    ["2026-04-01", "renewal", "90 days before (Apr 1 → May 1 = 30, → Jun 1 = 61, → Jun 30 = 90)"],
    ["2026-06-30", "renewal", "the renewal date"],
    ["2026-07-15", "renewal", "an overdue renewal is still in renewal"],
  ] as const)("renewal on 2026-06-30: %s → %s (%s)", (asOf, stage, _why) => {
    expect(deriveLifecycleStage(renewing, asOf)).toBe(stage);
  });

  test("an open expansion opportunity makes it expansion, at any age", () => {
    expect(deriveLifecycleStage({ ...base, hasOpenExpansion: true }, "2025-09-10")).toBe("expansion");
  });

  test("renewal wins over an open expansion opportunity", () => {
    expect(deriveLifecycleStage({ ...renewing, hasOpenExpansion: true }, "2026-05-01")).toBe("renewal");
  });

  test("churned from the churn day on, over everything", () => {
    const churning = { ...renewing, churnedAt: "2026-06-30", hasOpenExpansion: true };
    expect(deriveLifecycleStage(churning, "2026-06-29")).toBe("renewal");
    expect(deriveLifecycleStage(churning, "2026-06-30")).toBe("churned");
  });

  test("a manual stage wins over the derived one", () => {
    expect(effectiveStage("adoption", "expansion")).toBe("expansion");
    expect(effectiveStage("adoption", null)).toBe("adoption");
  });
});

describe("timeInStage", () => {
  test("median and mean of completed stays; stays under way are left out", () => {
    const result = timeInStage([
      // Account 1: onboarding 90 days (Jan 1 → Apr 1 = 31 + 28 + 31), adoption 91 (Apr 1 → Jul 1), then value realization (ongoing).
      { accountId: 1, toStage: "adoption", changedAt: "2026-04-01" },
      { accountId: 1, toStage: "onboarding", changedAt: "2026-01-01" },
      { accountId: 1, toStage: "value_realization", changedAt: "2026-07-01" },
      // Account 2: onboarding 60 days (Jan 1 → Mar 2), adoption 10 (→ Mar 12), expansion ongoing.
      { accountId: 2, toStage: "onboarding", changedAt: "2026-01-01" },
      { accountId: 2, toStage: "adoption", changedAt: "2026-03-02" },
      { accountId: 2, toStage: "expansion", changedAt: "2026-03-12" },
      // Account 3: onboarding 10 days, then churned.
      { accountId: 3, toStage: "onboarding", changedAt: "2026-01-01" },
      { accountId: 3, toStage: "churned", changedAt: "2026-01-11" },
    ]);
    const by = Object.fromEntries(result.map((r) => [r.stage, r]));
    // Onboarding stays 10, 60, 90: median 60, mean 160 / 3 = 53.33 → 53.3.
    expect(by.onboarding).toEqual({ stage: "onboarding", stays: 3, medianDays: 60, meanDays: 53.3 });
    // Adoption stays 10 and 91: median (10 + 91) / 2 = 50.5, mean 50.5.
    expect(by.adoption).toEqual({ stage: "adoption", stays: 2, medianDays: 50.5, meanDays: 50.5 });
    expect(by.value_realization).toEqual({ stage: "value_realization", stays: 0, medianDays: null, meanDays: null });
    expect(by.expansion.stays).toBe(0);
    expect(result.map((r) => r.stage)).toEqual([
      "onboarding",
      "adoption",
      "value_realization",
      "expansion",
      "renewal",
      "churned",
    ]);
  });

  test("no changes: no figures", () => {
    expect(timeInStage([]).every((r) => r.stays === 0 && r.medianDays === null)).toBe(true);
  });
});
