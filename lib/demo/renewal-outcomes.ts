// The generative model behind the demo's past renewal outcomes (docs/health-backtest-demo.md),
// so the Score quality page shows a meaningful backtest on day one. SYNTHETIC: these
// coefficients were chosen by hand to look plausible; they are not evidence about real customers.
//
// A past renewal that did not expand is lost (downgraded) with probability
//   p = σ(−3.2 + 2.6·(1 − engagement) + 1.0·[no executive sponsor] + 1.5·detractor share + 0.6·(1 − ROI))
// where engagement is the mean of the account's active-user, session-length and feature-depth
// levels (0 = at the measure's floor, 1 = at its target, clamped), the detractor share is the
// share of NPS answers the relationship generator draws as 0–6 for the account's survey level,
// and ROI its success-plan level. The same levels drive the usage, relationship and success
// records the health score reads, so the score "knows" what the outcome depends on — through
// noisy, sampled data, as a real score would.
import type { AccountPlan } from "./account-plan";

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const LOSS_MODEL = {
  intercept: -3.2,
  lowEngagement: 2.6,
  noExecSponsor: 1.0,
  detractorShare: 1.5,
  lowRoi: 0.6,
} as const;

/** Share of NPS answers that are detractors (0–6) at a survey level: as relationship.ts draws them. */
export const detractorShare = (surveyLevel: number) => Math.max(0, 0.55 - 0.55 * surveyLevel);

/** The chance that one of this account's past renewals, not expanded, was downgraded. */
export function lossProbability(plan: Pick<AccountPlan, "levels" | "hasExecSponsor">): number {
  const { levels } = plan;
  const engagement = clamp01((levels.activeUsers + levels.sessionLength + levels.featureDepth) / 3);
  const z =
    LOSS_MODEL.intercept +
    LOSS_MODEL.lowEngagement * (1 - engagement) +
    LOSS_MODEL.noExecSponsor * (plan.hasExecSponsor ? 0 : 1) +
    LOSS_MODEL.detractorShare * detractorShare(levels.surveys) +
    LOSS_MODEL.lowRoi * (1 - clamp01(levels.roi));
  return sigmoid(z);
}
