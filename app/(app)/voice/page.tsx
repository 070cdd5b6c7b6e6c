import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { BAND_LABELS } from "@/components/accounts/health-badge";
import { ThemeMergeForm, ThemeStatusForm } from "@/components/voice/theme-forms";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { getAdvocacyOverview } from "@/lib/data/advocacy/advocacy";
import { listThemes } from "@/lib/data/feedback/feedback";
import { THEME_STATUS_LABELS } from "@/lib/domain/feedback";
import { formatMoney } from "@/lib/format";
import { clock } from "@/lib/clock";

export const metadata: Metadata = { title: "Advocacy & voice" };

const FUNNEL_COLORS = { red: "bg-red-500", yellow: "bg-amber-400", green: "bg-emerald-500", purple: "bg-violet-500" };

export default async function VoicePage() {
  const user = await requirePermission("voice:read");
  const [overview, themes] = await Promise.all([getAdvocacyOverview(clock.today()), listThemes({ limit: 50 })]);
  const manage = can(user, "feedback:manage");
  const widest = Math.max(1, ...overview.funnel.map((f) => f.accounts));

  return (
    <>
      <PageHeader
        title="Advocacy & voice of the customer"
        description="Move customers from red to purple, keep referrals at or above churned logos, and bring what customers say to product, ranked by the ARR behind it."
      />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Red → purple" description="Active accounts by health band today: the advocacy funnel." />
          <ul className="space-y-2 px-5 py-4" aria-label="Accounts by band">
            {overview.funnel.map((f) => (
              <li key={f.band} className="grid grid-cols-[5rem_1fr_3rem] items-center gap-3 text-sm">
                <span>{BAND_LABELS[f.band]}</span>
                <span className="h-3 rounded-full bg-slate-100">
                  <span
                    className={`block h-3 rounded-full ${FUNNEL_COLORS[f.band]}`}
                    style={{ width: `${(f.accounts / widest) * 100}%` }}
                  />
                </span>
                <span className="text-right tabular-nums">{f.accounts}</span>
              </li>
            ))}
          </ul>
          <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
            {overview.advocates} champions or reference-willing contacts on active accounts.
          </p>
        </Card>
        <Card>
          <CardHeader
            title="Referrals vs churned logos"
            description="Goal: referrals match or exceed churn, every quarter."
          />
          <Table label="Referrals and churned logos per quarter">
            <thead>
              <tr>
                <Th>Quarter</Th>
                <Th className="text-right">Referrals</Th>
                <Th className="text-right">Churned logos</Th>
                <Th>On goal</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overview.quarters.map((q) => (
                <tr key={q.key}>
                  <Td>{q.key}</Td>
                  <Td className="text-right tabular-nums">{q.referrals}</Td>
                  <Td className="text-right tabular-nums">{q.churnedLogos}</Td>
                  <Td>
                    <Badge tone={q.referrals >= q.churnedLogos ? "green" : "red"}>
                      {q.referrals >= q.churnedLogos ? "Yes" : "No"}
                    </Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>

      <Card>
        <CardHeader
          title="Feedback themes"
          description="Ranked by ARR at stake (the active accounts that raised it), then by the part on red and yellow accounts. Churn reasons from offboarding arrive here too."
        />
        {themes.length === 0 ? (
          <EmptyState title="No feedback yet">
            Feedback logged on accounts or sent through the API appears here.
          </EmptyState>
        ) : (
          <Table label="Feedback themes ranked by ARR at stake">
            <thead>
              <tr>
                <Th>Theme</Th>
                <Th className="text-right">ARR at stake</Th>
                <Th className="text-right">Red + yellow ARR</Th>
                <Th className="text-right">Accounts</Th>
                <Th>Status</Th>
                {manage && <Th>Update</Th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {themes.map((t) => (
                <tr key={t.id} data-testid="feedback-theme">
                  <Td className="whitespace-normal font-medium text-slate-900">{t.title}</Td>
                  <Td className="text-right tabular-nums" data-testid="arr-at-stake">
                    {formatMoney(t.arrAtStake)}
                  </Td>
                  <Td className="text-right tabular-nums">{formatMoney(t.redYellowArr)}</Td>
                  <Td className="text-right tabular-nums">{t.accounts}</Td>
                  <Td>
                    <Badge tone={t.status === "shipped" ? "green" : t.status === "declined" ? "slate" : "brand"}>
                      {THEME_STATUS_LABELS[t.status]}
                    </Badge>
                    {t.escalatedAt && <span className="ml-1 text-xs text-slate-500">escalated</span>}
                  </Td>
                  {manage && (
                    <Td>
                      <ThemeStatusForm
                        themeId={t.id}
                        status={t.status}
                        escalated={t.escalatedAt !== null}
                        title={t.title}
                      />
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {manage && themes.length > 1 && (
          <div className="border-t border-slate-100 px-5 py-4">
            <ThemeMergeForm themes={themes.map((t) => ({ id: t.id, title: t.title }))} />
          </div>
        )}
      </Card>
    </>
  );
}
