import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { FORECAST_LABELS, formatDate, formatMoney, formatRelativeDays } from "@/lib/format";
import type { RenewalForecast, RenewalOutcome } from "@/lib/generated/prisma/enums";
import { ForecastPicker } from "./forecast-picker";
import { RecordOutcomeForm } from "./record-outcome-form";

const OUTCOME_LABELS: Record<RenewalOutcome, string> = {
  renewed: "Renewed flat",
  expanded: "Renewed with expansion",
  downgraded: "Downgraded",
  churned: "Churned",
};

interface RenewalFacts {
  renewalDate: string;
  forecast: RenewalForecast | null;
  arr: number;
  outcome: RenewalOutcome | null;
  newArr: number | null;
  signedAt: string | null;
}

/**
 * The account page's renewal: the open renewal with its forecast (the AE sets it here, as on the
 * pipeline) and its outcome form, and how the last renewal closed.
 */
export function AccountRenewal({
  account,
  open,
  daysToRenewal,
  lastClosed,
  editable,
  today,
}: {
  account: { id: number; name: string };
  open: RenewalFacts | null;
  daysToRenewal: number | null;
  lastClosed: RenewalFacts | null;
  editable: boolean;
  today: string;
}) {
  return (
    <Card className="mb-6">
      <CardHeader
        title="Renewal"
        description={editable ? "Your forecast feeds the renewal likelihood in the health score." : undefined}
      />
      <div className="space-y-4 px-5 py-4" data-testid="account-renewal">
        {open ? (
          <div className="flex flex-wrap items-start gap-x-8 gap-y-3">
            <div>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Renews</p>
              <p className="mt-0.5 text-sm font-medium text-slate-900">
                {formatDate(open.renewalDate)}
                {daysToRenewal !== null && (
                  <span className="text-slate-500"> ({formatRelativeDays(daysToRenewal)})</span>
                )}
              </p>
            </div>
            <div>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">ARR up for renewal</p>
              <p className="mt-0.5 text-sm font-medium text-slate-900">{formatMoney(open.arr)}</p>
            </div>
            <div>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Forecast</p>
              <div className="mt-1">
                {editable ? (
                  <ForecastPicker accountId={account.id} accountName={account.name} forecast={open.forecast} />
                ) : (
                  <Badge>{open.forecast ? FORECAST_LABELS[open.forecast] : "Not forecast yet"}</Badge>
                )}
              </div>
            </div>
            {editable && (
              <div className="w-full max-w-md">
                <RecordOutcomeForm accountId={account.id} accountName={account.name} arr={open.arr} today={today} />
              </div>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-500">No open renewal.</p>
        )}
        {lastClosed?.outcome && (
          <p className="text-sm text-slate-600" data-testid="last-renewal-outcome">
            Last renewal: <span className="font-medium text-slate-900">{OUTCOME_LABELS[lastClosed.outcome]}</span>
            {lastClosed.signedAt && ` on ${formatDate(lastClosed.signedAt)}`}
            {lastClosed.newArr !== null && ` at ${formatMoney(lastClosed.newArr)}`}.
          </p>
        )}
      </div>
    </Card>
  );
}
