import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { BACKTEST_HORIZONS } from "@/lib/domain/backtest";
import type { SegmentFilter } from "@/lib/domain/backtest-report";
import { SEGMENT_LABELS } from "@/lib/format";

const SEGMENT_OPTIONS: [SegmentFilter, string][] = [["all", "All segments"], ...Object.entries(SEGMENT_LABELS)] as [
  SegmentFilter,
  string,
][];

const href = (horizon: number, segment: SegmentFilter) =>
  `/score-quality?horizon=${horizon}${segment === "all" ? "" : `&segment=${segment}`}`;

function Pill({ href, active, children }: { href: string; active: boolean; children: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={cn(
        "rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset",
        active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50",
      )}
    >
      {children}
    </Link>
  );
}

/** Which horizon and segment the page shows, as links (the state lives in the URL). */
export function QualityFilters({ horizon, segment }: { horizon: number; segment: SegmentFilter }) {
  return (
    <div className="no-print mb-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-6">
      <nav aria-label="Days before renewal" className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Score read</span>
        {BACKTEST_HORIZONS.map((h) => (
          <Pill key={h} href={href(h, segment)} active={h === horizon}>
            {`${h} days before`}
          </Pill>
        ))}
      </nav>
      <nav aria-label="Segment" className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Segment</span>
        {SEGMENT_OPTIONS.map(([value, label]) => (
          <Pill key={value} href={href(horizon, value)} active={value === segment}>
            {label}
          </Pill>
        ))}
      </nav>
    </div>
  );
}
