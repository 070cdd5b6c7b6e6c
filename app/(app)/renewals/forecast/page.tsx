import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { AtRiskList, DueByForecastTable } from "@/components/renewals/forecast-summary";
import { PipelineFilters } from "@/components/renewals/pipeline-filters";
import { RenewalTabs } from "@/components/renewals/renewal-tabs";
import { requirePermission } from "@/lib/auth/session";
import { getForecastSummary } from "@/lib/data/renewals/forecast";
import { listPipelineOwners } from "@/lib/data/renewals/pipeline";
import { formatDate, formatMoney, formatPercent } from "@/lib/format";
import { pipelineFilterHref, ZPipelineQuery } from "@/lib/validation/renewals";
import { metricTarget } from "@/lib/domain/metrics-catalogue";

export const metadata: Metadata = { title: "Renewal forecast" };

/** GRR target band (metrics catalogue): at or above 90% is on target. */
const GRR_TARGET = metricTarget("grr").min ?? 0.9;

export default async function RenewalForecastPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("renewals:read");
  const raw = await searchParams;
  const query = ZPipelineQuery.parse(raw);
  const [summary, owners] = await Promise.all([getForecastSummary(user, query), listPipelineOwners()]);
  const { grr, quarter } = summary;

  return (
    <>
      <PageHeader
        title="Renewal forecast"
        description={`${user.role === "ae" && query.ae === undefined ? "Your book" : "The filtered book"}: ARR coming up for renewal by forecast, and what the quarter is expected to keep.`}
      />
      <RenewalTabs current="/renewals/forecast" searchParams={raw} />
      <PipelineFilters
        query={query}
        aes={owners.aes}
        csms={owners.csms}
        isAe={user.role === "ae"}
        resetHref="/renewals/forecast"
      />
      <StatGrid>
        {summary.horizons.map((h) => (
          <Stat
            key={h.days}
            label={`Due in ${h.days} days`}
            value={formatMoney(h.total)}
            hint={`${h.count} renewals · ${formatMoney(h.byCategory.commit)} committed`}
          />
        ))}
        <Stat
          label={`Forecast GRR, ${quarter.label}`}
          value={grr.grr === null ? "—" : formatPercent(grr.grr, 1)}
          hint={`Start ${formatMoney(grr.startArr)} · lost so far ${formatMoney(grr.lostSoFar)} · expected loss ${formatMoney(grr.expectedLoss)} by ${formatDate(quarter.end)}`}
          tone={grr.grr === null ? "default" : grr.grr >= GRR_TARGET ? "good" : "bad"}
        />
      </StatGrid>
      {summary.overdue.count > 0 && (
        <p className="mb-6 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          {summary.overdue.count} overdue {summary.overdue.count === 1 ? "renewal" : "renewals"} (
          {formatMoney(summary.overdue.arr)}) past the renewal date without an outcome; they count toward the
          quarter&apos;s expected loss.
        </p>
      )}
      <div className="space-y-6">
        <DueByForecastTable summary={summary} />
        <AtRiskList summary={summary} csvHref={pipelineFilterHref("/api/exports/renewals/at-risk", query)} />
      </div>
      <p className="mt-4 text-xs text-slate-500">
        Forecast GRR = (ARR at the quarter&apos;s start − churn and contraction recorded since − expected loss of the
        open renewals due by the quarter&apos;s end) ÷ ARR at the start. Expected loss by forecast: commit 0%, likely
        25%, at risk 75%, lost 100%; no forecast counts as likely. Target ≥ 90%.
      </p>
    </>
  );
}
