import type { MetricUnit } from "@/lib/domain/metrics-catalogue";
import { formatShortDate } from "./format";

// How a metric's value reads on screen and in exports, by its unit. The number formats are made
// once: toLocaleString with options builds a new Intl.NumberFormat on every call (the scorecard
// formats 130 figures per view).
const upTo1 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const upTo2 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat("en-US");

export function formatMetricValue(value: number | null, unit: MetricUnit): string {
  if (value === null) return "—";
  switch (unit) {
    case "%":
      return `${(value * 100).toFixed(value !== 0 && Math.abs(value) < 0.1 ? 1 : 0)}%`;
    case "$":
      return `$${whole.format(Math.round(value))}`;
    case "days":
      return `${upTo1.format(value)} d`;
    case "ratio":
      return `${value.toFixed(2)} : 1`;
    case "score":
      return upTo1.format(value);
    case "count":
      return upTo2.format(value);
  }
}

/** "≤ 25%" / "≥ 110%": a goal with its direction. */
export function formatGoal(goal: number, direction: "gte" | "lte", unit: MetricUnit): string {
  return `${direction === "gte" ? "≥" : "≤"} ${formatMetricValue(goal, unit)}`;
}

/** The week's column heading: "Nov 23". */
export function formatWeek(start: string): string {
  return formatShortDate(start);
}
