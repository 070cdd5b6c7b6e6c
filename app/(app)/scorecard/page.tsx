import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { getPortfolioSummary, getTeamBook } from "@/lib/data/portfolio";
import { formatMoney, formatMoneyCompact, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage() {
  await requirePermission("scorecard:read");
  const [summary, team] = await Promise.all([getPortfolioSummary(), getTeamBook()]);
  const scored = summary.byBand.filter((b) => b.band).reduce((s, b) => s + b.accounts, 0);
  const unhealthy = summary.byBand.filter((b) => b.band === "red" || b.band === "yellow").reduce((s, b) => s + b.accounts, 0);

  return (
    <>
      <PageHeader title="Team scorecard" description="This week's book across the team: where the ARR is, what renews next, who needs help." />
      <StatGrid>
        <Stat label="Active accounts" value={summary.activeAccounts.toLocaleString("en-US")} />
        <Stat label="ARR under management" value={formatMoneyCompact(summary.totalArr)} />
        <Stat label="Renewing in 90 days" value={formatMoneyCompact(summary.renewing90Arr)} hint={`${summary.renewing90Count} accounts`} />
        <Stat label="Unhealthy share" value={scored ? formatPercent(unhealthy / scored) : "—"} hint={scored ? "Red + yellow of scored accounts (goal 25%)" : "Appears once accounts are scored"} tone={scored && unhealthy / scored > 0.25 ? "warn" : "default"} />
      </StatGrid>
      <Card>
        <CardHeader title="Books by CSM" description="Open and overdue tasks count every task the CSM owns." />
        {team.length === 0 ? (
          <EmptyState title="No CSMs yet">Add CSMs under Settings and assign them accounts.</EmptyState>
        ) : (
          <Table label="Books by CSM">
            <thead>
              <tr>
                <Th>CSM</Th><Th className="text-right">Accounts</Th><Th className="text-right">ARR</Th>
                <Th className="text-right">Renewing ≤ 90 days</Th><Th className="text-right">Red / yellow</Th>
                <Th className="text-right">Open tasks</Th><Th className="text-right">Overdue</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {team.map((row) => (
                <tr key={row.csmId}>
                  <Td className="font-medium text-slate-900">{row.name}</Td>
                  <Td className="text-right tabular-nums">{row.accounts}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(row.arr)}</Td>
                  <Td className="text-right tabular-nums">{row.renewing90}</Td>
                  <Td className="text-right tabular-nums">{row.atRisk}</Td>
                  <Td className="text-right tabular-nums">{row.openTasks}</Td>
                  <Td className={row.overdueTasks ? "text-right font-medium tabular-nums text-red-600" : "text-right tabular-nums"}>{row.overdueTasks}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
