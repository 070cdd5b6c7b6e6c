// The account plan's version history: which sections a save changed. Pure: the data module
// records a new version only when this finds a change, with its summary as the version's note.

export interface PlanContent {
  impact: string | null;
  criticalEvent: { date: string | null; reason: string } | null;
  decisionProcess: string | null;
  stakeholders: readonly unknown[];
  risks: readonly unknown[];
  nextSteps: readonly unknown[];
}

export type PlanSection = keyof PlanContent;

/** The sections in the order the page shows them, with their names. */
export const PLAN_SECTIONS: readonly { key: PlanSection; label: string }[] = [
  { key: "impact", label: "Impact" },
  { key: "criticalEvent", label: "Critical event" },
  { key: "decisionProcess", label: "Decision process" },
  { key: "stakeholders", label: "Stakeholders" },
  { key: "risks", label: "Risks" },
  { key: "nextSteps", label: "Next steps" },
];

export const EMPTY_PLAN: PlanContent = {
  impact: null,
  criticalEvent: null,
  decisionProcess: null,
  stakeholders: [],
  risks: [],
  nextSteps: [],
};

/** JSON with object keys sorted, so equal content compares equal whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The sections that differ between two plans (null before = nothing written yet), in page order. */
export function changedSections(before: PlanContent | null, after: PlanContent): PlanSection[] {
  const base = before ?? EMPTY_PLAN;
  return PLAN_SECTIONS.filter(({ key }) => canonical(base[key]) !== canonical(after[key])).map(({ key }) => key);
}

/** The version's note: "Created" or "Changed impact, stakeholders"; null when nothing changed. */
export function changeSummary(before: PlanContent | null, after: PlanContent): string | null {
  const changed = changedSections(before, after);
  if (changed.length === 0) return before ? null : "Created";
  const labels = PLAN_SECTIONS.filter((s) => changed.includes(s.key)).map((s) => s.label.toLowerCase());
  return `${before ? "Changed" : "Created with"} ${labels.join(", ")}`;
}
