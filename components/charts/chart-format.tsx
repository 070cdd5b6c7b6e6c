import { formatMoney, formatMoneyCompact, formatPercent } from "@/lib/format";

// Charts are client components, so their value formats travel as names rather than functions.
export type ValueFormat = "money" | "count" | "percent";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** Axis ticks: compact money, whole counts, whole percents. */
export function formatTick(format: ValueFormat, value: number): string {
  if (format === "money") return formatMoneyCompact(value);
  if (format === "percent") return formatPercent(value);
  return value.toLocaleString("en-US");
}

/** Tooltips: exact money, counts, percents to one decimal. */
export function formatValue(format: ValueFormat, value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return "—";
  if (format === "money") return formatMoney(value);
  if (format === "percent") return formatPercent(value, 1);
  return value.toLocaleString("en-US");
}

export { formatShortDate as shortDate } from "@/lib/format";

export const AXIS_TICK = { fill: "#64748b", fontSize: 11 } as const;

export const BAND_COLORS = { red: "#dc2626", yellow: "#d97706", green: "#16a34a", purple: "#7c3aed" } as const;

/** Legend labels in the text colour: pale series colours (e.g. "open") stay readable. */
export const legendText = (value: string) => <span style={{ color: "#475569" }}>{value}</span>;
