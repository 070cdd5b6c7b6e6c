import { describe, expect, test } from "vitest";
import {
  DEFAULT_HEALTH_MODEL,
  MEASURE_FORMATS,
  MEASURE_KEYS,
  MEASURE_LABELS,
  SCALE_KEYS,
  ZHealthModel,
  modelForSegment,
  segmentsWithOwnModel,
} from "@/lib/domain/health-model";

const withWeights = (weights: Record<string, number>) => ({
  ...DEFAULT_HEALTH_MODEL,
  weights: { ...DEFAULT_HEALTH_MODEL.weights, ...weights },
});
const withScale = (key: string, scale: unknown) => ({
  ...DEFAULT_HEALTH_MODEL,
  measures: { ...DEFAULT_HEALTH_MODEL.measures, [key]: scale },
});

describe("ZHealthModel", () => {
  test("accepts the SPEC defaults: 40 / 30 / 20 / 10", () => {
    expect(ZHealthModel.parse(DEFAULT_HEALTH_MODEL)).toEqual(DEFAULT_HEALTH_MODEL);
    expect(DEFAULT_HEALTH_MODEL.weights).toEqual({ engagement: 40, product: 30, relationship: 20, business: 10 });
  });

  test("accepts other weights summing to 100, a zero weight and changed floors", () => {
    const weights = { engagement: 50, product: 50, relationship: 0, business: 0 };
    expect(ZHealthModel.safeParse(withWeights(weights)).success).toBe(true);
    expect(ZHealthModel.safeParse(withScale("login_frequency", { floor: 1, target: 5 })).success).toBe(true);
  });

  test.each([
    ["weights summing to 99", withWeights({ business: 9 }), ["weights"]],
    ["a negative weight", withWeights({ product: 40, relationship: 20, business: -10 }), ["weights", "business"]],
    ["a fractional weight", withWeights({ engagement: 39.5, product: 30.5 }), ["weights", "engagement"]],
    ["floor equal to target", withScale("nps", { floor: 10, target: 10 }), ["measures", "nps", "target"]],
    ["an infinite target", withScale("csat", { floor: 3, target: Infinity }), ["measures", "csat", "target"]],
    ["a NaN floor", withScale("data_quality", { floor: NaN, target: 1 }), ["measures", "data_quality", "floor"]],
    [
      "a floor given as text",
      withScale("data_quality", { floor: "0.5", target: 1 }),
      ["measures", "data_quality", "floor"],
    ],
    ["a missing measure", withScale("session_duration", undefined), ["measures", "session_duration"]],
    ["an unknown measure", withScale("nps_csat", { floor: 0, target: 1 }), ["measures"]], // unrecognized key
    [
      "a segment's own weights summing to 101",
      { ...DEFAULT_HEALTH_MODEL, segments: { smb: withWeights({ business: 11 }) } },
      ["segments", "smb", "weights"],
    ],
    [
      "a segment's own model without its scales",
      { ...DEFAULT_HEALTH_MODEL, segments: { enterprise: { weights: DEFAULT_HEALTH_MODEL.weights } } },
      ["segments", "enterprise", "measures"],
    ],
  ])("rejects %s", (_name, model, path) => {
    const parsed = ZHealthModel.safeParse(model);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});

describe("segment models", () => {
  const smb = withWeights({ engagement: 70, product: 10, relationship: 10, business: 10 });
  const config = ZHealthModel.parse({ ...DEFAULT_HEALTH_MODEL, segments: { smb } });

  test("a segment's own model replaces the default one for that segment only", () => {
    expect(modelForSegment(config, "smb")).toEqual(smb);
    expect(modelForSegment(config, "enterprise")).toBe(config);
    expect(segmentsWithOwnModel(config)).toEqual(["smb"]);
  });

  test("the default is one model for every segment", () => {
    expect(segmentsWithOwnModel(DEFAULT_HEALTH_MODEL)).toEqual([]);
    expect(ZHealthModel.parse({ ...DEFAULT_HEALTH_MODEL, segments: {} }).segments).toEqual({});
  });
});

describe("measure metadata", () => {
  test("15 measures in SPEC order, 16 scales (NPS / CSAT has two)", () => {
    expect(MEASURE_KEYS).toEqual([
      "login_frequency",
      "feature_usage_depth",
      "active_user_ratio",
      "session_duration",
      "support_ticket_volume",
      "feature_adoption",
      "workflow_completion",
      "data_quality",
      "integration_usage",
      "exec_sponsor_engagement",
      "qbr_attendance",
      "nps_csat",
      "roi_achievement",
      "renewal_likelihood",
      "expansion_potential",
    ]);
    expect(new Set(SCALE_KEYS)).toEqual(new Set([...MEASURE_KEYS.filter((k) => k !== "nps_csat"), "nps", "csat"]));
    expect(Object.keys(DEFAULT_HEALTH_MODEL.measures).sort()).toEqual([...SCALE_KEYS].sort());
  });

  test("every measure and scale has a label and a format", () => {
    for (const key of [...MEASURE_KEYS, ...SCALE_KEYS]) {
      expect(MEASURE_LABELS[key]).toMatch(/\S/);
      expect(MEASURE_FORMATS[key]).toBeDefined();
    }
    expect(MEASURE_LABELS.login_frequency).toBe("Login frequency");
    expect(MEASURE_FORMATS.login_frequency.unit).toBe("logins / seat / week");
    expect(MEASURE_FORMATS.exec_sponsor_engagement.unit).toBe("days");
    expect(MEASURE_FORMATS.active_user_ratio).toEqual({ unit: "%", factor: 100, decimals: 0 });
  });
});
