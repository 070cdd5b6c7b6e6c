// The playbook engine's rules (SPEC §4 Playbooks) as pure data and one pure evaluation. A rule
// has a trigger (what kind of event it follows, which fixes how often it may fire), conditions
// (an OR of AND-clauses over an account's facts) and steps: tasks with an owner role, a due
// offset and a priority, or emails. The data layer (lib/data/playbooks/engine.ts) reads every
// account's facts in one query, asks planPlaybooks which steps are due and writes them with one
// set-based insert that the database keeps free of duplicates.
import { z } from "zod";
import { addDays, daysBetween, type IsoDate } from "./dates";
import type { Band, RenewalForecast } from "./health";
import { SEGMENTS, type Segment } from "./segments";
import { MEASURE_LABELS } from "./health-model";

// ---------------------------------------------------------------------------------------------
// Facts

/** What the engine knows about one account as of a day. */
export interface PlaybookFacts {
  status: "active" | "churned";
  segment: Segment;
  band: Band | null;
  score: number | null;
  insufficientData: boolean;
  /** Score now minus 30 days earlier; null without that much history. */
  trend: number | null;
  /** The measure costing the most points (a MeasureKey), named in health reasons. */
  detractor: string | null;
  contractStart: IsoDate;
  renewalDate: IsoDate;
  /** The open renewal's forecast, if one is set. */
  renewalForecast: RenewalForecast | null;
  openExpansions: number;
  /** Share of purchased features used in the last 30 days (0..1), null without data. */
  featureAdoption: number | null;
  /** Days since a touchpoint with an executive sponsor, null if none. */
  execSponsorDays: number | null;
  /** Account NPS over the last 180 days (−100..100), null without responses. */
  nps: number | null;
  /** Active owners; null when unassigned or deactivated. */
  csmId: number | null;
  aeId: number | null;
}

const NUMBER_FACTS = [
  "score",
  "trend",
  "daysToRenewal",
  "daysSinceStart",
  "openExpansions",
  "featureAdoption",
  "execSponsorDays",
  "nps",
] as const;
export type NumberFact = (typeof NUMBER_FACTS)[number];

const BANDS = ["red", "yellow", "green", "purple"] as const;
const FORECASTS = ["commit", "likely", "at_risk", "lost"] as const;

// ---------------------------------------------------------------------------------------------
// Rules (stored as JSON in PlaybookRule; validated on every read and write)

const ZNumberCondition = z.object({
  fact: z.enum(NUMBER_FACTS),
  op: z.enum(["lte", "gte"]),
  value: z.number().finite(),
});
const ZBandCondition = z.object({ fact: z.literal("band"), op: z.literal("in"), value: z.array(z.enum(BANDS)).min(1) });
const ZSegmentCondition = z.object({
  fact: z.literal("segment"),
  op: z.literal("in"),
  value: z.array(z.enum(SEGMENTS)).min(1),
});
const ZForecastCondition = z.object({
  fact: z.literal("renewalForecast"),
  op: z.literal("in"),
  value: z.array(z.enum(FORECASTS)).min(1),
});
const ZFlagCondition = z.object({ fact: z.literal("hasCsm"), op: z.literal("is"), value: z.boolean() });

export const ZCondition = z.union([
  ZNumberCondition,
  ZBandCondition,
  ZSegmentCondition,
  ZForecastCondition,
  ZFlagCondition,
]);
export type Condition = z.infer<typeof ZCondition>;

/** An OR of AND-clauses; an empty list always holds. */
export const ZConditions = z.array(z.array(ZCondition).min(1, "A clause needs a condition.")).max(10);
export type Conditions = z.infer<typeof ZConditions>;

export const OWNER_ROLES = ["csm", "ae", "manager"] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type StepPriority = (typeof PRIORITIES)[number];

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and underscores.");

const ZStepBase = z.object({
  key,
  /** Further conditions for this step only (a branch of the rule: yellow vs red). */
  when: ZConditions.default([]),
  owner: z.enum(OWNER_ROLES),
  title: z.string().trim().min(1, "Enter a title.").max(120),
  description: z.string().trim().max(1000).default(""),
});

export const ZTaskStep = ZStepBase.extend({
  type: z.literal("task"),
  dueDays: z.number().int().min(-365).max(365),
  /** "raised": due dueDays after the day the task is raised; "renewal": dueDays from the renewal date. */
  dueFrom: z.enum(["raised", "renewal"]).default("raised"),
  priority: z.enum(PRIORITIES),
});
export const ZEmailStep = ZStepBase.extend({
  type: z.literal("email"),
  /** The email's subject; the description is its body. Sent to the account's contacts, the owner copied. */
  subject: z.string().trim().min(1).max(160),
});
export const ZStep = z.discriminatedUnion("type", [ZTaskStep, ZEmailStep]);
export type PlaybookStep = z.infer<typeof ZStep>;

/**
 * What a rule follows, and so how often a step may come back:
 * - state: while the account qualifies (its health, owners, forecast); once closed, not again
 *   for `rearmDays`.
 * - renewal: once per renewal date. - onboarding: once per contract start.
 * - cadence: once per calendar period (week, month, quarter, half-year).
 */
export const TRIGGERS = ["state", "renewal", "onboarding", "cadence"] as const;
export type Trigger = (typeof TRIGGERS)[number];
export const CADENCES = ["weekly", "monthly", "quarterly", "semiannual"] as const;
export type Cadence = (typeof CADENCES)[number];

export const ZRuleDefinition = z
  .object({
    trigger: z.enum(TRIGGERS),
    cadence: z.enum(CADENCES).nullable().default(null),
    conditions: ZConditions,
    steps: z.array(ZStep).min(1, "A playbook needs a step.").max(12),
    rearmDays: z.number().int().min(1).max(365).default(30),
  })
  .superRefine((r, ctx) => {
    if ((r.trigger === "cadence") !== (r.cadence !== null))
      ctx.addIssue({ code: "custom", path: ["cadence"], message: "A cadence rule needs a period; others have none." });
    const keys = r.steps.map((s) => s.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: "custom", path: ["steps"], message: "Each step needs its own key." });
  });
export type RuleDefinition = z.infer<typeof ZRuleDefinition>;

export interface PlaybookRule extends RuleDefinition {
  key: string;
  name: string;
  enabled: boolean;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface PlaybookContext {
  asOf: IsoDate;
  /** Who owns manager steps, and steps whose owner is missing; null when nobody can. */
  managerId: number | null;
}

export interface PlannedStep {
  ruleKey: string;
  step: string;
  type: "task" | "email";
  /** The occurrence this step belongs to (a renewal date, a period); null for state rules. */
  cycle: string | null;
  title: string;
  description: string;
  /** Why, in words a CSM reads: "Health fell 18 points in 30 days." */
  reason: string;
  ownerId: number;
  dueDate: IsoDate;
  priority: StepPriority;
  /** Email steps only. */
  subject?: string;
  /** State rules: a closed step stays closed this many days. */
  rearmDays: number;
}

/**
 * The longest re-arm period among the state steps (0 without any): how far back a closed step
 * can still hold a new one. A loop, not Math.max(...): the daily run plans a step or more per
 * account, and spreading 100,000+ arguments overflows the call stack.
 */
export function longestRearm(steps: readonly PlannedStep[]): number {
  let longest = 0;
  for (const s of steps) if (s.cycle === null && s.rearmDays > longest) longest = s.rearmDays;
  return longest;
}

// A score flagged insufficient data is no evidence either way: health conditions fail on it.
const trusted = (f: PlaybookFacts) => !f.insufficientData && f.score !== null;

const numberFact = (f: PlaybookFacts, fact: NumberFact, asOf: IsoDate): number | null => {
  switch (fact) {
    case "score":
    case "trend":
      return trusted(f) ? f[fact] : null;
    case "daysToRenewal":
      return daysBetween(asOf, f.renewalDate);
    case "daysSinceStart":
      return daysBetween(f.contractStart, asOf);
    default:
      return f[fact];
  }
};

/** Whether one condition holds; a fact without data never satisfies a condition. */
export function holds(c: Condition, f: PlaybookFacts, asOf: IsoDate): boolean {
  switch (c.fact) {
    case "band":
      return trusted(f) && f.band !== null && (c.value as readonly string[]).includes(f.band);
    case "segment":
      return (c.value as readonly string[]).includes(f.segment);
    case "renewalForecast":
      return f.renewalForecast !== null && (c.value as readonly string[]).includes(f.renewalForecast);
    case "hasCsm":
      return (f.csmId !== null) === c.value;
    default: {
      const v = numberFact(f, c.fact, asOf);
      if (v === null) return false;
      return c.op === "lte" ? v <= c.value : v >= c.value;
    }
  }
}

/**
 * The conditions of every clause that holds (together they explain the step), [] when there are
 * no conditions, null when no clause holds.
 */
function matchingConditions(conditions: Conditions, f: PlaybookFacts, asOf: IsoDate): Condition[] | null {
  if (conditions.length === 0) return [];
  const held = conditions.filter((clause) => clause.every((c) => holds(c, f, asOf)));
  return held.length === 0 ? null : held.flat();
}

/** The steps the rules ask for on one account as of a day, in rule then step order. */
export function planPlaybooks(
  rules: readonly PlaybookRule[],
  facts: PlaybookFacts,
  { asOf, managerId }: PlaybookContext,
): PlannedStep[] {
  // Without a trustworthy account state there is nothing to act on; churned accounts are offboarded instead.
  if (facts.status !== "active") return [];
  const planned: PlannedStep[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const ruleClause = matchingConditions(rule.conditions, facts, asOf);
    if (ruleClause === null) continue;
    for (const step of rule.steps) {
      const stepClause = matchingConditions(step.when, facts, asOf);
      if (stepClause === null) continue;
      const ownerId = ownerFor(step.owner, facts, managerId);
      if (ownerId === null) continue;
      planned.push({
        ruleKey: rule.key,
        step: step.key,
        type: step.type,
        cycle: cycleOf(rule, facts, asOf),
        title: step.title,
        description: step.description,
        reason: reasonFor([...ruleClause, ...stepClause], facts, asOf),
        ownerId,
        dueDate: step.type === "task" ? dueDateOf(step, facts, asOf) : asOf,
        priority: step.type === "task" ? step.priority : "low",
        ...(step.type === "email" ? { subject: step.subject } : {}),
        rearmDays: rule.rearmDays,
      });
    }
  }
  return planned;
}

/** The CSM's and AE's steps fall to the manager when the account has neither. */
function ownerFor(role: OwnerRole, f: PlaybookFacts, managerId: number | null): number | null {
  if (role === "csm") return f.csmId ?? managerId;
  if (role === "ae") return f.aeId ?? managerId;
  return managerId;
}

function dueDateOf(step: z.infer<typeof ZTaskStep>, f: PlaybookFacts, asOf: IsoDate): IsoDate {
  const due = addDays(step.dueFrom === "renewal" ? f.renewalDate : asOf, step.dueDays);
  return due < asOf ? asOf : due;
}

/** The occurrence a step belongs to: it is raised at most once per cycle (state rules: per re-arm). */
export function cycleOf(
  rule: Pick<PlaybookRule, "trigger" | "cadence">,
  f: PlaybookFacts,
  asOf: IsoDate,
): string | null {
  switch (rule.trigger) {
    case "state":
      return null;
    case "renewal":
      return `renewal ${f.renewalDate}`;
    case "onboarding":
      return `contract ${f.contractStart}`;
    case "cadence":
      return periodOf(rule.cadence ?? "monthly", asOf);
  }
}

/** The calendar period containing a day: the week's Monday, "2026-12", "2026-Q4", "2026-H2". */
export function periodOf(cadence: Cadence, asOf: IsoDate): string {
  const [year, month] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  switch (cadence) {
    case "weekly": {
      // 1970-01-05 was a Monday.
      const sinceMonday = (((daysBetween("1970-01-05", asOf) % 7) + 7) % 7) as number;
      return `week of ${addDays(asOf, -sinceMonday)}`;
    }
    case "monthly":
      return asOf.slice(0, 7);
    case "quarterly":
      return `${year}-Q${Math.ceil(month / 3)}`;
    case "semiannual":
      return `${year}-H${month <= 6 ? 1 : 2}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Reasons

const SEGMENT_LABELS: Record<Segment, string> = { enterprise: "Enterprise", mid_market: "Mid-Market", smb: "SMB" };
const FORECAST_LABELS: Record<RenewalForecast, string> = {
  commit: "commit",
  likely: "likely",
  at_risk: "at risk",
  lost: "lost",
};

/** One condition in words, from the account's actual values ("health fell 18 points in 30 days"). */
function phrase(c: Condition, f: PlaybookFacts, asOf: IsoDate, trendNamed: boolean): string | null {
  switch (c.fact) {
    case "band": {
      // A fall is the first thing a CSM asks about: say it even when the band alone raised the step.
      const fell = !trendNamed && f.trend !== null && f.trend < 0 ? `, down ${points(-f.trend)} in 30 days` : "";
      return `health ${f.score} (${f.band})${fell}`;
    }
    case "segment":
      return `${SEGMENT_LABELS[f.segment]} account`;
    case "renewalForecast":
      return `renewal forecast marked ${FORECAST_LABELS[f.renewalForecast ?? "at_risk"]}`;
    case "hasCsm":
      return c.value ? null : "no CSM assigned";
    case "score":
      return `health ${f.score}`;
    case "trend": {
      const t = f.trend ?? 0;
      if (t < 0) return `health fell ${points(-t)} in 30 days`;
      return t > 0 ? `health rose ${points(t)} in 30 days` : "health flat over 30 days";
    }
    case "daysToRenewal": {
      const d = daysBetween(asOf, f.renewalDate);
      if (d === 0) return "renewal today";
      if (d < 0) return `renewal ${-d} days overdue`;
      return d === 1 ? "renewal tomorrow" : `renewal in ${d} days`;
    }
    case "daysSinceStart": {
      const d = daysBetween(f.contractStart, asOf);
      return d >= 0 ? `day ${d} since the contract started` : `contract starts in ${-d} days`;
    }
    case "openExpansions":
      return f.openExpansions === 0 ? "no expansion deal open" : `${f.openExpansions} expansion deals open`;
    case "featureAdoption":
      return `feature adoption ${Math.round((f.featureAdoption ?? 0) * 100)}%`;
    case "execSponsorDays":
      return `executive sponsor met ${f.execSponsorDays} days ago`;
    case "nps":
      return `NPS ${f.nps}`;
  }
}

/** The matched conditions as one sentence, plus the biggest detractor when health is why. */
export function reasonFor(conditions: readonly Condition[], f: PlaybookFacts, asOf: IsoDate): string {
  const seen = new Set<string>();
  const phrases: string[] = [];
  const trendNamed = conditions.some((c) => c.fact === "trend");
  for (const c of conditions) {
    // "health 64 (yellow)" already says the score: one phrase per fact.
    const id = c.fact === "band" ? "score" : c.fact;
    if (seen.has(id)) continue;
    seen.add(id);
    const p = phrase(c, f, asOf, trendNamed);
    if (p) phrases.push(p);
  }
  if (phrases.length === 0) return "Scheduled by the playbook.";
  const sentence = `${capitalise(phrases.join(", "))}.`;
  const healthDriven = conditions.some((c) => c.fact === "band" || c.fact === "trend" || c.fact === "score");
  const label = f.detractor ? MEASURE_LABELS[f.detractor as keyof typeof MEASURE_LABELS] : undefined;
  const weakening = healthDriven && f.band !== "green" && f.band !== "purple";
  return label && weakening ? `${sentence} Biggest detractor: ${midSentence(label)}.` : sentence;
}

const points = (n: number) => `${n} ${n === 1 ? "point" : "points"}`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Login frequency" → "login frequency", but acronyms ("ROI achievement", "NPS / CSAT") stay. */
function midSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** A rule's conditions in words for the settings page ("band is red and renewal within 90 days"). */
export function describeConditions(conditions: Conditions): string {
  if (conditions.length === 0) return "Always";
  return conditions.map((clause) => clause.map(describeCondition).join(" and ")).join("; or ");
}

const NUMBER_FACT_LABELS: Record<NumberFact, string> = {
  score: "health score",
  trend: "30-day health change",
  daysToRenewal: "days to renewal",
  daysSinceStart: "days since contract start",
  openExpansions: "open expansion deals",
  featureAdoption: "feature adoption (0–1)",
  execSponsorDays: "days since the executive sponsor was met",
  nps: "NPS",
};

export function describeCondition(c: Condition): string {
  switch (c.fact) {
    case "band":
      return `band is ${c.value.join(" or ")}`;
    case "segment":
      return `segment is ${c.value.map((s) => SEGMENT_LABELS[s]).join(" or ")}`;
    case "renewalForecast":
      return `renewal forecast is ${c.value.map((v) => FORECAST_LABELS[v]).join(" or ")}`;
    case "hasCsm":
      return c.value ? "a CSM is assigned" : "no CSM is assigned";
    default:
      return `${NUMBER_FACT_LABELS[c.fact]} ${c.op === "lte" ? "≤" : "≥"} ${c.value}`;
  }
}

/**
 * Who owns manager-level steps: the first active manager by id (there are no teams yet), or
 * failing that the first active admin, so a save plan never goes unowned.
 */
export function playbookManager(users: readonly { id: number; role: string; active: boolean }[]): number | null {
  const firstActive = (role: string) =>
    users
      .filter((u) => u.active && u.role === role)
      .reduce<number | null>((min, u) => (min == null || u.id < min ? u.id : min), null);
  return firstActive("manager") ?? firstActive("admin");
}
