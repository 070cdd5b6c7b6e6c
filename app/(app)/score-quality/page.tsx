import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { BarSeriesChart } from "@/components/charts/bar-series-chart";
import { BAND_COLORS } from "@/components/charts/chart-format";
import { ModelComparisonCard } from "@/components/health-quality/model-comparison-card";
import { MeasuresTable } from "@/components/health-quality/measures-table";
import { QualityFilters } from "@/components/health-quality/quality-filters";
import { QuarterAucChart } from "@/components/health-quality/quarter-auc-chart";
import { RocCurveChart } from "@/components/health-quality/roc-curve-chart";
import { RunBacktestForm } from "@/components/health-quality/run-backtest-form";
import { SampleSizeNote } from "@/components/health-quality/sample-size-note";
import { SegmentsTable } from "@/components/health-quality/segments-table";
import { SuggestedWeightsCard } from "@/components/health-quality/suggested-weights-card";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { getLatestBacktest } from "@/lib/data/health/backtest";
import { db } from "@/lib/db";
import { percent } from "@/lib/domain/backtest";
import { findSlice, type BacktestSlice } from "@/lib/domain/backtest-report";
import { formatDate } from "@/lib/format";
import { ZBacktestQuery } from "@/lib/validation/api";

export const metadata: Metadata = { title: "Score quality" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const BAND_LABELS = { red: "Red", yellow: "Yellow", green: "Green", purple: "Purple" } as const;

export default async function ScoreQualityPage({ searchParams }: Props) {
  const user = await requirePermission("score-quality:read");
  const parsed = ZBacktestQuery.safeParse(await searchParams);
  const horizon = parsed.success ? parsed.data.horizon : 90;
  const segment = (parsed.success && parsed.data.segment) || "all";
  const run = await getLatestBacktest(db);
  const slice = run && findSlice(run.slices, horizon, segment);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Score quality"
        description="How well the health score predicted the renewals that have closed: each account’s score some days before its renewal, against whether the renewal was lost (churned or downgraded)."
        actions={<RunBacktestForm />}
      />
      {!run || !slice ? (
        <Card>
          <EmptyState title="No backtest yet">
            Run it now, or wait for tonight’s run. It needs renewals with a recorded outcome.
          </EmptyState>
        </Card>
      ) : (
        <>
          <QualityFilters horizon={horizon} segment={segment} />
          <p className="-mt-3 text-xs text-slate-500">
            Run {formatDate(run.computedAt)} over {run.renewals.toLocaleString("en-US")} closed renewals, health model
            version {run.modelVersion}.
          </p>
          <SampleSizeNote n={slice.n} positives={slice.positives} />
          <Headline slice={slice} />
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader
                title="ROC curve"
                description={`Flagging every account below a score ${slice.horizonDays} days before renewal: the higher the curve bows above the diagonal, the better the score separates lost renewals from kept ones.`}
              />
              <div className="px-3 py-4">
                {slice.roc.length ? (
                  <RocCurveChart points={slice.roc} label={`ROC curve, AUC ${slice.auc?.toFixed(2) ?? "—"}`} />
                ) : (
                  <EmptyState title="Needs both lost and kept renewals" />
                )}
              </div>
            </Card>
            <Card>
              <CardHeader
                title="Churn rate by band"
                description="Of the renewals whose account was in each band, the share that churned or downgraded. A good score makes red high and green low."
              />
              <div className="px-3 py-4">
                <BarSeriesChart
                  data={slice.bands.map((b) => ({ band: `${BAND_LABELS[b.band]} (${b.n})`, rate: b.churnRate }))}
                  categoryKey="band"
                  series={[{ key: "rate", label: "Churn rate", color: BAND_COLORS.red }]}
                  categoryColors={slice.bands.map((b) => BAND_COLORS[b.band])}
                  format="percent"
                  label={slice.bands
                    .map(
                      (b) => `${BAND_LABELS[b.band]}: ${b.churnRate === null ? "no renewals" : percent(b.churnRate)}`,
                    )
                    .join(", ")}
                />
              </div>
            </Card>
          </div>
          <Card>
            <CardHeader
              title="Measures ranked by AUC"
              description="Each measure on its own: 1.00 would separate lost from kept renewals perfectly, 0.50 is chance, below 0.50 points the wrong way."
            />
            <MeasuresTable measures={slice.measures} />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader
                title="Trend by quarter"
                description="AUC of the renewals due in each quarter. Small quarters swing."
              />
              <div className="px-3 py-4">
                {slice.quarters.some((q) => q.auc !== null) ? (
                  <QuarterAucChart quarters={slice.quarters} label="AUC by quarter of renewal" />
                ) : (
                  <EmptyState title="No quarter has both lost and kept renewals yet" />
                )}
              </div>
            </Card>
            <Card>
              <CardHeader title="By segment" description={`The same score, ${horizon} days before renewal.`} />
              <SegmentsTable slices={run.slices.filter((s) => s.horizonDays === horizon)} />
            </Card>
          </div>
          <ModelComparisonCard
            horizon={horizon}
            comparisons={run.comparisons.filter(
              (c) => c.horizonDays === horizon && (segment === "all" || c.segment === segment),
            )}
          />
          <SuggestedWeightsCard
            suggestion={run.suggestions.find((s) => s.segment === segment)}
            runId={run.id}
            segment={segment}
            canApply={can(user, "settings:manage")}
          />
        </>
      )}
    </div>
  );
}

function Headline({ slice }: { slice: BacktestSlice }) {
  const { alarm, leadTime } = slice;
  const fmt = (v: number | null, f: (x: number) => string) => (v === null ? "—" : f(v));
  return (
    <StatGrid>
      <Stat
        label="AUC"
        value={fmt(slice.auc, (v) => v.toFixed(2))}
        hint={
          slice.aucLow === null || slice.aucHigh === null
            ? "Needs both lost and kept renewals"
            : `95% interval ${slice.aucLow.toFixed(2)}–${slice.aucHigh.toFixed(2)} · 0.50 is chance`
        }
        tone={slice.auc === null ? "default" : slice.auc >= 0.7 ? "good" : slice.auc >= 0.6 ? "warn" : "bad"}
      />
      <Stat
        label="Renewals"
        value={slice.n.toLocaleString("en-US")}
        hint={`${slice.positives.toLocaleString("en-US")} lost · base rate ${fmt(alarm.baseRate, percent)}`}
      />
      <Stat
        label="Red as an alarm"
        value={alarm.lift === null ? "—" : `${alarm.lift.toFixed(1)}× lift`}
        hint={`Precision ${fmt(alarm.precision, percent)} · recall ${fmt(alarm.recall, percent)}`}
      />
      <Stat
        label="Lead time"
        value={leadTime.medianDays === null ? "—" : `${leadTime.medianDays} days`}
        hint={`Median, over the ${leadTime.alarmed} of ${leadTime.positives} lost renewals that were red beforehand`}
      />
    </StatGrid>
  );
}
