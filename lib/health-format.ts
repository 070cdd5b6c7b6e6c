import { roundHalfUp } from "@/lib/domain/health";
import { MEASURE_FORMATS, type MeasureKey, type ScaleKey } from "@/lib/domain/health-model";

/** A measure's raw value, floor or target as a reader expects it ("2.4 logins / seat / week", "35%"). */
export function formatMeasureValue(key: MeasureKey | ScaleKey, value: number | null, { unit = true } = {}): string {
  if (value === null) return "—";
  const f = MEASURE_FORMATS[key];
  const shown = roundHalfUp(value * f.factor, f.decimals)
    .toFixed(f.decimals)
    .replace(/^-/, "−");
  // Percentages keep their sign even without units ("35%"); other units are dropped.
  if (f.unit.startsWith("%")) return `${shown}${unit ? f.unit : "%"}`;
  return unit && f.unit ? `${shown} ${f.unit}` : shown;
}

/** Points with one decimal ("12.5"), for contributions and losses. */
export function formatPoints(value: number): string {
  return roundHalfUp(value, 1).toFixed(1);
}
