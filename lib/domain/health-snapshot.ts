// The stored form of a HealthResult (HealthSnapshot.components): the same numbers, without the
// property names, measure keys and labels repeated in every snapshot. A full HealthResult is
// ~3.5 KB of JSON (~2.5 KB as jsonb, so PostgreSQL compresses each one); this is ~0.9 KB
// (~1.7 KB as jsonb, stored as is), and the batch recompute writes 50,000 of them.
// Lossless: restoreHealthResult(toStoredHealth(r)) deep-equals r.
//
// Version 2 layout:
//   { v: 2, score, band, insufficientData, biggestDetractor,
//     components: { engagement: [weight, effectiveWeight, score, measures], … } }
//   measures: one tuple per key of V2_MEASURES[component], in that order:
//     [raw, score, floor, target, weight, contribution, lost]  (+ parts, for nps_csat)
//   parts: one tuple per key of V2_PARTS: [raw, score, floor, target]
// Floor and target are kept rather than looked up: they come from the model in force when the
// score was computed, which an admin may have changed since. Labels are fixed (MEASURE_LABELS).
// The key lists are frozen here: if the model's measures change, toStoredHealth refuses the
// result until a version 3 layout is added (version 2 snapshots must keep reading back).
// Snapshots written before this format hold the full HealthResult and are read back as is.
import { COMPONENT_KEYS, MEASURE_LABELS, type ComponentKey, type MeasureKey } from "./health-model";
import type { Band, ComponentResult, HealthResult, MeasureResult, ScaleResult } from "./health";

const V2_MEASURES: Record<ComponentKey, readonly MeasureKey[]> = {
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
};
const V2_PARTS: readonly ScaleResult["key"][] = ["nps", "csat"];

type StoredPart = [raw: number | null, score: number | null, floor: number, target: number];
type StoredMeasure =
  | [
      raw: number | null,
      score: number | null,
      floor: number | null,
      target: number | null,
      weight: number,
      contribution: number,
      lost: number,
    ]
  | [
      raw: number | null,
      score: number | null,
      floor: number | null,
      target: number | null,
      weight: number,
      contribution: number,
      lost: number,
      parts: StoredPart[],
    ];
type StoredComponent = [weight: number, effectiveWeight: number, score: number | null, measures: StoredMeasure[]];

export interface StoredHealth {
  v: 2;
  score: number | null;
  band: Band | null;
  insufficientData: boolean;
  biggestDetractor: MeasureKey | null;
  components: Record<ComponentKey, StoredComponent>;
}

/** The fields of a stored measure tuple, in their order. */
export const STORED_MEASURE_FIELDS = ["raw", "score", "floor", "target", "weight", "contribution", "lost"] as const;
export type StoredMeasureField = (typeof STORED_MEASURE_FIELDS)[number];

/**
 * Where one number of a measure sits inside a version 2 snapshot, as a jsonb path
 * (["components", "engagement", "3", "2", "0"]: active user ratio, raw), for SQL that reads it.
 */
export function storedMeasurePath(measure: MeasureKey, field: StoredMeasureField): string[] {
  for (const component of COMPONENT_KEYS) {
    const index = V2_MEASURES[component].indexOf(measure);
    if (index >= 0) return ["components", component, "3", String(index), String(STORED_MEASURE_FIELDS.indexOf(field))];
  }
  throw new RangeError(`No stored measure ${measure}`);
}

/** The compact form written to HealthSnapshot.components. */
export function toStoredHealth(r: HealthResult): StoredHealth {
  const components = {} as Record<ComponentKey, StoredComponent>;
  for (const key of COMPONENT_KEYS) {
    const c = r.components[key];
    const layout = V2_MEASURES[key];
    if (c.measures.length !== layout.length || c.measures.some((m, i) => m.key !== layout[i])) {
      throw new Error(`The ${key} measures no longer match the version 2 snapshot layout: add a new version.`);
    }
    components[key] = [c.weight, c.effectiveWeight, c.score, c.measures.map(storeMeasure)];
  }
  return {
    v: 2,
    score: r.score,
    band: r.band,
    insufficientData: r.insufficientData,
    biggestDetractor: r.biggestDetractor,
    components,
  };
}

function storeMeasure(m: MeasureResult): StoredMeasure {
  const fields = [m.raw, m.score, m.floor, m.target, m.weight, m.contribution, m.lost] as const;
  if (!m.parts) return [...fields];
  if (m.parts.length !== V2_PARTS.length || m.parts.some((p, i) => p.key !== V2_PARTS[i])) {
    throw new Error(`The parts of ${m.key} no longer match the version 2 snapshot layout: add a new version.`);
  }
  return [...fields, m.parts.map((p): StoredPart => [p.raw, p.score, p.floor, p.target])];
}

/**
 * The full HealthResult from a stored snapshot (HealthSnapshot.components as read from the
 * database), whichever format it was written in. Every reader of snapshots goes through this.
 */
export function restoreHealthResult(stored: unknown): HealthResult {
  if (!isStoredHealth(stored)) return stored as HealthResult; // written before the compact format
  const components = {} as Record<ComponentKey, ComponentResult>;
  for (const key of COMPONENT_KEYS) {
    const [weight, effectiveWeight, score, measures] = stored.components[key];
    components[key] = {
      weight,
      effectiveWeight,
      score,
      measures: measures.map((m, i) => restoreMeasure(V2_MEASURES[key][i], m)),
    };
  }
  return {
    score: stored.score,
    band: stored.band,
    insufficientData: stored.insufficientData,
    components,
    biggestDetractor: stored.biggestDetractor,
  };
}

function restoreMeasure(key: MeasureKey, m: StoredMeasure): MeasureResult {
  const [raw, score, floor, target, weight, contribution, lost, parts] = m;
  return {
    key,
    label: MEASURE_LABELS[key],
    raw,
    score,
    floor,
    target,
    weight,
    contribution,
    lost,
    ...(parts && {
      parts: parts.map(([r, s, f, t], i): ScaleResult => ({
        key: V2_PARTS[i],
        label: MEASURE_LABELS[V2_PARTS[i]],
        raw: r,
        score: s,
        floor: f,
        target: t,
      })),
    }),
  };
}

function isStoredHealth(value: unknown): value is StoredHealth {
  return typeof value === "object" && value !== null && (value as { v?: unknown }).v === 2;
}

/**
 * Where a measure's raw value (or one of its parts') sits in a version 2 snapshot, as a jsonb
 * path ("{components,product,3,0,0}"), so set-based SQL can read it without restoring results.
 */
export function storedRawPath(component: ComponentKey, measure: MeasureKey, part?: ScaleResult["key"]): string {
  const m = V2_MEASURES[component].indexOf(measure);
  if (m < 0) throw new RangeError(`${measure} is not a ${component} measure`);
  const steps = ["components", component, 3, m];
  if (part) steps.push(7, V2_PARTS.indexOf(part));
  return `{${[...steps, 0].join(",")}}`;
}
