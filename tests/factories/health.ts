import type { HealthInputs } from "@/lib/domain/health";

/**
 * An account with every health measure present, each between floor and target: the starting
 * point for health fixtures (tests/unit/health.test.ts computes its score by hand: 65).
 */
export const FULL_HEALTH_INPUTS: HealthInputs = {
  segment: "enterprise",
  seats: 10,
  arr: 100_000,
  daysSinceContractStart: 400,
  hasUsage: true,
  purchasedFeatureCount: 4,
  logins: 90,
  activeUsers: 150,
  sessions: 100,
  sessionMinutes: 1_100,
  workflowsStarted: 20,
  workflowsCompleted: 12,
  meanFeatureDepth: 0.3,
  featuresAdopted: 2,
  latestDataQuality: 0.77,
  integrations: 2,
  tickets: 1,
  daysSinceExecSponsorTouch: 45,
  attendedReviews: 3,
  npsResponses: 10,
  npsPromoters: 5,
  npsDetractors: 2,
  csatResponses: 4,
  csatSum: 16,
  outcomesDue: 4,
  outcomesAchieved: 3,
  renewalForecast: "likely",
  openExpansionArr: 10_000,
  referenceWilling: false,
};
