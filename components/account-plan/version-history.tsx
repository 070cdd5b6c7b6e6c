import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { PlanVersionView } from "@/lib/data/accounts/account-plan";
import { formatDate } from "@/lib/format";

/** Who changed what and when, newest first. */
export function VersionHistory({ versions }: { versions: PlanVersionView[] }) {
  return (
    <Card>
      <CardHeader title="Version history" description="Every save that changed the plan." />
      {versions.length === 0 ? (
        <EmptyState title="No versions yet">The first save becomes version 1.</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="plan-versions">
          {versions.map((v) => (
            <li key={v.version} className="px-5 py-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="font-medium text-slate-900">Version {v.version}</span>
                <span className="text-xs text-slate-500">
                  {formatDate(v.changedAt.slice(0, 10))} at {v.changedAt.slice(11, 16)} UTC
                </span>
              </div>
              <p className="mt-0.5 text-slate-700">{v.summary}</p>
              <p className="text-xs text-slate-500">by {v.changedBy.name}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
