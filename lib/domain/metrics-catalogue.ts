// The metrics of SPEC §5 as the scorecard and dashboards list them: what each value means, its
// unit, which direction is good and the SPEC's target where it gives one.
//
// Scale: a "%" metric is a fraction (0.9 is 90%), and so are its targets; "$" is dollars to the
// cent; "score" is NPS points (−100…100) or a CSAT mean (1…5); "ratio" is x in "x : 1".

export const METRIC_KEYS = [
  "grr",
  "nrr",
  "logoChurnRate",
  "revenueChurnRate",
  "averageMrrPerAccount",
  "expansionRate",
  "upsellConversion",
  "unhealthyShare",
  "onboardingCompletion",
  "timeToValueDays",
  "nps",
  "csat",
  "timeToSignatureDays",
  "referencesGenerated",
  "referencesVsChurnedLogos",
  "csCostPctOfAcv",
  "csRoi",
  "ltv",
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];
export type MetricUnit = "%" | "$" | "days" | "count" | "ratio" | "score";

export interface MetricTarget {
  /** On target at or above this value. */
  min?: number;
  /** On target at or below this value. */
  max?: number;
  /** The SPEC's wording, for display. */
  text: string;
}

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  better: "higher" | "lower";
  target: MetricTarget | null;
}

const metric = (
  key: MetricKey,
  label: string,
  unit: MetricUnit,
  better: "higher" | "lower",
  target: MetricTarget | null = null,
): MetricDefinition => ({
  key,
  label,
  unit,
  better,
  target,
});

export const METRIC_CATALOGUE: readonly MetricDefinition[] = [
  metric("grr", "Gross revenue retention", "%", "higher", { min: 0.9, max: 0.95, text: "90–95%" }),
  metric("nrr", "Net revenue retention", "%", "higher", { min: 1.1, max: 1.2, text: "110–120%" }),
  // SPEC's target is annual: compare it with a trailing-12-month period.
  metric("logoChurnRate", "Logo churn rate", "%", "lower", { max: 0.05, text: "< 5% a year" }),
  metric("revenueChurnRate", "Revenue churn (eligible)", "%", "lower"),
  metric("averageMrrPerAccount", "Average MRR per account", "$", "higher"),
  metric("expansionRate", "Expansion rate", "%", "higher"),
  metric("upsellConversion", "Upsell conversion", "%", "higher", { min: 0.2, text: "> 20%" }),
  metric("unhealthyShare", "Unhealthy share (red + yellow)", "%", "lower", {
    max: 0.25,
    text: "25% (example quarterly goal)",
  }),
  metric("onboardingCompletion", "Onboarding completion", "%", "higher", { min: 0.9, text: "> 90%" }),
  metric("timeToValueDays", "Time to value (median)", "days", "lower"),
  metric("nps", "NPS", "score", "higher", { min: 50, text: "> 50" }),
  metric("csat", "CSAT", "score", "higher", { min: 4.5, text: "> 4.5 / 5" }),
  metric("timeToSignatureDays", "Time to renewal signature (median)", "days", "lower", { max: 30, text: "< 30 days" }),
  metric("referencesGenerated", "Reference-willing contacts", "count", "higher"),
  metric("referencesVsChurnedLogos", "References per churned logo", "ratio", "higher", {
    min: 1,
    text: "≥ churned logos",
  }),
  metric("csCostPctOfAcv", "CS cost as % of ACV", "%", "lower", { max: 0.12, text: "12% (example)" }),
  metric("csRoi", "CS ROI", "ratio", "higher", { min: 5, text: "5 : 1" }),
  metric("ltv", "Customer lifetime value", "$", "higher"),
];

// ---------------------------------------------------------------------------------------------
// The weekly scorecard (SPEC §5, EOS style): every metric above plus the weekly operational
// ones, each measured for a week over a stated window ending on the week's last day.

export const OPERATIONAL_METRIC_KEYS = ["accountsTouched", "overdueTasks", "renewalsSignedVsDue"] as const;
export type OperationalMetricKey = (typeof OPERATIONAL_METRIC_KEYS)[number];
export type ScorecardMetricKey = MetricKey | OperationalMetricKey;

/** What a week's figure covers, ending on the week's last day (or today in the current week). */
export type ScorecardWindow = "week" | "weekEnd" | "trailing90" | "trailing365";

export const SCORECARD_WINDOW_LABELS: Record<ScorecardWindow, string> = {
  week: "in the week",
  weekEnd: "at the week's end",
  trailing90: "trailing 90 days",
  trailing365: "trailing 12 months",
};

export interface ScorecardMetricDefinition {
  key: ScorecardMetricKey;
  label: string;
  unit: MetricUnit;
  better: "higher" | "lower";
  window: ScorecardWindow;
}

const WINDOW_BY_METRIC: Partial<Record<MetricKey, ScorecardWindow>> = {
  unhealthyShare: "weekEnd",
  referencesGenerated: "weekEnd",
  nps: "trailing90",
  csat: "trailing90",
  onboardingCompletion: "trailing90",
  timeToValueDays: "trailing90",
};

export const SCORECARD_METRICS: readonly ScorecardMetricDefinition[] = [
  ...METRIC_CATALOGUE.map(({ key, label, unit, better }) => ({
    key,
    label,
    unit,
    better,
    window: WINDOW_BY_METRIC[key] ?? ("trailing365" as const),
  })),
  { key: "accountsTouched", label: "Accounts touched", unit: "count", better: "higher", window: "week" },
  { key: "overdueTasks", label: "Overdue tasks", unit: "count", better: "lower", window: "weekEnd" },
  { key: "renewalsSignedVsDue", label: "Renewals signed vs due", unit: "%", better: "higher", window: "week" },
];

export const SCORECARD_METRIC_KEYS = SCORECARD_METRICS.map((m) => m.key) as readonly ScorecardMetricKey[];

export function scorecardMetric(key: string): ScorecardMetricDefinition | undefined {
  return SCORECARD_METRICS.find((m) => m.key === key);
}

/** A metric's target as defined once in the catalogue (tiles and chart lines both read it). */
export function metricTarget(key: MetricKey): MetricTarget {
  const target = METRIC_CATALOGUE.find((m) => m.key === key)?.target;
  if (!target) throw new Error(`No target for ${key}`);
  return target;
}
