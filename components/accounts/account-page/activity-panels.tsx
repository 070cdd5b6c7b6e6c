import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { AccountDetail, TimelineEntry } from "@/lib/data/accounts/triage";
import { isDetractor, isPromoter } from "@/lib/domain/health";
import { formatDate, formatMoney, TOUCHPOINT_LABELS } from "@/lib/format";

/** The account's work and history: open tasks, contacts, touchpoints, changes, tickets, surveys, contract lines. */
export function ActivityPanels({ account, changes }: { account: AccountDetail; changes: TimelineEntry[] }) {
  return (
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
                  {t.reason && <p className="text-sm text-slate-700">{t.reason}</p>}
                  <p className="text-xs text-slate-500">
                    {t.ownerName} · due {formatDate(t.dueDate)}
                    {t.snoozedUntil && ` · snoozed until ${formatDate(t.snoozedUntil)}`}
                  </p>
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
                  <p className="text-xs text-slate-500">
                    {c.title ?? "—"} · {c.email}
                  </p>
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
                  {TOUCHPOINT_LABELS[t.type as keyof typeof TOUCHPOINT_LABELS]}{" "}
                  <span className="font-normal text-slate-500">· {formatDate(t.occurredAt)}</span>
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
                <p className="text-sm font-medium text-slate-900">
                  {c.title}{" "}
                  <span className="font-normal text-slate-500">
                    · {c.by} · {formatDate(c.at.slice(0, 10))}
                  </span>
                </p>
                {c.detail && (
                  <p className="mt-0.5 truncate text-xs text-slate-500" title={c.detail}>
                    {c.detail}
                  </p>
                )}
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
          <Table label="Support tickets" stack>
            <thead>
              <tr>
                <Th>Ticket</Th>
                <Th>Opened</Th>
                <Th>Priority</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {account.tickets.map((t) => (
                <tr key={t.id}>
                  <Td className="min-w-56 whitespace-normal text-slate-900">{t.subject ?? t.externalId}</Td>
                  <Td data-label="Opened">{formatDate(t.openedAt)}</Td>
                  <Td data-label="Priority">
                    <Badge tone={t.priority === "urgent" || t.priority === "high" ? "red" : "slate"}>
                      {t.priority}
                    </Badge>
                  </Td>
                  <Td data-label="Status">
                    {t.closedAt ? `Closed ${formatDate(t.closedAt)}` : <span className="text-amber-700">Open</span>}
                    {t.sentiment === "negative" && <span className="ml-1 text-xs text-red-600">· negative</span>}
                  </Td>
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
                  <p className="text-sm text-slate-900">
                    {v.contactName ?? "Anonymous"} <span className="text-slate-500">· {formatDate(v.respondedAt)}</span>
                  </p>
                  {v.comment && <p className="truncate text-xs text-slate-500">“{v.comment}”</p>}
                </div>
                <Badge tone={surveyTone(v.type, v.score)}>
                  {v.type.toUpperCase()} {v.score}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader
          title="Contract lines"
          description={
            account.purchasedFeatures.length ? `Purchased features: ${account.purchasedFeatures.join(", ")}` : undefined
          }
        />
        {account.contractLines.length === 0 ? (
          <EmptyState title="No contract lines" />
        ) : (
          <Table label="Contract lines" stack>
            <thead>
              <tr>
                <Th>Product</Th>
                <Th className="text-right">Seats</Th>
                <Th className="text-right">Annual price</Th>
                <Th>Start</Th>
                <Th>End</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {account.contractLines.map((l) => (
                <tr key={l.id}>
                  <Td className="font-medium text-slate-900">{l.product}</Td>
                  <Td data-label="Seats" className="text-right tabular-nums">
                    {l.seats}
                  </Td>
                  <Td data-label="Annual price" className="text-right tabular-nums">
                    {formatMoney(l.price)}
                  </Td>
                  <Td data-label="Start">{formatDate(l.startDate)}</Td>
                  <Td data-label="End">{formatDate(l.endDate)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

function surveyTone(type: "nps" | "csat", score: number): BadgeTone {
  if (type === "nps") return isPromoter(score) ? "green" : isDetractor(score) ? "red" : "yellow";
  return score >= 4 ? "green" : score <= 2 ? "red" : "yellow";
}
