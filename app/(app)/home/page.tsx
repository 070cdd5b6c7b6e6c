import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MilestoneStatusBadge } from "@/components/onboarding/milestone-status-badge";
import { QbrStatusBadge } from "@/components/qbrs/qbr-status-badge";
import { requirePermission } from "@/lib/auth/session";
import { getMyDay } from "@/lib/data/home/my-day";
import { accountPath } from "@/lib/paths";
import { formatDate } from "@/lib/format";
import { BAND_LABELS } from "@/components/accounts/health-badge";

export const metadata: Metadata = { title: "My day" };

const row = "flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3 text-sm";
const link = "font-medium text-brand-700 hover:underline";

export default async function MyDayPage() {
  const user = await requirePermission("my-day:read");
  const day = await getMyDay(user.id);
  return (
    <>
      <PageHeader title="My day" description={`${formatDate(day.today)} · ${user.name}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Tasks due today and overdue"
            description={`${day.tasks.length} open`}
            actions={
              <Link href="/tasks" className={link}>
                All tasks
              </Link>
            }
          />
          {day.tasks.length === 0 ? (
            <EmptyState title="Nothing due">You&apos;re clear for today.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Tasks due">
              {day.tasks.map((t) => (
                <li key={t.id} className={row}>
                  <span className="min-w-0 flex-1 font-medium text-slate-900">{t.title}</span>
                  {t.account && (
                    <Link href={accountPath(t.account.externalId)} className={link}>
                      {t.account.name}
                    </Link>
                  )}
                  <span className={t.dueDate < day.today ? "font-medium text-red-700" : "text-slate-500"}>
                    {t.dueDate < day.today ? `Overdue since ${formatDate(t.dueDate)}` : "Today"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title="Meetings this week" description="Business reviews on your accounts." />
          {day.meetings.length === 0 ? (
            <EmptyState title="No reviews this week" />
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Meetings this week">
              {day.meetings.map((m) => (
                <li key={m.id} className={row}>
                  <Link href={`${accountPath(m.account.externalId)}/qbrs/${m.id}`} className={link}>
                    {m.kind.toUpperCase()} · {m.account.name}
                  </Link>
                  <span className="text-slate-500">
                    {formatDate(m.scheduledFor)}
                    {m.scheduledAt ? `, ${m.scheduledAt.slice(11, 16)} UTC` : ""}
                  </span>
                  <QbrStatusBadge status={m.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title="Health band changes since yesterday" />
          {day.bandChanges.length === 0 ? (
            <EmptyState title="No band changes">Your accounts kept their health bands.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Band changes">
              {day.bandChanges.map((c) => (
                <li key={c.externalId} className={row}>
                  <Link href={accountPath(c.externalId)} className={`${link} flex-auto break-words`}>
                    {c.name}
                  </Link>
                  <Badge>{c.from ? BAND_LABELS[c.from as keyof typeof BAND_LABELS] : "Not scored"}</Badge>
                  <span aria-label="to">→</span>
                  <Badge
                    tone={c.to === "red" ? "red" : c.to === "yellow" ? "yellow" : c.to === "green" ? "green" : "slate"}
                  >
                    {c.to ? BAND_LABELS[c.to as keyof typeof BAND_LABELS] : "Not scored"}
                    {c.score !== null ? ` · ${c.score}` : ""}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Onboarding milestones due"
            description="Due within a week, or late."
            actions={
              <Link href="/onboarding" className={link}>
                Onboarding board
              </Link>
            }
          />
          {day.milestones.length === 0 ? (
            <EmptyState title="No milestones due" />
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Milestones due">
              {day.milestones.map((m) => (
                <li key={`${m.accountExternalId}-${m.key}`} className={row}>
                  <Link
                    href={`${accountPath(m.accountExternalId)}#onboarding`}
                    className={`${link} flex-auto break-words`}
                  >
                    {m.accountName}
                  </Link>
                  <span className="text-slate-700">{m.title}</span>
                  <span className="text-slate-500">{formatDate(m.dueDate)}</span>
                  <MilestoneStatusBadge status={m.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
