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

/** The dated windows, nearest first: a renewal is in the first whose last day it is on or before. */
export const RENEWAL_WINDOW_ENDS: readonly { window: Exclude<RenewalWindow, "overdue" | "later">; lastDay: number }[] =
  [
    { window: "0-30", lastDay: 30 },
    { window: "31-60", lastDay: 60 },
    { window: "61-90", lastDay: 90 },
  ];

/** The renewal process starts (and the pipeline's "within 90 days" ends) here. */
export const RENEWAL_HORIZON_DAYS = 90;

export function renewalWindow(daysUntil: number): RenewalWindow {
  if (daysUntil < 0) return "overdue";
  return RENEWAL_WINDOW_ENDS.find((w) => daysUntil <= w.lastDay)?.window ?? "later";
}
