// Onboarding plans (SPEC §4, seeds 001 and 004): the first-30-days checklist and the five
// milestones, each with a due date from the contract start and a status derived from dates and
// progress. Pure: no database, no clock (today is passed in).
import { addDays, daysBetween, type IsoDate } from "./dates";

export const MILESTONE_KEYS = ["technical_setup", "active", "initial_value", "full_speed", "achievement"] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export interface MilestoneDefinition {
  key: MilestoneKey;
  title: string;
  /** Due this many weeks after the contract start. */
  dueWeek: number;
  /** The week the milestone's window opens (achievement runs weeks 12–52). */
  fromWeek: number;
}

export const MILESTONES: readonly MilestoneDefinition[] = [
  { key: "technical_setup", title: "Technical set-up", dueWeek: 1, fromWeek: 0 },
  { key: "active", title: "Active", dueWeek: 4, fromWeek: 1 },
  { key: "initial_value", title: "Initial value", dueWeek: 8, fromWeek: 4 },
  { key: "full_speed", title: "Full speed", dueWeek: 10, fromWeek: 8 },
  { key: "achievement", title: "Achievement", dueWeek: 52, fromWeek: 12 },
];

export const CHECKLIST_KEYS = [
  "welcome_kickoff",
  "implementation_plan",
  "quick_wins",
  "training_schedule",
  "success_metrics",
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export interface ChecklistDefinition {
  key: ChecklistKey;
  title: string;
  /** Due this many days after the contract start (all within the first 30 days). */
  dueDay: number;
  /** The milestone this item prepares: an overdue item puts that milestone behind. */
  milestone: MilestoneKey;
}

export const CHECKLIST: readonly ChecklistDefinition[] = [
  { key: "welcome_kickoff", title: "Welcome email and kickoff call", dueDay: 3, milestone: "technical_setup" },
  { key: "implementation_plan", title: "Implementation plan", dueDay: 7, milestone: "technical_setup" },
  { key: "quick_wins", title: "Quick wins identified", dueDay: 14, milestone: "active" },
  { key: "training_schedule", title: "Training schedule", dueDay: 21, milestone: "active" },
  { key: "success_metrics", title: "Success metrics defined", dueDay: 30, milestone: "initial_value" },
];

/** A milestone this many days past due, still not reached, is stuck rather than behind. */
export const STUCK_AFTER_DAYS = 14;

export type MilestoneStatus = "done" | "on_track" | "behind" | "stuck";

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  done: "Done",
  on_track: "On track",
  behind: "Behind",
  stuck: "Stuck",
};

export const isMilestoneKey = (key: string): key is MilestoneKey => (MILESTONE_KEYS as readonly string[]).includes(key);
export const isChecklistKey = (key: string): key is ChecklistKey => (CHECKLIST_KEYS as readonly string[]).includes(key);

export const milestoneDueDate = (contractStart: IsoDate, key: MilestoneKey): IsoDate =>
  addDays(contractStart, 7 * (MILESTONES.find((m) => m.key === key)?.dueWeek ?? 0));

export const checklistDueDate = (contractStart: IsoDate, key: ChecklistKey): IsoDate =>
  addDays(contractStart, CHECKLIST.find((c) => c.key === key)?.dueDay ?? 0);

export interface MilestoneStatusInput {
  dueDate: IsoDate;
  completedAt: IsoDate | null;
  /** Due dates of the milestone's checklist items that are not done yet. */
  openItemDueDates: readonly IsoDate[];
  today: IsoDate;
}

/**
 * Done once reached. Otherwise: stuck when more than STUCK_AFTER_DAYS past due; behind when past
 * due, or when an item that prepares it is overdue; on track when nothing is late.
 */
export function milestoneStatus({
  dueDate,
  completedAt,
  openItemDueDates,
  today,
}: MilestoneStatusInput): MilestoneStatus {
  if (completedAt !== null) return "done";
  const late = daysBetween(dueDate, today);
  if (late > STUCK_AFTER_DAYS) return "stuck";
  if (late > 0) return "behind";
  return openItemDueDates.some((due) => due < today) ? "behind" : "on_track";
}

export interface StoredMilestone {
  key: string;
  dueDate: IsoDate;
  completedAt: IsoDate | null;
  ownerId: number | null;
  challenges: string | null;
  issues: string | null;
}

export interface StoredChecklistItem {
  key: string;
  doneAt: IsoDate | null;
}

export interface ChecklistItemView {
  key: ChecklistKey;
  title: string;
  dueDate: IsoDate;
  done: boolean;
  doneAt: IsoDate | null;
  milestone: MilestoneKey;
}

export interface MilestoneView {
  key: MilestoneKey;
  title: string;
  dueDate: IsoDate;
  status: MilestoneStatus;
  completedAt: IsoDate | null;
  ownerId: number | null;
  challenges: string | null;
  issues: string | null;
}

export interface OnboardingPlan {
  checklist: ChecklistItemView[];
  milestones: MilestoneView[];
  /** Items and milestones done, out of all of them (0–1). */
  progress: number;
}

/**
 * The whole plan of one account: every item and milestone, whether stored yet or not (an
 * account has its plan from its contract start; rows are written when someone works it).
 * A stored milestone keeps its own due date (a CSM may have moved it).
 */
export function onboardingPlan(
  contractStart: IsoDate,
  stored: { milestones: readonly StoredMilestone[]; checklist: readonly StoredChecklistItem[] },
  today: IsoDate,
): OnboardingPlan {
  const items = new Map(stored.checklist.map((i) => [i.key, i]));
  const checklist: ChecklistItemView[] = CHECKLIST.map((def) => {
    const doneAt = items.get(def.key)?.doneAt ?? null;
    return {
      key: def.key,
      title: def.title,
      dueDate: checklistDueDate(contractStart, def.key),
      done: doneAt !== null,
      doneAt,
      milestone: def.milestone,
    };
  });
  const rows = new Map(stored.milestones.map((m) => [m.key, m]));
  const milestones: MilestoneView[] = MILESTONES.map((def) => {
    const row = rows.get(def.key);
    const dueDate = row?.dueDate ?? milestoneDueDate(contractStart, def.key);
    const completedAt = row?.completedAt ?? null;
    const openItemDueDates = checklist.filter((i) => i.milestone === def.key && !i.done).map((i) => i.dueDate);
    return {
      key: def.key,
      title: def.title,
      dueDate,
      status: milestoneStatus({ dueDate, completedAt, openItemDueDates, today }),
      completedAt,
      ownerId: row?.ownerId ?? null,
      challenges: row?.challenges ?? null,
      issues: row?.issues ?? null,
    };
  });
  const done = checklist.filter((i) => i.done).length + milestones.filter((m) => m.completedAt !== null).length;
  return { checklist, milestones, progress: done / (checklist.length + milestones.length) };
}
