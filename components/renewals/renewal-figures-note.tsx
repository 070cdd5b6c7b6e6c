import { cn } from "@/components/ui/cn";
import { Stat } from "@/components/ui/stat";
import type { RenewalFigures } from "@/lib/data/renewals/figures";
import { formatMoneyCompact } from "@/lib/format";
import { RENEWAL_FIGURES } from "@/lib/domain/renewals";

/** The definitions of the renewal figures, written once and shown wherever the figures are. */
export function RenewalFiguresNote({ className = "" }: { className?: string }) {
  return (
    <dl
      className={cn("-mt-3 mb-6 space-y-0.5 text-xs text-slate-500", className)}
      aria-label="How these figures are counted"
    >
      {Object.values(RENEWAL_FIGURES).map((f) => (
        <div key={f.label}>
          <dt className="inline font-medium text-slate-600">{f.label}:</dt> <dd className="inline">{f.help}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One tile with the ARR due in 90 days and the part at risk, for overview pages. */
export function RenewalDueStat({ figures }: { figures: RenewalFigures }) {
  return (
    <Stat
      label={RENEWAL_FIGURES.due.label}
      value={formatMoneyCompact(figures.due.arr)}
      hint={`${figures.due.count} renewals · ${formatMoneyCompact(figures.atRisk.arr)} at risk`}
      help={`${RENEWAL_FIGURES.due.help} ${RENEWAL_FIGURES.atRisk.label}: ${RENEWAL_FIGURES.atRisk.help}`}
      tone={figures.atRisk.arr > 0 ? "warn" : "default"}
    />
  );
}
