import type { MetricUnit } from "@/lib/domain/metrics-catalogue";
import { formatShortDate } from "./format";

// How a metric's value reads on screen and in exports, by its unit.

export function formatMetricValue(value: number | null, unit: MetricUnit): string {
  if (value === null) return "—";
  switch (unit) {
    case "%":
      return `${(value * 100).toFixed(value !== 0 && Math.abs(value) < 0.1 ? 1 : 0)}%`;
    case "$":
      return `$${Math.round(value).toLocaleString("en-US")}`;
    case "days":
      return `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })} d`;
    case "ratio":
      return `${value.toFixed(2)} : 1`;
    case "score":
      return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
    case "count":
      return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
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
