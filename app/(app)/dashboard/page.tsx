import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { RenewalDueStat, RenewalFiguresNote } from "@/components/renewals/renewal-figures-note";
import { ArrBySegmentChart } from "@/components/charts/arr-by-segment-chart";
import { BarSeriesChart } from "@/components/charts/bar-series-chart";
import { BAND_COLORS } from "@/components/charts/chart-format";
import { HealthMixChart } from "@/components/charts/health-mix-chart";
import { LineSeriesChart } from "@/components/charts/line-series-chart";
import { ChartCard } from "@/components/dashboards/chart-card";
import { PrintButton } from "@/components/ui/print-button";
import { BAND_LABELS } from "@/components/accounts/health-badge";
import { requireUser } from "@/lib/auth/session";
import { loadPortfolioCharts } from "@/lib/data/dashboards/portfolio-exports";
import { formatMoney, formatMoneyCompact, formatPercent, SEGMENT_LABELS } from "@/lib/format";
import { metricTarget } from "@/lib/domain/metrics-catalogue";
import type { Band } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Portfolio" };

const NRR_TARGET = metricTarget("nrr");
const GRR_TARGET = metricTarget("grr");

const BAND_ORDER: Band[] = ["purple", "green", "yellow", "red"];
const csv = (dataset: string) => `/api/exports/portfolio/${dataset}`;

export default async function DashboardPage() {
  await requireUser();
  const [s, mix, retention, churn] = await loadPortfolioCharts();
  const segments = s.bySegment.map((r) => ({
    label: SEGMENT_LABELS[r.segment as keyof typeof SEGMENT_LABELS],
    arr: r.arr,
    accounts: r.accounts,
  }));
  const bands = BAND_ORDER.map((band) => {
    const row = s.byBand.find((b) => b.band === band);
    return { label: BAND_LABELS[band], arr: row?.arr ?? 0, accounts: row?.accounts ?? 0 };
  });
  const latest = retention.at(-1);
  const mixWeeks = mix.filter((p) => p.asOf);

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="The whole customer base at a glance: health over time, retention, what renews next and why customers left."
        actions={<PrintButton />}
      />
      <StatGrid>
        <Stat
          label="ARR"
          value={formatMoneyCompact(s.totalArr)}
          hint={`${s.activeAccounts} active accounts · ${s.activeAccounts ? formatMoney(s.totalArr / 12 / s.activeAccounts) : "—"} MRR each`}
        />
        <Stat
          label="NRR, trailing 12 months"
          value={latest?.nrr == null ? "—" : formatPercent(latest.nrr, 1)}
          hint={`GRR ${latest?.grr == null ? "—" : formatPercent(latest.grr, 1)} · targets: NRR ${NRR_TARGET.text}, GRR ${GRR_TARGET.text}`}
          tone={
            latest?.nrr == null
              ? "default"
              : latest.nrr >= (NRR_TARGET.min ?? 1)
                ? "good"
                : latest.nrr < 1
                  ? "bad"
                  : "warn"
          }
        />
        <RenewalDueStat figures={s.renewals} />
        <Stat
          label="Churned, last 12 months"
          value={formatMoneyCompact(s.churnedLast12Arr)}
          hint={`${s.churnedLast12Count} accounts`}
          tone={s.churnedLast12Count ? "bad" : "default"}
        />
      </StatGrid>
      <RenewalFiguresNote />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <ChartCard
            title="Health mix over time"
            description="Active accounts per health band, week by week (26 weeks of scores)."
            csvHref={csv("health-mix")}
            empty={mixWeeks.length === 0}
            emptyText="Health history appears once accounts have been scored."
          >
            <HealthMixChart data={mixWeeks} />
          </ChartCard>
        </div>
        <ChartCard
          title="ARR by health band"
          description="Where today's ARR sits, by band."
          csvHref={csv("arr-by-band")}
          empty={bands.every((b) => b.accounts === 0)}
          emptyText="Bands appear once accounts are scored."
        >
          <BarSeriesChart
            label={`ARR by health band: ${bands.map((b) => `${b.label} ${formatMoney(b.arr)} (${b.accounts} accounts)`).join(", ")}`}
            data={bands}
            categoryKey="label"
            series={[{ key: "arr", label: "ARR", color: "#4f6ef7" }]}
            categoryColors={BAND_ORDER.map((b) => BAND_COLORS[b])}
            format="money"
          />
        </ChartCard>
        <ChartCard
          title="NRR and GRR"
          description="Trailing 12 months, at each quarter end and today."
          csvHref={csv("retention")}
          empty={retention.every((r) => r.nrr == null)}
          emptyText="Retention needs ARR history older than a year."
        >
          <LineSeriesChart
            label={`Trailing-12-month retention: ${retention.map((r) => `${r.period.to} NRR ${r.nrr == null ? "n/a" : formatPercent(r.nrr, 1)}, GRR ${r.grr == null ? "n/a" : formatPercent(r.grr, 1)}`).join("; ")}`}
            data={retention.map((r) => ({ to: r.period.to, nrr: r.nrr, grr: r.grr }))}
            xKey="to"
            xLabel="12 months to"
            xFormat="quarter"
            series={[
              { key: "nrr", label: "NRR", color: "#3b54e0" },
              { key: "grr", label: "GRR", color: "#16a34a" },
            ]}
            targets={[
              {
                value: NRR_TARGET.min ?? 1,
                to: NRR_TARGET.max,
                label: `NRR target ${NRR_TARGET.text}`,
                color: "#3b54e0",
              },
              {
                value: GRR_TARGET.min ?? 1,
                to: GRR_TARGET.max,
                label: `GRR target ${GRR_TARGET.text}`,
                color: "#16a34a",
              },
            ]}
            format="percent"
          />
        </ChartCard>
        <ChartCard
          title="Churned ARR by reason"
          description="ARR lost in the last 12 months, by the primary churn reason captured at offboarding."
          csvHref={csv("churn-reasons")}
          empty={churn.length === 0}
          emptyText="No ARR churned in the last 12 months."
        >
          <BarSeriesChart
            label={`Churned ARR by reason: ${churn.map((c) => `${c.reason} ${formatMoney(c.arr)}`).join(", ")}`}
            data={churn.map((c) => ({ ...c }))}
            categoryKey="reason"
            series={[{ key: "arr", label: "Churned ARR", color: "#dc2626" }]}
            format="money"
            horizontal
          />
        </ChartCard>
        <ChartCard
          title="ARR by segment"
          description="Enterprise is high touch, Mid-Market medium, SMB tech touch."
          csvHref={csv("arr-by-segment")}
          empty={segments.length === 0}
          emptyText="No active accounts yet."
        >
          <ArrBySegmentChart data={segments} />
        </ChartCard>
      </div>
    </>
  );
}
