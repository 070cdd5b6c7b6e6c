import { cn } from "@/components/ui/cn";

/** The 30-day trend: ▲ +7 / ▼ −12 / — (no score 30 days ago). A fall of 15+ is highlighted. */
export function Trend({ value }: { value: number | null }) {
  if (value === null)
    return (
      <span className="text-slate-500" title="No score 30 days ago">
        —
      </span>
    );
  if (value === 0)
    return (
      <span className="text-slate-500" aria-label="No change in 30 days">
        → 0
      </span>
    );
  const up = value > 0;
  return (
    <span
      className={cn(
        "tabular-nums",
        up ? "text-emerald-700" : value <= -15 ? "font-semibold text-red-700" : "text-red-600",
      )}
      aria-label={`${up ? "Up" : "Down"} ${Math.abs(value)} points in 30 days`}
    >
      {up ? "▲" : "▼"} {up ? "+" : "−"}
      {Math.abs(value)}
    </span>
  );
}
