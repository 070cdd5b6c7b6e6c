import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { HealthBadge } from "@/components/accounts/health-badge";
import { requireRole } from "@/lib/auth/session";
import { listUpcomingRenewals, type RenewalCard } from "@/lib/data/renewals";
import { WINDOW_LABELS, type RenewalWindow } from "@/lib/domain/windows";
import { formatDate, formatMoney, formatMoneyCompact, formatRelativeDays } from "@/lib/format";

export const metadata: Metadata = { title: "Renewals" };

const BUCKETS: RenewalWindow[] = ["overdue", "0-30", "31-60", "61-90"];
const FORECAST_LABELS = { commit: "Commit", likely: "Likely", at_risk: "At risk", lost: "Lost" } as const;

export default async function RenewalsPage() {
  const user = await requireRole(["ae", "manager", "admin", "executive"]);
  const renewals = await listUpcomingRenewals(user, 90);
  const byWindow = (w: RenewalWindow) => renewals.filter((r) => r.window === w);
  const sum = (rows: RenewalCard[]) => rows.reduce((s, r) => s + r.arr, 0);
  const atRisk = renewals.filter((r) => r.healthBand === "red" || r.healthBand === "yellow" || r.forecast === "at_risk" || r.forecast === "lost");

  return (
    <>
      <PageHeader
        title="Renewal pipeline"
        description={user.role === "ae" ? "Your renewals in the 90/60/30-day windows." : "Every AE's renewals in the 90/60/30-day windows."}
      />
      <StatGrid>
        <Stat label="Due in 90 days" value={formatMoneyCompact(sum(renewals.filter((r) => r.window !== "overdue")))} hint={`${renewals.filter((r) => r.window !== "overdue").length} renewals`} />
        <Stat label="Due in 30 days" value={formatMoneyCompact(sum(byWindow("0-30")))} hint={`${byWindow("0-30").length} renewals`} />
        <Stat label="ARR at risk" value={formatMoneyCompact(sum(atRisk))} hint="Red or yellow health, or forecast at risk / lost" tone={atRisk.length ? "warn" : "default"} />
        <Stat label="Overdue" value={String(byWindow("overdue").length)} hint={formatMoney(sum(byWindow("overdue")))} tone={byWindow("overdue").length ? "bad" : "default"} />
      </StatGrid>
      <div className="grid gap-4 xl:grid-cols-4 lg:grid-cols-2">
        {BUCKETS.map((w) => {
          const rows = byWindow(w);
          return (
            <Card key={w}>
              <CardHeader title={WINDOW_LABELS[w]} description={`${rows.length} · ${formatMoney(sum(rows))}`} />
              {rows.length === 0 ? (
                <EmptyState title="Nothing in this window" />
              ) : (
                <ul className="divide-y divide-slate-100" aria-label={WINDOW_LABELS[w]}>
                  {rows.map((r) => (
                    <li key={r.externalId} className="px-4 py-3">
                      <div className="flex items-start justify-between gap-2">
                        <Link href={`/accounts/${encodeURIComponent(r.externalId)}`} className="text-sm font-medium text-slate-900 hover:text-brand-700">{r.name}</Link>
                        <span className="text-sm tabular-nums text-slate-700">{formatMoneyCompact(r.arr)}</span>
                      </div>
                      <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                        <HealthBadge band={r.healthBand} score={r.healthScore} />
                        {r.forecast && <Badge tone={r.forecast === "at_risk" || r.forecast === "lost" ? "red" : "slate"}>{FORECAST_LABELS[r.forecast]}</Badge>}
                        <span>{formatDate(r.renewalDate)} · {formatRelativeDays(r.daysUntil)}</span>
                      </div>
                      {user.role !== "ae" && <p className="mt-1 text-xs text-slate-400">AE {r.aeName ?? "unassigned"}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          );
        })}
      </div>
    </>
  );
}
