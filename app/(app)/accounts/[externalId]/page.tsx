import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { HealthBadge } from "@/components/accounts/health-badge";
import { requireUser } from "@/lib/auth/session";
import { getAccount, getAccountHealthView } from "@/lib/data/accounts";
import { HealthBreakdown } from "@/components/accounts/health-breakdown";
import { Trend } from "@/components/accounts/trend";
import { ScoreHistoryChart } from "@/components/charts/score-history-chart";
import { UsageChart } from "@/components/charts/usage-chart";
import { MEASURE_LABELS } from "@/lib/domain/health-model";
import { formatDate, formatMoney, formatRelativeDays, SEGMENT_LABELS, STAGE_LABELS, TOUCHPOINT_LABELS } from "@/lib/format";

type Params = { params: Promise<{ externalId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { externalId } = await params;
  return { title: decodeURIComponent(externalId) };
}

export default async function AccountPage({ params }: Params) {
  await requireUser();
  const { externalId } = await params;
  const account = await getAccount(decodeURIComponent(externalId));
  if (!account) notFound();
  const view = await getAccountHealthView(account.id);

  const facts: [string, string][] = [
    ["ARR", formatMoney(account.arr)],
    ["Seats", account.seats.toLocaleString("en-US")],
    ["Renewal", `${formatDate(account.renewalDate)} (${formatRelativeDays(account.daysToRenewal)})`],
    ["Contract start", formatDate(account.contractStart)],
    ["CSM", account.csm?.name ?? "Unassigned"],
    ["AE", account.ae?.name ?? "Unassigned"],
    ["Plan", account.plan ?? "—"],
    ["Industry", account.industry ?? "—"],
  ];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-500">
        <Link href="/accounts" className="hover:text-slate-700">Accounts</Link> / <span className="text-slate-700">{account.name}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{account.name}</h1>
        <HealthBadge band={account.healthBand} score={account.healthScore} />
        <Trend value={view.trend} />
        <Badge>{SEGMENT_LABELS[account.segment]}</Badge>
        <Badge tone="brand">{STAGE_LABELS[account.stage]}{account.stageIsManual ? " (manual)" : ""}</Badge>
        {account.status === "churned" && <Badge tone="red">Churned</Badge>}
        {account.domain && <span className="text-sm text-slate-500">{account.domain}</span>}
      </div>

      <Card className="mb-6">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 px-5 py-4 md:grid-cols-4">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
              <dd className="mt-0.5 text-sm font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card className="mb-6">
        <CardHeader
          title="Why this score"
          description={
            view.health
              ? `Engagement 40 · product 30 · relationship 20 · business 10. Scored ${formatDate(view.asOf)}${view.health.biggestDetractor ? `; the biggest detractor is ${MEASURE_LABELS[view.health.biggestDetractor].toLowerCase()}.` : "."}`
              : undefined
          }
          actions={view.health?.insufficientData ? <Badge tone="yellow">Insufficient data</Badge> : undefined}
        />
        {view.health ? (
          <div className="p-5"><HealthBreakdown health={view.health} /></div>
        ) : (
          <EmptyState title="Not scored yet">The score appears as soon as usage, contacts or surveys arrive.</EmptyState>
        )}
      </Card>

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Health score, last 6 months" description="Dashed lines mark the yellow (60) and green (80) bands." />
          {view.history.length ? <div className="px-3 py-4"><ScoreHistoryChart data={view.history} /></div> : <EmptyState title="No history yet" />}
        </Card>
        <Card>
          <CardHeader title="Usage, last 6 months" description="Weekly logins and average daily active users." />
          {view.usage.length ? <div className="px-3 py-4"><UsageChart data={view.usage} /></div> : <EmptyState title="No usage reported" />}
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Contacts" description={`${account.contacts.length} people`} />
          {account.contacts.length === 0 ? (
            <EmptyState title="No contacts yet" />
          ) : (
            <ul className="divide-y divide-slate-100">
              {account.contacts.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-4 px-5 py-3">
                  <div>
                    <p className="text-sm font-medium text-slate-900">{c.name}</p>
                    <p className="text-xs text-slate-500">{c.title ?? "—"} · {c.email}</p>
                  </div>
                  <div className="flex flex-wrap justify-end gap-1">
                    {c.execSponsor && <Badge tone="brand">Exec sponsor</Badge>}
                    {c.champion && <Badge tone="green">Champion</Badge>}
                    {c.decisionMaker && <Badge>Decision maker</Badge>}
                    {c.referenceWilling && <Badge tone="purple">Reference</Badge>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title="Recent touchpoints" />
          {account.touchpoints.length === 0 ? (
            <EmptyState title="No touchpoints logged" />
          ) : (
            <ul className="divide-y divide-slate-100">
              {account.touchpoints.map((t) => (
                <li key={t.id} className="px-5 py-3">
                  <p className="text-sm font-medium text-slate-900">
                    {TOUCHPOINT_LABELS[t.type as keyof typeof TOUCHPOINT_LABELS]} <span className="font-normal text-slate-500">· {formatDate(t.occurredAt)}</span>
                    {t.attended === false && <span className="ml-2 text-xs text-red-600">not attended</span>}
                  </p>
                  {t.notes && <p className="mt-0.5 text-sm text-slate-600">{t.notes}</p>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Contract lines" description={account.purchasedFeatures.length ? `Purchased features: ${account.purchasedFeatures.join(", ")}` : undefined} />
          {account.contractLines.length === 0 ? (
            <EmptyState title="No contract lines" />
          ) : (
            <Table label="Contract lines">
              <thead>
                <tr><Th>Product</Th><Th className="text-right">Seats</Th><Th className="text-right">Annual price</Th><Th>Start</Th><Th>End</Th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {account.contractLines.map((l) => (
                  <tr key={l.id}>
                    <Td className="font-medium text-slate-900">{l.product}</Td>
                    <Td className="text-right tabular-nums">{l.seats}</Td>
                    <Td className="text-right tabular-nums">{formatMoney(l.price)}</Td>
                    <Td>{formatDate(l.startDate)}</Td>
                    <Td>{formatDate(l.endDate)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
