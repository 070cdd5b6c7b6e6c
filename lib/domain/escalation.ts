// The escalation ladder (SPEC §4 playbooks) as tasks: low-engagement recovery (yellow: a CSM
// action plan; red: a manager save plan) and churn prevention (red with the renewal within 90
// days, or a drop of 15+ points in 30 days: executive involvement). Pure: the data layer reads
// each account's current health, asks which playbook steps it needs and writes them.
import { addDays, type IsoDate } from "./dates";
import type { Band } from "./health";
import { MEASURE_LABELS } from "./health-model";

export type EscalationKind = "low_engagement_yellow" | "low_engagement_red" | "churn_prevention_exec";
export type EscalationPriority = "normal" | "high" | "urgent";

/** An account's current health as the ladder sees it (denormalised on Account). */
export interface EscalationState {
  band: Band | null;
  score: number | null;
  insufficientData: boolean;
  /** Score now minus the score 30 days earlier; null without that much history. */
  trend: number | null;
  /** Calendar days from the as-of date to the renewal date (negative once it has passed). */
  daysToRenewal: number;
  /** The account's CSM, or null when it has none (or they were deactivated). */
  csmId: number | null;
  status: "active" | "churned";
  /** The measure costing the most points (a MeasureKey), named in the task's description. */
  detractor?: string | null;
}

export interface EscalationContext {
  asOf: IsoDate;
  /** Who owns manager-level steps (see escalationManager); null when nobody can. */
  managerId: number | null;
}

export interface EscalationTask {
  kind: EscalationKind;
  title: string;
  /** Why the step was raised, then what the playbook asks for. */
  description: string;
  ownerId: number;
  dueDate: IsoDate;
  priority: EscalationPriority;
}

/** Churn prevention looks at renewals this many days ahead (inclusive, from the as-of date). */
export const RENEWAL_HORIZON_DAYS = 90;
/** A fall of at least this many points over 30 days calls for an executive, whatever the band. */
export const SHARP_DROP_POINTS = 15;
/**
 * A completed step is not raised again for this many days even if the account still qualifies:
 * the plan needs time to work, and re-raising it the next morning is the alert noise CS teams
 * complain about. Applied by the data layer against each step's latest completion.
 */
export const REARM_AFTER_DAYS = 30;

interface Step {
  title: string;
  owner: "csm" | "manager";
  dueInDays: number;
  priority: EscalationPriority;
  action: string;
}

const STEPS: Record<EscalationKind, Step> = {
  low_engagement_yellow: {
    title: "CSM action plan",
    owner: "csm",
    dueInDays: 7,
    priority: "normal",
    action: "Find the cause with your champion, agree an action plan with dates and log it as a touchpoint.",
  },
  low_engagement_red: {
    title: "Manager save plan",
    owner: "manager",
    dueInDays: 3,
    priority: "high",
    action:
      "Review the account with its CSM, approve a save plan with owners and dates, and check in weekly until it leaves red.",
  },
  churn_prevention_exec: {
    title: "Executive involvement",
    owner: "manager",
    dueInDays: 2,
    priority: "urgent",
    action:
      "Brief an executive and set up a call with the customer's executive sponsor to agree what it takes to stay.",
  },
};

/** The playbook steps an account needs as of a date, in ladder order (several may apply at once). */
export function escalationsFor(state: EscalationState, { asOf, managerId }: EscalationContext): EscalationTask[] {
  const tasks: EscalationTask[] = [];
  for (const kind of triggeredKinds(state)) {
    const step = STEPS[kind];
    const ownerId = step.owner === "csm" ? (state.csmId ?? managerId) : managerId;
    if (ownerId == null) continue;
    tasks.push({
      kind,
      title: step.title,
      description: `${reason(state, kind)} ${step.action}`,
      ownerId,
      dueDate: addDays(asOf, step.dueInDays),
      priority: step.priority,
    });
  }
  return tasks;
}

/**
 * Who owns manager-level steps: the first active manager by id (there are no teams yet), or
 * failing that the first active admin, so a save plan never goes unowned.
 */
export function escalationManager(users: readonly { id: number; role: string; active: boolean }[]): number | null {
  const firstActive = (role: string) =>
    users
      .filter((u) => u.active && u.role === role)
      .reduce<number | null>((min, u) => (min == null || u.id < min ? u.id : min), null);
  return firstActive("manager") ?? firstActive("admin");
}

function triggeredKinds(s: EscalationState): EscalationKind[] {
  // Without a trustworthy score there is nothing to escalate, and churned accounts are offboarded instead.
  if (s.status !== "active" || s.insufficientData || s.score == null || s.band == null) return [];
  const kinds: EscalationKind[] = [];
  if (s.band === "yellow") kinds.push("low_engagement_yellow");
  if (s.band === "red") kinds.push("low_engagement_red");
  if ((s.band === "red" && renewsSoon(s)) || droppedSharply(s)) kinds.push("churn_prevention_exec");
  return kinds;
}

const renewsSoon = (s: EscalationState) => s.daysToRenewal >= 0 && s.daysToRenewal <= RENEWAL_HORIZON_DAYS;
const droppedSharply = (s: EscalationState) => s.trend != null && s.trend <= -SHARP_DROP_POINTS;

/** "Score 48 (red), down 18 points in 30 days, renewal in 45 days." plus the biggest detractor. */
function reason(s: EscalationState, kind: EscalationKind): string {
  const facts = [`Score ${s.score} (${s.band})`];
  if (kind === "churn_prevention_exec") {
    if (droppedSharply(s)) facts.push(`down ${-(s.trend ?? 0)} points in 30 days`);
    if (s.band === "red" && renewsSoon(s)) facts.push(renewalPhrase(s.daysToRenewal));
  }
  const label = s.detractor ? MEASURE_LABELS[s.detractor as keyof typeof MEASURE_LABELS] : undefined;
  return `${facts.join(", ")}.${label ? ` Biggest detractor: ${midSentence(label)}.` : ""}`;
}

/** "Login frequency" → "login frequency", but acronyms ("ROI achievement", "NPS / CSAT") stay. */
function midSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

function renewalPhrase(days: number): string {
  if (days === 0) return "renewal today";
  return days === 1 ? "renewal tomorrow" : `renewal in ${days} days`;
}
