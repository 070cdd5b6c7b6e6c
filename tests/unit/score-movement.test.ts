import { describe, expect, it } from "vitest";
import { scoreHealth } from "@/lib/domain/health";
import { describeScoreMovement, scoreMovement } from "@/lib/domain/score-movement";
import { FULL_HEALTH_INPUTS } from "../factories/health";

// The fixture account without an executive-sponsor touch scores 60; a touch today lifts that
// measure from 0 to 100, worth 6.7 of the 100 points (relationship 20% × ⅓ after re-normalising).
const noSponsor = scoreHealth({ ...FULL_HEALTH_INPUTS, daysSinceExecSponsorTouch: null });
const sponsorToday = scoreHealth({ ...FULL_HEALTH_INPUTS, daysSinceExecSponsorTouch: 0 });

describe("scoreMovement", () => {
  it("names the measure behind a change with its before and after scores", () => {
    const m = scoreMovement(noSponsor, sponsorToday);
    expect(m).toEqual({
      from: 60,
      to: 66,
      delta: 6,
      moves: [{ label: "Executive sponsor engagement", from: 0, to: 100, points: 6.7 }],
    });
    expect(describeScoreMovement(m)).toBe("+6: executive sponsor engagement 0 → 100 (score 60 → 66).");
  });

  it("orders several moves by their effect on the score, and a fall carries a minus sign", () => {
    const better = scoreHealth({
      ...FULL_HEALTH_INPUTS,
      daysSinceExecSponsorTouch: 0,
      npsPromoters: 8,
      npsDetractors: 0,
    });
    const up = scoreMovement(noSponsor, better);
    expect(up.moves.map((x) => [x.label, x.from, x.to, x.points])).toEqual([
      ["Executive sponsor engagement", 0, 100, 6.7],
      ["NPS / CSAT", 69, 83, 1],
    ]);
    expect(describeScoreMovement(up)).toBe(
      "+7: executive sponsor engagement 0 → 100; NPS / CSAT 69 → 83 (score 60 → 67).",
    );
    expect(describeScoreMovement(up, 1)).toBe("+7: executive sponsor engagement 0 → 100 (score 60 → 67).");
    expect(describeScoreMovement(scoreMovement(better, noSponsor))).toBe(
      "−7: executive sponsor engagement 100 → 0; NPS / CSAT 83 → 69 (score 67 → 60).",
    );
  });

  it("says when nothing moved, when the account is scored for the first time, and when it has no score", () => {
    expect(describeScoreMovement(scoreMovement(sponsorToday, sponsorToday))).toBe("Score unchanged at 66.");
    expect(describeScoreMovement(scoreMovement(null, sponsorToday))).toBe("Scored 66 for the first time.");
    expect(describeScoreMovement(scoreMovement(null, null))).toBe("The account has no score yet.");
    expect(scoreMovement(null, sponsorToday).moves).toHaveLength(0);
  });
});
