import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat, StatGrid } from "@/components/ui/stat";
import { OffboardingChecklist } from "@/components/offboarding/offboarding-checklist";
import { OffboardingDetailsForm } from "@/components/offboarding/offboarding-details-form";
import { StatusBadge } from "@/components/offboarding/status-badge";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getOffboarding } from "@/lib/data/offboarding/checklist";

import { churnReasonLabel } from "@/lib/domain/offboarding";
import { formatDate, formatMoney } from "@/lib/format";
import { accountPath, decodePathSegment } from "@/lib/paths";
import { clock } from "@/lib/clock";

type Params = { params: Promise<{ externalId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { externalId } = await params;
  return { title: `Offboarding · ${decodePathSegment(externalId) ?? "account"}` };
}

export default async function OffboardingPage({ params }: Params) {
  const user = await requireUser();
  const { externalId } = await params;
  const today = clock.today();
  const decoded = decodePathSegment(externalId);
  const view = decoded === null ? null : await getOffboarding(decoded, today);
  if (!view) notFound();
  const { account, offboarding } = view;
  const canEdit = can(user, "account:edit", account);
  const locked = offboarding?.completedAt != null || account.status === "active";

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-500">
        <Link href="/accounts" className="hover:text-slate-700">
          Accounts
        </Link>{" "}
        /{" "}
        <Link href={accountPath(account.externalId)} className="hover:text-slate-700">
          {account.name}
        </Link>{" "}
        / <span className="text-slate-700">Offboarding</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Offboarding: {account.name}</h1>
        <StatusBadge label={view.statusLabel} />
      </div>

      {!offboarding ? (
        <Card>
          <EmptyState title="No offboarding for this account">
            A churned renewal or a manager&apos;s termination starts the offboarding checklist.
          </EmptyState>
        </Card>
      ) : (
        <>
          <StatGrid>
            <Stat
              label="Checklist"
              value={`${offboarding.progress.done} of ${offboarding.progress.total}`}
              hint={
                offboarding.completedAt
                  ? `Completed ${formatDate(offboarding.completedAt)}`
                  : `Started ${formatDate(offboarding.startedAt)}`
              }
              tone={offboarding.progress.complete ? "good" : "default"}
            />
            <Stat
              label="Overdue items"
              value={String(offboarding.progress.overdue)}
              tone={offboarding.progress.overdue > 0 ? "bad" : "default"}
            />
            <Stat label="Last ARR" value={formatMoney(account.arr)} hint="Recorded as churned ARR" />
            <Stat
              label="Churned on"
              value={account.churnedAt ? formatDate(account.churnedAt) : "—"}
              hint={
                offboarding.accessOffDate
                  ? `Access off ${formatDate(offboarding.accessOffDate)}`
                  : "Access-off date not agreed yet"
              }
            />
          </StatGrid>
          {account.status === "active" && (
            <p role="status" className="mb-6 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
              This customer was won back; the checklist is kept as it was.
            </p>
          )}
          <div className="grid gap-6 lg:grid-cols-5">
            <Card className="lg:col-span-3 lg:self-start">
              <CardHeader
                title="Checklist"
                description="Each item has an owner and a due date; ticking the last one completes the offboarding."
              />
              <OffboardingChecklist
                accountId={account.id}
                today={today}
                locked={locked}
                items={offboarding.items.map((i) => ({ ...i, editable: canEdit || i.ownerId === user.id }))}
              />
            </Card>
            <div className="space-y-6 lg:col-span-2">
              <Card>
                <CardHeader title="Churn reasons and exit interview" />
                {canEdit && !locked ? (
                  <OffboardingDetailsForm accountId={account.id} details={offboarding} />
                ) : (
                  <dl className="space-y-3 px-5 py-4 text-sm">
                    <div>
                      <dt className="text-slate-500">Access-off date</dt>
                      <dd className="text-slate-900">
                        {offboarding.accessOffDate ? formatDate(offboarding.accessOffDate) : "—"}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-slate-500">Churn reasons</dt>
                      <dd className="flex flex-wrap gap-1">
                        {offboarding.churnReasons.length
                          ? offboarding.churnReasons.map((r) => <Badge key={r}>{churnReasonLabel(r)}</Badge>)
                          : "—"}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-slate-500">Churn notes</dt>
                      <dd className="whitespace-pre-line text-slate-900">{offboarding.churnNotes ?? "—"}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-500">Exit interview</dt>
                      <dd className="whitespace-pre-line text-slate-900">{offboarding.exitInterview ?? "—"}</dd>
                    </div>
                  </dl>
                )}
              </Card>
              <Card>
                <CardHeader
                  title="Circulated as feedback"
                  description="Churn reasons filed for product, sales and CS."
                />
                {offboarding.circulated.length === 0 ? (
                  <EmptyState title="Not circulated yet">
                    Ticking &ldquo;Churn reasons circulated&rdquo; files one feedback item per reason.
                  </EmptyState>
                ) : (
                  <ul aria-label="Circulated churn reasons" className="flex flex-wrap gap-2 px-5 py-4">
                    {offboarding.circulated.map((title) => (
                      <li key={title}>
                        <Badge tone="brand">{title}</Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          </div>
        </>
      )}
    </>
  );
}
