import { describe, expect, it } from "vitest";
import { weightsLine } from "@/components/accounts/account-page/health-explanation";
import { scoreHealth, type HealthInputs } from "@/lib/domain/health";
import { DEFAULT_HEALTH_MODEL } from "@/lib/domain/health-model";

const INPUTS: HealthInputs = {
  segment: "enterprise", seats: 10, arr: 100_000, daysSinceContractStart: 400, hasUsage: true,
  purchasedFeatureCount: 4, logins: 90, activeUsers: 150, sessions: 100, sessionMinutes: 1_100,
  workflowsStarted: 20, workflowsCompleted: 12, meanFeatureDepth: 0.3, featuresAdopted: 2,
  latestDataQuality: 0.77, integrations: 2, tickets: 1, daysSinceExecSponsorTouch: 45,
  attendedReviews: 3, npsResponses: 10, npsPromoters: 5, npsDetractors: 2, csatResponses: 4,
  csatSum: 16, outcomesDue: 4, outcomesAchieved: 3, renewalForecast: "likely",
  openExpansionArr: 10_000, referenceWilling: false,
};

describe("the account page's score explanation", () => {
  it("names the weights of the default model", () => {
    expect(weightsLine(scoreHealth(INPUTS))).toBe("Engagement 40 · product 30 · relationship 20 · business 10");
  });

  it("names the weights of the model that produced the score, not fixed ones", () => {
    const model = { ...DEFAULT_HEALTH_MODEL, weights: { engagement: 25, product: 25, relationship: 30, business: 20 } };
    expect(weightsLine(scoreHealth(INPUTS, model))).toBe("Engagement 25 · product 25 · relationship 30 · business 20");
  });
});
