import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { Band } from "@/lib/generated/prisma/enums";
import { BAND_LABELS } from "./health-badge";

const CHIP: Record<Band, { dot: string; active: string }> = {
  red: { dot: "bg-band-red", active: "ring-red-300 bg-red-50" },
  yellow: { dot: "bg-band-yellow", active: "ring-amber-300 bg-amber-50" },
  green: { dot: "bg-band-green", active: "ring-emerald-300 bg-emerald-50" },
  purple: { dot: "bg-band-purple", active: "ring-violet-300 bg-violet-50" },
};

const ORDER: Band[] = ["red", "yellow", "green", "purple"];

/** One chip per band with its count; the active chip toggles the filter off. */
export function BandChips({
  counts,
  active,
  hrefFor,
}: {
  counts: Record<Band, number>;
  active?: Band;
  hrefFor: (band: Band | undefined) => string;
}) {
  return (
    <nav aria-label="Health bands" className="flex flex-wrap gap-2">
      {ORDER.map((band) => {
        const isActive = active === band;
        return (
          <Link
            key={band}
            href={hrefFor(isActive ? undefined : band)}
            aria-current={isActive ? "true" : undefined}
            className={cn(
              "inline-flex items-center gap-2 rounded-full bg-white px-3.5 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-200 hover:bg-slate-50",
              isActive && CHIP[band].active,
            )}
          >
            <span aria-hidden className={cn("h-2.5 w-2.5 rounded-full", CHIP[band].dot)} />
            {BAND_LABELS[band]}
            <span className="tabular-nums text-slate-500">{counts[band]}</span>
          </Link>
        );
      })}
    </nav>
  );
}
