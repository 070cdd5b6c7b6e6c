import { cn } from "./cn";

export function Stat({
  label,
  value,
  hint,
  tone = "default",
  help,
}: {
  label: string;
  value: string;
  hint?: string;
  /** The figure's definition, shown on hover (and written out in a note under the tiles). */
  help?: string;
  tone?: "default" | "good" | "warn" | "bad";
}) {
  const toneClass = {
    default: "text-slate-900",
    good: "text-emerald-700",
    warn: "text-amber-700",
    bad: "text-red-700",
  }[tone];
  return (
    <div className="min-w-0 rounded-xl border border-slate-200 bg-white px-4 py-4 shadow-sm sm:px-5">
      <dt
        title={help}
        className={cn(
          "text-xs font-medium uppercase tracking-wide text-slate-500",
          help && "cursor-help underline decoration-slate-300 decoration-dotted underline-offset-4",
        )}
      >
        {label}
      </dt>
      <dd className={cn("mt-1 text-xl font-semibold tabular-nums sm:text-2xl", toneClass)}>{value}</dd>
      {hint && <dd className="mt-1 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

export function StatGrid({ children }: { children: React.ReactNode }) {
  return <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">{children}</dl>;
}
