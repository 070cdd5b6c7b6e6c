// Renewal windows (SPEC §4): 90 days out the initial conversation, 60 the proposal,
// 30 the contract presentation; past the date and not closed it is overdue.

export type RenewalWindow = "overdue" | "0-30" | "31-60" | "61-90" | "later";

export const RENEWAL_WINDOWS: readonly RenewalWindow[] = ["overdue", "0-30", "31-60", "61-90", "later"];

export const WINDOW_LABELS: Record<RenewalWindow, string> = {
  overdue: "Overdue",
  "0-30": "0–30 days · contract",
  "31-60": "31–60 days · proposal",
  "61-90": "61–90 days · initial conversation",
  later: "Later",
};

export function renewalWindow(daysUntil: number): RenewalWindow {
  if (daysUntil < 0) return "overdue";
  if (daysUntil <= 30) return "0-30";
  if (daysUntil <= 60) return "31-60";
  if (daysUntil <= 90) return "61-90";
  return "later";
}
