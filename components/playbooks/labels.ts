import type { Cadence, OwnerRole, PlaybookRule, StepPriority } from "@/lib/domain/playbooks";

export const OWNER_LABELS: Record<OwnerRole, string> = { csm: "CSM", ae: "Account executive", manager: "CS manager" };
export const PRIORITY_LABELS: Record<StepPriority, string> = {
  low: "Low",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
};
const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: "Every week",
  monthly: "Every month",
  quarterly: "Every quarter",
  semiannual: "Every half-year",
};

/** How often a rule's steps may come back, in words. */
export function triggerLabel(rule: Pick<PlaybookRule, "trigger" | "cadence" | "rearmDays">): string {
  switch (rule.trigger) {
    case "state":
      return `While the conditions hold · a closed step returns after ${rule.rearmDays} days`;
    case "renewal":
      return "Once per renewal";
    case "onboarding":
      return "Once per contract";
    case "cadence":
      return CADENCE_LABELS[rule.cadence ?? "monthly"];
  }
}
