// The account page's change log in human words: an audit row stores an entity, an action and
// the changed fields under their code names (`task create`, `kind: low_engagement_red`); this
// turns them into "Task created" and "Playbook: Manager save plan (red health)".

const ENTITY_LABELS: Record<string, string> = {
  account: "Account",
  arr_movement: "ARR change",
  contact: "Contact",
  contract_line: "Contract line",
  expansion_opportunity: "Expansion deal",
  offboarding: "Offboarding",
  offboarding_item: "Offboarding step",
  renewal: "Renewal",
  sentiment_override: "Sentiment",
  success_outcome: "Success outcome",
  support_ticket: "Support ticket",
  survey_response: "Survey response",
  task: "Task",
  touchpoint: "Touchpoint",
  usage_days: "Usage",
};

const ACTION_LABELS: Record<string, string> = {
  create: "added",
  update: "changed",
  delete: "removed",
  clear: "cleared",
  revoke: "revoked",
  recompute: "recomputed",
  complete: "completed",
  reopen: "reopened",
  seed: "imported",
  system: "updated by Bowtie",
};

/** Who made a change, when the action names it ("create (playbook)"). */
const ACTION_SOURCES: Record<string, string> = {
  playbook: "by a playbook",
  renewals: "by the renewal schedule",
};

/** Playbook task keys, as the people who get the tasks know them. */
const PLAYBOOK_LABELS: Record<string, string> = {
  low_engagement_yellow: "CSM action plan (yellow health)",
  low_engagement_red: "Manager save plan (red health)",
  churn_prevention_exec: "Executive involvement",
  renewal_90: "Renewal, 90 days out",
  renewal_90_csm: "Renewal preparation, 90 days out (CSM)",
  renewal_60: "Renewal, 60 days out",
  renewal_30: "Renewal, 30 days out",
};

const FIELD_LABELS: Record<string, string> = { kind: "Playbook", arr: "ARR", csmId: "CSM", aeId: "AE" };

/** Fields that mean nothing to a reader (row ids, foreign keys, timestamps of the row itself). */
const HIDDEN_FIELD = /^(id|accountId|createdAt|updatedAt|.*Hash)$/;

const words = (key: string) =>
  key
    .replaceAll("_", " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? sentence(words(entity));
}

/** "Task added", "Renewal changed", "Task added by a playbook" for the action "create (playbook)". */
export function changeTitle(entity: string, action: string): string {
  const [, verb = action, note] = /^(\S+)\s*(?:\((.*)\))?$/.exec(action.trim()) ?? [];
  const done = ACTION_LABELS[verb] ?? words(verb);
  const by = note === undefined ? "" : (ACTION_SOURCES[note] ?? `(${valueLabel(note)})`);
  return `${entityLabel(entity)} ${done}${by ? ` ${by}` : ""}`;
}

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? sentence(words(key));
}

/** A stored value as words: playbook keys by name, code words (`at_risk`) as "at risk", ISO instants as dates. */
export function valueLabel(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(valueLabel).join(", ");
  if (typeof value === "object") return `${Object.keys(value).length} fields`;
  const text = String(value);
  if (PLAYBOOK_LABELS[text]) return PLAYBOOK_LABELS[text];
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return text.slice(0, 10);
  if (/^[a-z]+(_[a-z0-9]+)+$/.test(text)) return words(text);
  return text;
}

/** Up to `max` changed fields: "Status: open → done · Outcome: Called the sponsor". */
export function describeChange(before: unknown, after: unknown, max = 4): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => !HIDDEN_FIELD.test(k))
    .slice(0, max)
    .map((k) =>
      k in b ? `${fieldLabel(k)}: ${valueLabel(b[k])} → ${valueLabel(a[k])}` : `${fieldLabel(k)}: ${valueLabel(a[k])}`,
    )
    .join(" · ");
}
