import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { QbrView } from "@/lib/data/qbrs/qbrs";
import { formatDate } from "@/lib/format";
import { QbrStatusBadge } from "./qbr-status-badge";
import { ScheduleQbrForm } from "./schedule-qbr-form";

/** The account's business reviews: the latest ones, and scheduling the next by the segment's cadence. */
export function QbrPanel({
  accountId,
  accountPath,
  qbrs,
  nextDue,
  editable,
}: {
  accountId: number;
  accountPath: string;
  qbrs: QbrView[];
  /** The next review by the segment's cadence; null for tech-touch accounts. */
  nextDue: string | null;
  editable: boolean;
}) {
  if (qbrs.length === 0 && nextDue === null) return null;
  const upcoming = qbrs.find((q) => q.status === "scheduled");
  return (
    <Card className="mb-6" id="qbrs">
      <CardHeader
        title="Business reviews"
        description={
          nextDue
            ? `Next review due by ${formatDate(nextDue)} (segment cadence).`
            : upcoming
              ? `Next review on ${formatDate(upcoming.scheduledFor)}.`
              : "Reviews held by the segment's cadence."
        }
      />
      {qbrs.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {qbrs.slice(0, 6).map((q) => (
            <li key={q.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
              <Link href={`${accountPath}/qbrs/${q.id}`} className="font-medium text-brand-700 hover:underline">
                {q.kind.toUpperCase()} {q.quarter?.replace("-", " ") ?? formatDate(q.scheduledFor)}
              </Link>
              <span className="text-slate-500">{formatDate(q.scheduledFor)}</span>
              <QbrStatusBadge status={q.status} />
              <span className="text-xs text-slate-500">
                Prepared {q.checklist.filter((c) => c.done).length} of {q.checklist.length}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable && nextDue && <ScheduleQbrForm accountId={accountId} accountPath={accountPath} suggested={nextDue} />}
    </Card>
  );
}
