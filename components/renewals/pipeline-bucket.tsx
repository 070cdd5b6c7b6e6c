import { Card, CardHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import type { PipelineBucket as Bucket } from "@/lib/data/renewals/pipeline";
import { PIPELINE_PAGE_SIZE } from "@/lib/domain/renewals";
import { WINDOW_LABELS } from "@/lib/domain/windows";
import { formatMoney } from "@/lib/format";
import { RenewalCard } from "./renewal-card";

/** A window of the pipeline with its totals: ARR due, ARR at risk and expected ARR. */
export function PipelineBucket({
  bucket,
  today,
  hrefFor,
}: {
  bucket: Bucket;
  today: string;
  hrefFor: (page: number) => string;
}) {
  const { totals } = bucket;
  const label = WINDOW_LABELS[bucket.window];
  return (
    <Card id={bucket.window}>
      <CardHeader title={label} description={`${totals.count} ${totals.count === 1 ? "renewal" : "renewals"}`} />
      <dl aria-label={`${label} totals`} className="grid grid-cols-3 gap-2 border-b border-slate-100 px-5 py-3 text-xs">
        <div>
          <dt className="text-slate-500">ARR due</dt>
          <dd className="text-sm font-semibold tabular-nums text-slate-900">{formatMoney(totals.arrDue)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">At risk</dt>
          <dd className="text-sm font-semibold tabular-nums text-amber-700">{formatMoney(totals.arrAtRisk)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Expected</dt>
          <dd className="text-sm font-semibold tabular-nums text-slate-900">{formatMoney(totals.expectedArr)}</dd>
        </div>
      </dl>
      {bucket.cards.length === 0 ? (
        <EmptyState title="Nothing in this window" />
      ) : (
        <ul aria-label={label} className="grid gap-3 p-4 sm:grid-cols-2 2xl:grid-cols-3">
          {bucket.cards.map((card) => (
            <li key={card.externalId}>
              <RenewalCard card={card} today={today} />
            </li>
          ))}
        </ul>
      )}
      {bucket.pageCount > 1 && (
        <Pagination page={bucket.page} pageSize={PIPELINE_PAGE_SIZE} total={totals.count} hrefFor={hrefFor} />
      )}
    </Card>
  );
}
