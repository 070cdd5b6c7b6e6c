// Voice of the customer: feedback types, theme statuses and how a title names its theme.

export const FEEDBACK_TYPES = ["feature_request", "bug", "complaint", "praise", "churn_reason"] as const;
export type FeedbackTypeKey = (typeof FEEDBACK_TYPES)[number];
export const FEEDBACK_TYPE_LABELS: Record<FeedbackTypeKey, string> = {
  feature_request: "Feature request",
  bug: "Bug",
  complaint: "Complaint",
  praise: "Praise",
  churn_reason: "Churn reason",
};

export const THEME_STATUSES = ["new", "under_review", "planned", "shipped", "declined"] as const;
export type ThemeStatusKey = (typeof THEME_STATUSES)[number];
export const THEME_STATUS_LABELS: Record<ThemeStatusKey, string> = {
  new: "New",
  under_review: "Under review",
  planned: "Planned",
  shipped: "Shipped",
  declined: "Declined",
};

/** Items with the same title (case and spacing aside) land in the same theme until a manager merges more. */
export const themeKey = (title: string) => title.trim().replace(/\s+/g, " ").toLowerCase();
