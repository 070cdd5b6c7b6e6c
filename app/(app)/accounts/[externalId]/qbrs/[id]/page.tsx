import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";
import { UsageChart } from "@/components/charts/usage-chart";
import { QbrStatusBadge } from "@/components/qbrs/qbr-status-badge";
import { QbrDocumentEditor } from "@/components/qbrs/qbr-document";
import { QbrPreparation } from "@/components/qbrs/qbr-preparation";
import { QbrAttendanceForm } from "@/components/qbrs/qbr-attendance-form";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getAccount, getAccountHealthView } from "@/lib/data/accounts/triage";
import { getQbr, getQbrDocument } from "@/lib/data/qbrs/qbrs";
import { accountPath, decodePathSegment } from "@/lib/paths";
import { formatDate } from "@/lib/format";
import { clock } from "@/lib/clock";
import { ZQbrParams } from "@/lib/validation/qbr";

type Params = { params: Promise<{ externalId: string; id: string }> };

export const metadata: Metadata = { title: "Business review" };

export default async function QbrPage({ params }: Params) {
  const user = await requireUser();
  const raw = await params;
  const parsed = ZQbrParams.safeParse({ id: raw.id });
  const externalId = decodePathSegment(raw.externalId);
  const account = parsed.success && externalId !== null ? await getAccount(externalId) : null;
  if (!account || !parsed.success) notFound();
  const qbr = await getQbr(parsed.data.id).catch(() => null);
  if (!qbr || qbr.accountId !== account.id) notFound();
  const [doc, health] = await Promise.all([getQbrDocument(qbr.id), getAccountHealthView(account.id)]);
  const editable = can(user, "account:edit", { csmId: account.csm?.id ?? null, aeId: account.ae?.id ?? null });
  const when = qbr.scheduledAt
    ? `${formatDate(qbr.scheduledFor)}, ${qbr.scheduledAt.slice(11, 16)} UTC`
    : formatDate(qbr.scheduledFor);
  const contacts = account.contacts.map((c) => ({
    email: c.email,
    name: c.name,
    title: c.title ?? null,
    execSponsor: c.execSponsor,
  }));

  return (
    <>
      <nav aria-label="Breadcrumb" className="no-print mb-3 text-sm text-slate-500">
        <Link href="/accounts" className="hover:text-slate-700">
          Accounts
        </Link>{" "}
        /{" "}
        <Link href={accountPath(account.externalId)} className="hover:text-slate-700">
          {account.name}
        </Link>{" "}
        / <span className="text-slate-700">{qbr.kind.toUpperCase()}</span>
      </nav>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {qbr.kind === "ebr" ? "Executive" : "Quarterly"} business review · {account.name}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {doc.quarter.replace("-", " ")} · {when} · 60 minutes <QbrStatusBadge status={qbr.status} />
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <a href={`/api/qbrs/${qbr.id}/invite.ics`} className={buttonClass("secondary")} download>
            Add to calendar (.ics)
          </a>
          <PrintButton />
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="qbr-document px-5 py-5 sm:px-8 sm:py-6">
          <QbrDocumentEditor
            id={qbr.id}
            sections={doc.sections}
            edited={doc.edited}
            editable={editable}
            extras={{
              product_usage:
                health.usage.length > 0 ? (
                  <div className="chart mt-3">
                    <UsageChart data={health.usage} />
                  </div>
                ) : null,
            }}
          />
        </Card>
        <div className="no-print space-y-6">
          <Card>
            <CardHeader title="Preparation" />
            <QbrPreparation qbr={qbr} editable={editable} />
          </Card>
          {editable && (
            <Card>
              <CardHeader title="Attendance" description="Feeds the relationship score." />
              <QbrAttendanceForm
                id={qbr.id}
                contacts={contacts}
                attendees={qbr.attendeeEmails}
                canRecord={qbr.scheduledFor <= clock.today()}
              />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
