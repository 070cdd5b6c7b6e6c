import { describe, expect, test } from "vitest";
import { scoreHealth, type HealthInputs } from "@/lib/domain/health";
import { restoreHealthResult, toStoredHealth } from "@/lib/domain/health-snapshot";

const ACCOUNT: HealthInputs = {
  segment: "enterprise", seats: 10, arr: 100_000, daysSinceContractStart: 400, hasUsage: true,
  purchasedFeatureCount: 4, logins: 90, activeUsers: 150, sessions: 100, sessionMinutes: 1_100,
  workflowsStarted: 20, workflowsCompleted: 12, meanFeatureDepth: 0.3, featuresAdopted: 2,
  latestDataQuality: 0.77, integrations: 2, tickets: 1, daysSinceExecSponsorTouch: 45,
  attendedReviews: 3, npsResponses: 10, npsPromoters: 5, npsDetractors: 2, csatResponses: 4,
  csatSum: 16, outcomesDue: 4, outcomesAchieved: 3, renewalForecast: "likely",
  openExpansionArr: 10_000, referenceWilling: false,
};

describe("stored health snapshots", () => {
  test.each<[string, Partial<HealthInputs>]>([
    ["an account with every measure", {}],
    ["an SMB account without usage, sponsor or surveys", { segment: "smb", hasUsage: false, daysSinceExecSponsorTouch: null, npsResponses: 0, csatResponses: 0, csatSum: 0, latestDataQuality: null }],
    ["an account with insufficient data", { daysSinceContractStart: 5, hasUsage: false }],
  ])("%s reads back exactly as computed", (_name, patch) => {
    const result = scoreHealth({ ...ACCOUNT, ...patch });
    const stored = JSON.parse(JSON.stringify(toStoredHealth(result)));
    expect(restoreHealthResult(stored)).toEqual(result);
  });

  test("is several times smaller than the full explanation", () => {
    const result = scoreHealth(ACCOUNT);
    expect(JSON.stringify(toStoredHealth(result)).length * 2).toBeLessThan(JSON.stringify(result).length);
  });

  test("snapshots written in the earlier full format read back unchanged", () => {
    const result = scoreHealth(ACCOUNT);
    expect(restoreHealthResult(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });
});
