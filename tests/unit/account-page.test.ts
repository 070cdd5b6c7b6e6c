import { FULL_HEALTH_INPUTS } from "@/tests/factories/health";
import { describe, expect, it } from "vitest";
import { weightsLine } from "@/components/accounts/account-page/health-explanation";
import { scoreHealth, type HealthInputs } from "@/lib/domain/health";
import { DEFAULT_HEALTH_MODEL } from "@/lib/domain/health-model";

const INPUTS: HealthInputs = FULL_HEALTH_INPUTS;

describe("the account page's score explanation", () => {
  it("names the weights of the default model", () => {
    expect(weightsLine(scoreHealth(INPUTS))).toBe("Engagement 40 · product 30 · relationship 20 · business 10");
  });

  it("names the weights of the model that produced the score, not fixed ones", () => {
    const model = { ...DEFAULT_HEALTH_MODEL, weights: { engagement: 25, product: 25, relationship: 30, business: 20 } };
    expect(weightsLine(scoreHealth(INPUTS, model))).toBe("Engagement 25 · product 25 · relationship 30 · business 20");
  });
});
