import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { HealthBadge } from "@/components/accounts/health-badge";
import type { PipelineCard } from "@/lib/data/renewals/pipeline";
import { FORECAST_LABELS, formatDate, formatMoney, formatRelativeDays, SEGMENT_LABELS } from "@/lib/format";
import { ForecastPicker } from "./forecast-picker";
import { RecordOutcomeForm } from "./record-outcome-form";

/** One open renewal: who, how much, how healthy, how likely, how soon — and, for its AE, the controls. */
export function RenewalCard({ card, today }: { card: PipelineCard; today: string }) {
  return (
    <article aria-label={card.name} className="rounded-lg border border-slate-200 p-3">
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/accounts/${encodeURIComponent(card.externalId)}`}
          className="text-sm font-medium text-slate-900 hover:text-brand-700"
        >
          {card.name}
        </Link>
        <span className="text-sm font-medium tabular-nums text-slate-800">{formatMoney(card.arr)}</span>
      </div>
      <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
        <HealthBadge band={card.band} score={card.score} testId={`health-${card.externalId}`} />
        <span className={card.daysUntil < 0 ? "font-medium text-red-700" : undefined}>
          {formatDate(card.renewalDate)} · {formatRelativeDays(card.daysUntil)}
        </span>
        <span>· {SEGMENT_LABELS[card.segment]}</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        AE {card.aeName ?? "unassigned"} · CSM {card.csmName ?? "unassigned"} · last touch{" "}
        {card.lastTouchAt ? formatDate(card.lastTouchAt) : "never"}
      </p>
      <div className="mt-2">
        {card.editable ? (
          <ForecastPicker accountId={card.accountId} accountName={card.name} forecast={card.forecast} />
        ) : (
          <Badge tone={card.forecast === "at_risk" || card.forecast === "lost" ? "red" : "slate"}>
            {card.forecast ? FORECAST_LABELS[card.forecast] : "No forecast"}
          </Badge>
        )}
      </div>
      {card.editable && (
        <RecordOutcomeForm accountId={card.accountId} accountName={card.name} arr={card.arr} today={today} />
      )}
    </article>
  );
}
