import { Stat, StatGrid } from "@/components/ui/stat";
import { RenewalDueStat, RenewalFiguresNote } from "@/components/renewals/renewal-figures-note";
import { BarSeriesChart } from "@/components/charts/bar-series-chart";
import { LineSeriesChart } from "@/components/charts/line-series-chart";
import type { StageCharts as StageChartsData, StageTotals } from "@/lib/data/dashboards/stages";
import {
  DASHBOARD_RENEWAL_WINDOWS,
  MILESTONE_LABELS,
  TIME_TO_VALUE_TARGET_DAYS,
  timeToValueWeeks,
} from "@/lib/domain/dashboards";
import { FORECAST_LABELS, formatMoney, formatMoneyCompact, formatMonth, formatPercent } from "@/lib/format";
import { ChartCard } from "./chart-card";

const EXPANSION_TYPE_LABELS: Record<string, string> = {
  seats: "Seats",
  tier: "Tier upgrade",
  add_on: "Add-on",
  services: "Services",
  training: "Training",
};
const WINDOW_LABELS = {
  overdue: "Overdue",
  "0-30": "0–30 days",
  "31-60": "31–60 days",
  "61-90": "61–90 days",
} as const;
const FORECASTS = [
  { key: "commit", label: FORECAST_LABELS.commit, color: "#16a34a" },
  { key: "likely", label: FORECAST_LABELS.likely, color: "#4f6ef7" },
  { key: "at_risk", label: FORECAST_LABELS.at_risk, color: "#d97706" },
  { key: "lost", label: FORECAST_LABELS.lost, color: "#dc2626" },
  { key: "none", label: "No forecast", color: "#94a3b8" },
];

const pct = (n: number, d: number) => (d === 0 ? "—" : formatPercent(n / d));

/** The stage's stat tiles and charts (plain props; lib/data/dashboards/stages.ts loads them). */
export function StageCharts({ charts, totals }: { charts: StageChartsData; totals: StageTotals }) {
  const common = (
    <>
      <Stat
        label="Accounts"
        value={totals.accounts.toLocaleString("en-US")}
        hint={`${formatMoneyCompact(totals.arr)} ARR`}
      />
      <Stat
        label="Unhealthy share"
        value={pct(totals.unhealthy, totals.scored)}
        hint={`${totals.unhealthy} red or yellow of ${totals.scored} scored`}
        tone={totals.scored && totals.unhealthy / totals.scored > 0.34 ? "warn" : "default"}
      />
      <Stat label="Average health score" value={totals.averageScore == null ? "—" : String(totals.averageScore)} />
    </>
  );
  const { tile, cards } = stageParts(charts);
  return (
    <>
      <StatGrid>
        {common}
        {tile}
      </StatGrid>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">{cards}</div>
    </>
  );
}

function stageParts(charts: StageChartsData) {
  switch (charts.stage) {
    case "onboarding": {
      const { milestones, timeToValue, medianTimeToValue } = charts.onboarding;
      const bins = timeToValueWeeks(timeToValue);
      const reached = timeToValue.reduce((sum, t) => sum + t.count, 0);
      return {
        tile: (
          <Stat
            label="Time to value (median)"
            value={medianTimeToValue == null ? "—" : `${medianTimeToValue} days`}
            hint={`Target ${TIME_TO_VALUE_TARGET_DAYS} days (week 8) · ${reached} accounts, last 12 months`}
            tone={
              medianTimeToValue == null ? "default" : medianTimeToValue <= TIME_TO_VALUE_TARGET_DAYS ? "good" : "bad"
            }
          />
        ),
        cards: (
          <>
            <ChartCard
              title="Milestone progress"
              description="Onboarding accounts' milestones: done, still open, or past their target date."
              empty={milestones.every((m) => m.done + m.open + m.overdue === 0)}
              emptyText="No onboarding account has milestones yet."
            >
              <BarSeriesChart
                label={`Milestone progress: ${milestones.map((m) => `${MILESTONE_LABELS[m.key]} ${m.done} done, ${m.overdue} overdue, ${m.open} open`).join("; ")}`}
                data={milestones.map((m) => ({ ...m, label: MILESTONE_LABELS[m.key] ?? m.key }))}
                categoryKey="label"
                series={[
                  { key: "done", label: "Done", color: "#16a34a" },
                  { key: "open", label: "Open", color: "#c7d4ff" },
                  { key: "overdue", label: "Overdue", color: "#dc2626" },
                ]}
                format="count"
                stacked
              />
            </ChartCard>
            <ChartCard
              title="Time to value"
              description={`Days from contract start to initial value, accounts that reached it in the last 12 months. Median ${medianTimeToValue ?? "—"} vs target ${TIME_TO_VALUE_TARGET_DAYS}.`}
              empty={bins.length === 0}
              emptyText="No account reached initial value in the last 12 months."
            >
              <BarSeriesChart
                label={`Time to value distribution, median ${medianTimeToValue} days`}
                data={bins}
                categoryKey="label"
                series={[{ key: "accounts", label: "Accounts", color: "#4f6ef7" }]}
                format="count"
              />
              <p className="px-2 text-center text-xs text-slate-500">Days from contract start, by week</p>
            </ChartCard>
          </>
        ),
      };
    }
    case "adoption": {
      const weeks = charts.adoption;
      const last = weeks.at(-1);
      const empty = weeks.every((w) => !w.activeUserRatio && !w.featureDepth);
      return {
        tile: (
          <Stat
            label="Active users / seats"
            value={last?.activeUserRatio == null ? "—" : formatPercent(last.activeUserRatio, 1)}
            hint="Average per day, last 7 days"
          />
        ),
        cards: (
          <>
            <ChartCard
              title="Active users / seats"
              description="Average daily active users per purchased seat, week by week (13 weeks)."
              empty={empty}
              emptyText="No usage arrived for these accounts in 13 weeks."
            >
              <LineSeriesChart
                label="Weekly active-user ratio"
                data={weeks.map((w) => ({ week: w.week, ratio: w.activeUserRatio }))}
                xKey="week"
                xLabel="Week to"
                series={[{ key: "ratio", label: "Active users / seats", color: "#3b54e0" }]}
                format="percent"
              />
            </ChartCard>
            <ChartCard
              title="Feature adoption"
              description="Mean daily share of the purchased features in use, week by week (13 weeks)."
              empty={empty}
              emptyText="No usage arrived for these accounts in 13 weeks."
            >
              <LineSeriesChart
                label="Weekly feature usage depth"
                data={weeks.map((w) => ({ week: w.week, depth: w.featureDepth }))}
                xKey="week"
                xLabel="Week to"
                series={[{ key: "depth", label: "Purchased features used", color: "#7c3aed" }]}
                format="percent"
              />
            </ChartCard>
          </>
        ),
      };
    }
    case "value_realization": {
      const { months, due, achieved } = charts.outcomes;
      return {
        tile: (
          <Stat
            label="Outcomes achieved"
            value={pct(achieved, due)}
            hint={`${achieved} of ${due} outcomes due so far`}
            tone={due && achieved / due >= 0.8 ? "good" : "default"}
          />
        ),
        cards: (
          <div className="lg:col-span-2">
            <ChartCard
              title="Outcomes achieved vs due"
              description="Success-plan outcomes due each month (last 6 months) and how many of them were achieved."
              empty={months.every((m) => m.due === 0)}
              emptyText="No success-plan outcome fell due in the last 6 months."
            >
              <BarSeriesChart
                label={`Outcomes by month: ${months.map((m) => `${m.month} ${m.achieved} of ${m.due}`).join(", ")}`}
                data={months.map((m) => ({ ...m, label: formatMonth(m.month) }))}
                categoryKey="label"
                series={[
                  { key: "due", label: "Due", color: "#c7d4ff" },
                  { key: "achieved", label: "Achieved", color: "#16a34a" },
                ]}
                format="count"
              />
            </ChartCard>
          </div>
        ),
      };
    }
    case "expansion": {
      const { pipeline, triggers } = charts.expansion;
      const open = pipeline.filter((p) => p.status === "open");
      const types = [...new Set(pipeline.map((p) => p.type))].sort();
      const byType = types.map((type) => {
        const cell = (status: string) => pipeline.find((p) => p.type === type && p.status === status)?.arr ?? 0;
        return { label: EXPANSION_TYPE_LABELS[type] ?? type, open: cell("open"), won: cell("won"), lost: cell("lost") };
      });
      const triggerRows = [
        { label: "Health score above 80", accounts: triggers.healthy },
        { label: "Active users at target", accounts: triggers.highUsage },
        { label: "Feature adoption at target", accounts: triggers.highAdoption },
        { label: "Exec sponsor touched (90 days)", accounts: triggers.execEngaged },
        { label: "Promoter NPS (180 days)", accounts: triggers.promoters },
      ];
      return {
        tile: (
          <Stat
            label="Open pipeline"
            value={formatMoneyCompact(open.reduce((s, p) => s + p.arr, 0))}
            hint={`${open.reduce((s, p) => s + p.deals, 0)} open deals`}
          />
        ),
        cards: (
          <>
            <ChartCard
              title="Expansion pipeline by type"
              description="ARR of open deals, and of deals won or lost in the last 12 months."
              empty={pipeline.length === 0}
              emptyText="No expansion deals for these accounts."
            >
              <BarSeriesChart
                label={`Expansion ARR by type: ${byType.map((t) => `${t.label} open ${formatMoney(t.open)}`).join(", ")}`}
                data={byType}
                categoryKey="label"
                series={[
                  { key: "open", label: "Open", color: "#4f6ef7" },
                  { key: "won", label: "Won", color: "#16a34a" },
                  { key: "lost", label: "Lost", color: "#cbd5e1" },
                ]}
                format="money"
              />
            </ChartCard>
            <ChartCard
              title="Expansion triggers"
              description={`Accounts in the stage showing each upsell trigger of ${triggers.accounts}.`}
              empty={triggers.accounts === 0}
              emptyText="No accounts are in the expansion stage."
            >
              <BarSeriesChart
                label={`Expansion triggers: ${triggerRows.map((t) => `${t.label} ${t.accounts}`).join(", ")}`}
                data={triggerRows}
                categoryKey="label"
                series={[{ key: "accounts", label: "Accounts", color: "#16a34a" }]}
                format="count"
                horizontal
              />
            </ChartCard>
          </>
        ),
      };
    }
    case "renewal": {
      const cells = charts.renewals;
      const byWindow = DASHBOARD_RENEWAL_WINDOWS.map((window) => ({
        label: WINDOW_LABELS[window],
        ...Object.fromEntries(
          FORECASTS.map((f) => [
            f.key,
            cells.filter((c) => c.window === window && c.forecast === f.key).reduce((s, c) => s + c.arr, 0),
          ]),
        ),
      }));
      const byForecast = FORECASTS.map((f) => ({
        label: f.label,
        arr: cells.filter((c) => c.forecast === f.key).reduce((s, c) => s + c.arr, 0),
      }));
      return {
        tile: <RenewalDueStat figures={charts.figures} />,
        cards: (
          <>
            <RenewalFiguresNote className="mt-0 lg:col-span-2" />
            <ChartCard
              title="ARR due by window"
              description="Open renewals due within 90 days or overdue, stacked by forecast."
              empty={cells.length === 0}
              emptyText="No open renewals are due within 90 days."
            >
              <BarSeriesChart
                label={`ARR due by window: ${byWindow.map((w) => w.label).join(", ")}`}
                data={byWindow}
                categoryKey="label"
                series={FORECASTS}
                format="money"
                stacked
              />
            </ChartCard>
            <ChartCard
              title="Forecast"
              description="The same ARR by the AEs' forecast category."
              empty={cells.length === 0}
              emptyText="No open renewals are due within 90 days."
            >
              <BarSeriesChart
                label={`ARR by forecast: ${byForecast.map((f) => `${f.label} ${formatMoney(f.arr)}`).join(", ")}`}
                data={byForecast}
                categoryKey="label"
                series={[{ key: "arr", label: "ARR", color: "#3b54e0" }]}
                format="money"
              />
            </ChartCard>
          </>
        ),
      };
    }
  }
}
