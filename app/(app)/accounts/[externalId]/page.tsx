import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { HealthBadge } from "@/components/accounts/health-badge";
import { requireUser } from "@/lib/auth/session";
import { canOnAccount } from "@/lib/auth/permissions";
import { getActiveOverride } from "@/lib/data/overrides";
import { SentimentNote, SentimentOverrideForm } from "@/components/accounts/sentiment-override";
import { StageOverrideForm } from "@/components/accounts/stage-override";
import { AccountActions } from "@/components/accounts/account-actions";
import { TouchpointForm } from "@/components/accounts/touchpoint-form";
import { ContactForm } from "@/components/accounts/contact-form";
import { SurveyForm } from "@/components/accounts/survey-form";

import { getAccount, getAccountChanges, getAccountHealthView } from "@/lib/data/accounts";
import { CreateTaskForm } from "@/components/tasks/create-task-form";
import type { BadgeTone } from "@/components/ui/badge";
import { HealthBreakdown } from "@/components/accounts/health-breakdown";
import { Trend } from "@/components/accounts/trend";
import { ScoreHistoryChart } from "@/components/charts/score-history-chart";
import { UsageChart } from "@/components/charts/usage-chart";
import { MEASURE_LABELS } from "@/lib/domain/health-model";
import { StatusBadge } from "@/components/offboarding/status-badge";
import { TerminationForm } from "@/components/offboarding/termination-form";
import { getAccountStatusLabel } from "@/lib/data/offboarding";
import { decodePathSegment, offboardingPath } from "@/lib/paths";
import { formatDate, formatMoney, formatRelativeDays, SEGMENT_LABELS, STAGE_LABELS, TOUCHPOINT_LABELS } from "@/lib/format";
import { clock } from "@/lib/clock";

type Params = { params: Promise<{ externalId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { externalId } = await params;
  return { title: decodePathSegment(externalId) ?? "Account" };
}

export default async function AccountPage({ params }: Params) {
  const user = await requireUser();
  const { externalId } = await params;
  const decoded = decodePathSegment(externalId);
  const account = decoded === null ? null : await getAccount(decoded);
  if (!account) notFound();
  const [view, override, changes, statusLabel] = await Promise.all([
    getAccountHealthView(account.id),
    getActiveOverride(account.id),
    getAccountChanges(account.id),
    getAccountStatusLabel(account.id, account.status),
  ]);
  const today = clock.today();
  const contactOptions = account.contacts.map((c) => ({ email: c.email, name: c.name, execSponsor: c.execSponsor }));
  const canEdit = canOnAccount(user, "account:edit", { csmId: account.csm?.id ?? null, aeId: account.ae?.id ?? null });

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
        <HealthBadge band={account.healthBand} score={account.healthScore} testId="health-score" />
        <Trend value={view.trend} />
        <Badge>{SEGMENT_LABELS[account.segment]}</Badge>
        <span title={account.stageOverrideReason ? `Set by hand: ${account.stageOverrideReason}` : undefined} data-testid="lifecycle-stage">
          <Badge tone="brand">{STAGE_LABELS[account.stage]}{account.stageIsManual ? " (manual)" : ""}</Badge>
        </span>
        {account.status === "churned" && (
          <>
            <StatusBadge label={statusLabel} />
            <Link href={offboardingPath(account.externalId)} className="text-sm font-medium text-brand-700 hover:underline">Offboarding checklist</Link>
          </>
        )}
        {account.domain && <span className="text-sm text-slate-500">{account.domain}</span>}
      </div>

      {override && <div className="-mt-3 mb-5"><SentimentNote override={override} /></div>}
      {account.stageIsManual && (
        <p className="-mt-3 mb-5 text-sm text-slate-600" data-testid="stage-override-note">
          <span className="font-medium text-slate-800">Stage set by hand:</span> {STAGE_LABELS[account.stage]} (derived: {STAGE_LABELS[account.derivedStage]})
          {account.stageOverrideReason ? ` — “${account.stageOverrideReason}”` : ""}
        </p>
      )}

      {canEdit && (
        <AccountActions
          items={[
            { key: "touchpoint", label: "Log a touchpoint", content: <TouchpointForm accountId={account.id} contacts={contactOptions} today={today} /> },
            { key: "survey", label: "Record NPS or CSAT", content: <SurveyForm accountId={account.id} contacts={contactOptions} today={today} /> },
            { key: "contact", label: "Add or edit a contact", content: <ContactForm accountId={account.id} /> },
            { key: "task", label: "Create a task", content: <CreateTaskForm accountId={account.id} /> },
            { key: "sentiment", label: "Set sentiment", content: <SentimentOverrideForm accountId={account.id} hasOverride={override !== null} /> },
            { key: "stage", label: "Set lifecycle stage", content: <StageOverrideForm accountId={account.id} derivedStage={account.derivedStage} manualStage={account.stageIsManual ? account.stage : null} /> },
            ...(account.status === "active" && (user.role === "manager" || user.role === "admin")
              ? [{ key: "terminate", label: "Record termination", content: <TerminationForm accountId={account.id} today={today} /> }]
              : []),
          ]}
        />
      )}

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
          <CardHeader title="Open tasks" description={`${account.openTasks.length} open`} />
          {account.openTasks.length === 0 ? (
            <EmptyState title="No open tasks">Playbooks add tasks here when the account needs attention.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {account.openTasks.map((t) => (
                <li key={t.id} className="flex items-start justify-between gap-4 px-5 py-3">
                  <div>
                    <p className="text-sm font-medium text-slate-900">{t.title}</p>
                    <p className="text-xs text-slate-500">{t.ownerName} · due {formatDate(t.dueDate)}</p>
                  </div>
                  <Badge tone={t.priority === "urgent" || t.priority === "high" ? "red" : "slate"}>{t.priority}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
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
          <CardHeader title="Touchpoints" description="The latest ten." />
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
        <Card>
          <CardHeader title="Changes" description="Who changed what, from the audit log." />
          {changes.length === 0 ? (
            <EmptyState title="No changes recorded yet" />
          ) : (
            <ul className="divide-y divide-slate-100">
              {changes.map((c, i) => (
                <li key={i} className="px-5 py-3">
                  <p className="text-sm font-medium capitalize text-slate-900">{c.title} <span className="font-normal normal-case text-slate-500">· {c.by} · {formatDate(c.at.slice(0, 10))}</span></p>
                  {c.detail && <p className="mt-0.5 truncate text-xs text-slate-500" title={c.detail}>{c.detail}</p>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title="Support tickets" description="The latest eight." />
          {account.tickets.length === 0 ? (
            <EmptyState title="No tickets" />
          ) : (
            <Table label="Support tickets">
              <thead><tr><Th>Ticket</Th><Th>Opened</Th><Th>Priority</Th><Th>Status</Th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {account.tickets.map((t) => (
                  <tr key={t.id}>
                    <Td className="max-w-40 truncate" title={t.subject ?? t.externalId}>{t.subject ?? t.externalId}</Td>
                    <Td>{formatDate(t.openedAt)}</Td>
                    <Td><Badge tone={t.priority === "urgent" || t.priority === "high" ? "red" : "slate"}>{t.priority}</Badge></Td>
                    <Td>{t.closedAt ? `Closed ${formatDate(t.closedAt)}` : <span className="text-amber-700">Open</span>}{t.sentiment === "negative" && <span className="ml-1 text-xs text-red-600">· negative</span>}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader title="Survey responses" description="NPS (0–10) and CSAT (1–5)." />
          {account.surveys.length === 0 ? (
            <EmptyState title="No responses yet" />
          ) : (
            <ul className="divide-y divide-slate-100">
              {account.surveys.map((v) => (
                <li key={v.id} className="flex items-start justify-between gap-4 px-5 py-3">
                  <div className="min-w-0">
                    <p className="text-sm text-slate-900">{v.contactName ?? "Anonymous"} <span className="text-slate-500">· {formatDate(v.respondedAt)}</span></p>
                    {v.comment && <p className="truncate text-xs text-slate-500">“{v.comment}”</p>}
                  </div>
                  <Badge tone={surveyTone(v.type, v.score)}>{v.type.toUpperCase()} {v.score}</Badge>
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

function surveyTone(type: "nps" | "csat", score: number): BadgeTone {
  if (type === "nps") return score >= 9 ? "green" : score <= 6 ? "red" : "yellow";
  return score >= 4 ? "green" : score <= 2 ? "red" : "yellow";
}
