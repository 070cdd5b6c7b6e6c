import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { ArrBySegmentChart } from "@/components/charts/arr-by-segment-chart";
import { BAND_LABELS } from "@/components/accounts/health-badge";
import { requireUser } from "@/lib/auth/session";
import { getPortfolioSummary } from "@/lib/data/portfolio";
import { formatMoney, formatMoneyCompact, formatPercent, SEGMENT_LABELS } from "@/lib/format";
import type { Band } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Portfolio" };

const BAND_ORDER: Band[] = ["purple", "green", "yellow", "red"];
const BAND_BAR: Record<Band, string> = { purple: "bg-band-purple", green: "bg-band-green", yellow: "bg-band-yellow", red: "bg-band-red" };

export default async function DashboardPage() {
  await requireUser();
  const s = await getPortfolioSummary();
  const segments = s.bySegment.map((r) => ({ label: SEGMENT_LABELS[r.segment as keyof typeof SEGMENT_LABELS], arr: r.arr, accounts: r.accounts }));
  const scored = s.byBand.filter((b) => b.band);
  const scoredArr = scored.reduce((sum, b) => sum + b.arr, 0);

  return (
    <>
      <PageHeader title="Portfolio" description="The whole customer base at a glance: ARR, what renews next and what churned." />
      <StatGrid>
        <Stat label="ARR" value={formatMoneyCompact(s.totalArr)} hint={`${s.activeAccounts} active accounts`} />
        <Stat label="Average MRR per account" value={s.activeAccounts ? formatMoney(s.totalArr / 12 / s.activeAccounts) : "—"} />
        <Stat label="Renewing in 90 days" value={formatMoneyCompact(s.renewing90Arr)} hint={`${s.renewing90Count} accounts`} />
        <Stat label="Churned, last 12 months" value={formatMoneyCompact(s.churnedLast12Arr)} hint={`${s.churnedLast12Count} accounts`} tone={s.churnedLast12Count ? "bad" : "default"} />
      </StatGrid>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="ARR by segment" description="Enterprise is high touch, Mid-Market medium, SMB tech touch." />
          <div className="px-3 py-4"><ArrBySegmentChart data={segments} /></div>
        </Card>
        <Card>
          <CardHeader title="ARR by health band" description={scored.length ? "Share of scored ARR in each band." : "Bands appear once accounts are scored."} />
          <ul className="space-y-4 px-5 py-5">
            {BAND_ORDER.map((band) => {
              const row = scored.find((b) => b.band === band);
              const share = row && scoredArr ? row.arr / scoredArr : 0;
              return (
                <li key={band}>
                  <div className="flex justify-between text-sm">
                    <span className="font-medium text-slate-700">{BAND_LABELS[band]}</span>
                    <span className="tabular-nums text-slate-500">{row ? `${row.accounts} · ${formatMoneyCompact(row.arr)} · ${formatPercent(share)}` : "—"}</span>
                  </div>
                  <div className="mt-1.5 h-2 rounded-full bg-slate-100">
                    <div className={`h-2 rounded-full ${BAND_BAR[band]}`} style={{ width: `${share * 100}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
      </div>
    </>
  );
}
