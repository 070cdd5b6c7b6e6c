import { Disclosure } from "@/components/ui/disclosure";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ActivityView, AdvocateView } from "@/lib/data/advocacy/advocacy";
import { ADVOCACY_KIND_LABELS, ADVOCATE_REASON_LABELS } from "@/lib/domain/advocacy";
import { formatDate } from "@/lib/format";
import { AdvocacyForm } from "./advocacy-form";

/** The account's advocates (found from its data), what they were asked, and a form to log an ask. */
export function AccountAdvocacy({
  accountId,
  advocates,
  activities,
  contacts,
  limit,
  canLog,
  today,
}: {
  accountId: number;
  advocates: AdvocateView[];
  activities: ActivityView[];
  contacts: { email: string; name: string }[];
  limit: number;
  canLog: boolean;
  today: string;
}) {
  return (
    <Card className="mb-6" id="advocacy">
      <CardHeader
        title="Advocacy"
        description={`Promoters, champions, ROI achieved and reference-willing contacts. Each may be asked at most ${limit} times a quarter.`}
      />
      {advocates.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No advocates yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Advocates">
          {advocates.map((a) => (
            <li key={a.contactId} className="flex flex-wrap items-center gap-2 px-5 py-3 text-sm">
              <span className="font-medium text-slate-900">{a.name}</span>
              {a.reasons.map((r) => (
                <Badge key={r} tone="purple">
                  {ADVOCATE_REASON_LABELS[r]}
                </Badge>
              ))}
              <span className={a.askedThisQuarter >= limit ? "text-amber-700" : "text-slate-500"}>
                asked {a.askedThisQuarter}/{limit} this quarter
              </span>
            </li>
          ))}
        </ul>
      )}
      {activities.length > 0 && (
        <ul className="border-t border-slate-100 px-5 py-3 text-xs text-slate-600" aria-label="Asks">
          {activities.map((a) => (
            <li key={`${a.contactEmail}/${a.kind}/${a.date}`}>
              {formatDate(a.date)} · {ADVOCACY_KIND_LABELS[a.kind]} · {a.contactName} · {a.status}
            </li>
          ))}
        </ul>
      )}
      {canLog && contacts.length > 0 && (
        <Disclosure
          className="border-t border-slate-100 px-5 py-3"
          summary={
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              Log a reference request or other ask
            </summary>
          }
        >
          <div className="mt-3">
            <AdvocacyForm accountId={accountId} contacts={contacts} today={today} />
          </div>
        </Disclosure>
      )}
    </Card>
  );
}
