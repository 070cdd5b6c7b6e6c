import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SuccessPlanView } from "@/lib/data/renewals/commercial";
import type { ValueReport } from "@/lib/domain/qbr";
import { formatDate, formatMoney } from "@/lib/format";

/** The success plan and its value report: outcomes achieved and the customer's ROI. */
export function SuccessPlanPanel({
  outcomes,
  report,
  today,
}: {
  outcomes: SuccessPlanView[];
  report: ValueReport;
  today: string;
}) {
  return (
    <Card className="mb-6" id="success-plan">
      <CardHeader
        title="Success plan"
        description={
          outcomes.length
            ? `${report.achieved} of ${report.outcomes} outcomes achieved · ${formatMoney(report.annualValue)} a year delivered${report.roi !== null && report.annualValue > 0 ? ` (${report.roi.toFixed(1)}× ARR)` : ""}`
            : undefined
        }
      />
      {outcomes.length === 0 ? (
        <EmptyState title="No desired outcomes yet">
          Agree two or three measurable outcomes with the customer.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Desired outcomes">
          {outcomes.map((o) => (
            <li key={o.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3 text-sm">
              <span className="min-w-0 flex-1 font-medium text-slate-900">{o.title}</span>
              {o.metric && (
                <span className="text-slate-600">
                  {o.metric}: {o.baseline ?? "—"} → {o.current ?? "—"} (target {o.target ?? "—"})
                </span>
              )}
              {o.annualValue !== null && <span className="text-slate-600">{formatMoney(o.annualValue)}/yr</span>}
              {o.achieved ? (
                <Badge tone="green">Achieved {o.achievedAt ? formatDate(o.achievedAt) : ""}</Badge>
              ) : (
                <Badge tone={o.dueDate < today ? "yellow" : "slate"}>Due {formatDate(o.dueDate)}</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
