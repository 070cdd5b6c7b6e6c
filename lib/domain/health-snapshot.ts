// The stored form of a HealthResult (HealthSnapshot.components): the same numbers, without the
// property names, measure keys and labels repeated in every snapshot. A full HealthResult is
// ~3.5 KB of JSON; this is ~1.2 KB, and the batch recompute writes 50,000 of them. The column is
// `json`, kept as the text written: the document is only ever read whole, by Node, and building
// jsonb from it (a numeric per number) was most of the cost of a rescore's writes. What SQL reads
// out of a snapshot has typed columns of its own: `readings` (the scores) and `measures` (below).
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

// HealthSnapshot.measures: the numbers set-based SQL reads without opening the document (upsell
// triggers, playbook rules), as a float8[] the rescore writes beside it: each measure's raw value
// and target, measures in V2_MEASURES order (component by component), then the nps and csat
// parts' — 17 pairs, 34 numbers.
export type SnapshotMeasureKey = MeasureKey | ScaleResult["key"];
const SNAPSHOT_MEASURE_KEYS: readonly SnapshotMeasureKey[] = [
  ...COMPONENT_KEYS.flatMap((c) => V2_MEASURES[c]),
  ...V2_PARTS,
];
/** The numbers kept per measure in HealthSnapshot.measures, in their order. */
export const SNAPSHOT_MEASURE_FIELDS = ["raw", "target"] as const;
export type SnapshotMeasureField = (typeof SNAPSHOT_MEASURE_FIELDS)[number];

/** Where one number of a measure (or of the nps / csat part) sits in HealthSnapshot.measures: 1-based, as SQL indexes arrays. */
export function snapshotMeasureIndex(key: SnapshotMeasureKey, field: SnapshotMeasureField): number {
  const k = SNAPSHOT_MEASURE_KEYS.indexOf(key);
  if (k < 0) throw new RangeError(`No stored measure ${key}`);
  return 1 + k * SNAPSHOT_MEASURE_FIELDS.length + SNAPSHOT_MEASURE_FIELDS.indexOf(field);
}

/** A result's HealthSnapshot.measures (its measures must match the version 2 layout, as toStoredHealth checks). */
export function snapshotMeasures(r: HealthResult): (number | null)[] {
  const out: (number | null)[] = [];
  const parts: (number | null)[] = [];
  for (const key of COMPONENT_KEYS) {
    for (const m of r.components[key].measures) {
      out.push(m.raw, m.target);
      if (m.parts) for (const p of m.parts) parts.push(p.raw, p.target);
    }
  }
  return out.concat(parts);
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
