// The health model (SPEC §3): component weights and each measure's floor → target, with the
// defaults that ship with the product, the zod schema for an admin's edit, and display hints.
import { z } from "zod";
import { SEGMENTS, type Segment } from "./segments";

export const COMPONENT_KEYS = ["engagement", "product", "relationship", "business"] as const;

export const COMPONENT_LABELS = {
  engagement: "Engagement",
  product: "Product",
  relationship: "Relationship",
  business: "Business",
} as const satisfies Record<(typeof COMPONENT_KEYS)[number], string>;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

/** The measures of each component, in SPEC order (also the order of ties for the biggest detractor). */
export const COMPONENT_MEASURES = {
  engagement: [
    "login_frequency",
    "feature_usage_depth",
    "active_user_ratio",
    "session_duration",
    "support_ticket_volume",
  ],
  product: ["feature_adoption", "workflow_completion", "data_quality", "integration_usage"],
  relationship: ["exec_sponsor_engagement", "qbr_attendance", "nps_csat"],
  business: ["roi_achievement", "renewal_likelihood", "expansion_potential"],
} as const satisfies Record<ComponentKey, readonly string[]>;

export type MeasureKey = (typeof COMPONENT_MEASURES)[ComponentKey][number];
export const MEASURE_KEYS: readonly MeasureKey[] = COMPONENT_KEYS.flatMap((c) => COMPONENT_MEASURES[c]);

/**
 * The keys that carry a floor and a target. NPS / CSAT blends two scales (NPS and mean CSAT),
 * so it has no scale of its own: "nps" and "csat" stand in for it.
 */
export const SCALE_KEYS = [
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
  "nps",
  "csat",
  "roi_achievement",
  "renewal_likelihood",
  "expansion_potential",
] as const satisfies readonly (Exclude<MeasureKey, "nps_csat"> | "nps" | "csat")[];
export type ScaleKey = (typeof SCALE_KEYS)[number];

/** Floors and targets are counts, days, scores or ratios: a million either way is far beyond any. */
const ZScaleValue = z.number().min(-1e6, "Too small.").max(1e6, "Too large.");

const ZScale = z.object({ floor: ZScaleValue, target: ZScaleValue }).refine((scale) => scale.floor !== scale.target, {
  message: "Floor and target must differ",
  path: ["target"],
});

const ZWeight = z.number().int("Weights are whole numbers").nonnegative("Weights cannot be negative");

/** One model: component weights, and each scale's floor and target. */
const ZModel = z.object({
  weights: z
    .object({ engagement: ZWeight, product: ZWeight, relationship: ZWeight, business: ZWeight })
    .refine((w) => w.engagement + w.product + w.relationship + w.business === 100, {
      message: "Weights must sum to 100",
    }),
  // An enum-keyed record is exhaustive in zod 4: every scale must be present, and no other key.
  measures: z.record(z.enum(SCALE_KEYS), ZScale),
});

/**
 * An admin's edit of the health model: the model every account is scored with, and optionally
 * a segment's own model (its own weights, floors and targets) that replaces it for that
 * segment's accounts. With no segment models — the default — there is one model. zod 4's
 * z.number() already rejects NaN and ±Infinity.
 */
export const ZHealthModel = ZModel.extend({
  segments: z.object({ enterprise: ZModel, mid_market: ZModel, smb: ZModel }).partial().optional(),
});

export type HealthModel = z.infer<typeof ZHealthModel>;
/** The weights, floors and targets one account is scored with. */
export type SegmentModel = z.infer<typeof ZModel>;

/** The model an account of this segment is scored with: its segment's own, or the default one. */
export function modelForSegment(model: HealthModel, segment: Segment): SegmentModel {
  return model.segments?.[segment] ?? model;
}

/** The segments that have a model of their own, in SEGMENTS order. */
export function segmentsWithOwnModel(model: HealthModel): Segment[] {
  return SEGMENTS.filter((segment) => model.segments?.[segment] !== undefined);
}

export type Scale = SegmentModel["measures"][ScaleKey];

/** SPEC §3 defaults. Inverse measures (fewer is better) have floor > target. */
export const DEFAULT_HEALTH_MODEL: HealthModel = {
  weights: { engagement: 40, product: 30, relationship: 20, business: 10 },
  measures: {
    login_frequency: { floor: 0.5, target: 3 },
    feature_usage_depth: { floor: 0.1, target: 0.5 },
    active_user_ratio: { floor: 0.1, target: 0.6 },
    session_duration: { floor: 2, target: 20 },
    support_ticket_volume: { floor: 4, target: 0.5 },
    feature_adoption: { floor: 0.2, target: 0.8 },
    workflow_completion: { floor: 0.3, target: 0.9 },
    data_quality: { floor: 0.5, target: 0.95 },
    integration_usage: { floor: 0, target: 3 },
    exec_sponsor_engagement: { floor: 120, target: 30 },
    qbr_attendance: { floor: 0, target: 1 },
    nps: { floor: -20, target: 50 },
    csat: { floor: 3, target: 4.5 },
    roi_achievement: { floor: 0, target: 1 },
    // The forecast's points (commit 100 … lost 0) are the score itself.
    renewal_likelihood: { floor: 0, target: 100 },
    expansion_potential: { floor: 0, target: 0.2 },
  },
};

export const MEASURE_LABELS: Record<MeasureKey | ScaleKey, string> = {
  login_frequency: "Login frequency",
  feature_usage_depth: "Feature usage depth",
  active_user_ratio: "Active users / total users",
  session_duration: "Session duration",
  support_ticket_volume: "Support ticket volume",
  feature_adoption: "Feature adoption rate",
  workflow_completion: "Workflow completion",
  data_quality: "Data quality",
  integration_usage: "Integration usage",
  exec_sponsor_engagement: "Executive sponsor engagement",
  qbr_attendance: "QBR attendance",
  nps_csat: "NPS / CSAT",
  nps: "NPS (last 180 days)",
  csat: "CSAT (last 90 days)",
  roi_achievement: "ROI achievement",
  renewal_likelihood: "Renewal likelihood",
  expansion_potential: "Expansion potential",
};

/**
 * How to show a raw value, floor or target: multiply by `factor`, round half up to `decimals`,
 * append `unit`. Ratios are stored as fractions (0.35) and shown as percentages (35 %).
 */
export interface MeasureFormat {
  unit: string;
  factor: 1 | 100;
  decimals: number;
}

const PERCENT: MeasureFormat = { unit: "%", factor: 100, decimals: 0 };

export const MEASURE_FORMATS: Record<MeasureKey | ScaleKey, MeasureFormat> = {
  login_frequency: { unit: "logins / seat / week", factor: 1, decimals: 1 },
  feature_usage_depth: PERCENT,
  active_user_ratio: PERCENT,
  session_duration: { unit: "minutes", factor: 1, decimals: 1 },
  support_ticket_volume: { unit: "tickets / 10 seats / 30 days", factor: 1, decimals: 1 },
  feature_adoption: PERCENT,
  workflow_completion: PERCENT,
  data_quality: PERCENT,
  integration_usage: { unit: "integrations", factor: 1, decimals: 0 },
  exec_sponsor_engagement: { unit: "days", factor: 1, decimals: 0 },
  qbr_attendance: PERCENT,
  // Its raw value is null: the UI shows the NPS and CSAT parts instead.
  nps_csat: { unit: "", factor: 1, decimals: 0 },
  nps: { unit: "", factor: 1, decimals: 0 },
  csat: { unit: "/ 5", factor: 1, decimals: 1 },
  roi_achievement: PERCENT,
  renewal_likelihood: { unit: "points", factor: 1, decimals: 0 },
  expansion_potential: { unit: "% of ARR", factor: 100, decimals: 0 },
};
