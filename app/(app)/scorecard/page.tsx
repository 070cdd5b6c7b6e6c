import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { RenewalDueStat, RenewalFiguresNote } from "@/components/renewals/renewal-figures-note";
import { Table, Td, Th } from "@/components/ui/table";
import { MeasurableManager } from "@/components/scorecard/measurable-manager";
import { PrintButton } from "@/components/ui/print-button";
import { RecomputeForm } from "@/components/scorecard/recompute-form";
import { RockForm } from "@/components/scorecard/rock-form";
import { RocksTable } from "@/components/scorecard/rocks-table";
import { ScorecardTable } from "@/components/scorecard/scorecard-table";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { getPortfolioSummary, getTeamBook } from "@/lib/data/dashboards/portfolio";
import { listRocks } from "@/lib/data/scorecard/rocks";
import { getScorecard, listMeasurables, listScorecardOwners } from "@/lib/data/scorecard/scorecard";
import { addDays } from "@/lib/domain/dates";
import { formatDate, formatMoney, formatMoneyCompact } from "@/lib/format";
import { clock } from "@/lib/clock";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage() {
  const user = await requirePermission("scorecard:read");
  const canManage = can(user, "scorecard:manage");
  const today = clock.today();
  const [scorecard, rocks, summary, team, measurables, owners] = await Promise.all([
    getScorecard(today),
    listRocks(today),
    getPortfolioSummary(),
    getTeamBook(),
    canManage ? listMeasurables() : Promise.resolve([]),
    canManage ? listScorecardOwners() : Promise.resolve([]),
  ]);
  const weeks = scorecard.weeks;

  return (
    <div className="print-landscape space-y-6">
      <PageHeader
        title="Team scorecard"
        description={`Weekly measurables, ${formatDate(weeks[0].start)} – ${formatDate(weeks[weeks.length - 1].end)}: each week’s figure against its goal.`}
        actions={
          <div className="no-print flex gap-2">
            <a href="/api/exports/scorecard" className={buttonClass("secondary")}>
              Export CSV
            </a>
            <PrintButton />
          </div>
        }
      />
      <StatGrid>
        <Stat label="Active accounts" value={summary.activeAccounts.toLocaleString("en-US")} />
        <Stat label="ARR under management" value={formatMoneyCompact(summary.totalArr)} />
        <RenewalDueStat figures={summary.renewals} />
        <Stat
          label="Rocks on track"
          value={`${rocks.filter((r) => r.status === "on_track").length} of ${rocks.filter((r) => r.status !== "done").length}`}
          hint="Open quarterly goals"
        />
      </StatGrid>
      <RenewalFiguresNote />

      <Card>
        <CardHeader
          title="Weekly scorecard"
          description="Weeks start on Monday (UTC). Past weeks are stored when they end; ▼ and red mark a week off its goal. The dashed line in each trend is the goal."
        />
        {scorecard.rows.length === 0 ? (
          <EmptyState title="No measurables on the scorecard">
            {canManage ? "Add one from the metric catalogue below." : "A manager adds measurables here."}
          </EmptyState>
        ) : (
          <ScorecardTable scorecard={scorecard} />
        )}
      </Card>

      <Card className="print-keep">
        <CardHeader
          title="Rocks"
          description="This quarter’s goals: on or off track, and how far the linked metric has moved toward its target."
        />
        <RocksTable rocks={rocks} owners={owners} canManage={canManage} today={today} />
        {canManage && (
          <details className="no-print border-t border-slate-100 px-5 py-4">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a rock</summary>
            <div className="mt-3 max-w-2xl">
              <RockForm owners={owners} defaultDue={addDays(today, 90)} />
            </div>
          </details>
        )}
      </Card>

      <Card className="print-keep">
        <CardHeader
          title="Books by CSM"
          description="Open and overdue tasks count every task the CSM owns."
          actions={
            <a href="/api/exports/team-book" className={`no-print ${buttonClass("secondary")}`}>
              Export CSV<span className="sr-only"> of books by CSM</span>
            </a>
          }
        />
        {team.length === 0 ? (
          <EmptyState title="No CSMs yet">Add CSMs under Settings and assign them accounts.</EmptyState>
        ) : (
          <Table label="Books by CSM" stack>
            <thead>
              <tr>
                <Th>CSM</Th>
                <Th className="text-right">Accounts</Th>
                <Th className="text-right">ARR</Th>
                <Th className="text-right">Renewals due ≤ 90 days</Th>
                <Th className="text-right">Red / yellow</Th>
                <Th className="text-right">Open tasks</Th>
                <Th className="text-right">Overdue</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {team.map((row) => (
                <tr key={row.csmId}>
                  <Td className="font-medium text-slate-900">{row.name}</Td>
                  <Td data-label="Accounts" className="text-right tabular-nums">
                    {row.accounts}
                  </Td>
                  <Td data-label="ARR" className="text-right tabular-nums">
                    {formatMoney(row.arr)}
                  </Td>
                  <Td data-label="Renewals due in 90 days" className="text-right tabular-nums">
                    {row.renewing90}
                  </Td>
                  <Td data-label="Red / yellow" className="text-right tabular-nums">
                    {row.atRisk}
                  </Td>
                  <Td data-label="Open tasks" className="text-right tabular-nums">
                    {row.openTasks}
                  </Td>
                  <Td
                    data-label="Overdue tasks"
                    className={
                      row.overdueTasks ? "text-right font-medium tabular-nums text-red-600" : "text-right tabular-nums"
                    }
                  >
                    {row.overdueTasks}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      {canManage && (
        <div className="no-print space-y-6">
          <Card>
            <CardHeader
              title="Measurables"
              description="Add from the metric catalogue, set goals and owners, reorder or remove. Every change is audited."
            />
            <MeasurableManager measurables={measurables} owners={owners} />
          </Card>
          <Card>
            <CardHeader title="Recompute stored weeks" />
            <RecomputeForm />
          </Card>
        </div>
      )}
    </div>
  );
}
