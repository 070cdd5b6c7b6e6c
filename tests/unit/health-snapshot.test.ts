import { FULL_HEALTH_INPUTS } from "@/tests/factories/health";
import { describe, expect, test } from "vitest";
import { scoreHealth, type HealthInputs } from "@/lib/domain/health";
import { restoreHealthResult, toStoredHealth } from "@/lib/domain/health-snapshot";

const ACCOUNT: HealthInputs = FULL_HEALTH_INPUTS;

describe("stored health snapshots", () => {
  test.each<[string, Partial<HealthInputs>]>([
    ["an account with every measure", {}],
    [
      "an SMB account without usage, sponsor or surveys",
      {
        segment: "smb",
        hasUsage: false,
        daysSinceExecSponsorTouch: null,
        npsResponses: 0,
        csatResponses: 0,
        csatSum: 0,
        latestDataQuality: null,
      },
    ],
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
