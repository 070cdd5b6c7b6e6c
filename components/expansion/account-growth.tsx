import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { can, type Actor, type AccountOwnership } from "@/lib/auth/policy";
import type { AccountGrowthData } from "@/lib/data/expansion/pipeline";
import { CellForm } from "@/components/whitespace/cell-form";
import { AccountAdvocacy } from "@/components/voice/account-advocacy";
import { clock } from "@/lib/clock";
import {
  CONVERSATION_STEPS,
  EXPANSION_TYPE_LABELS,
  STAGE_LABELS,
  TRIGGER_LABELS,
  type ExpansionStage,
} from "@/lib/domain/expansion";
import { formatDate, formatMoney } from "@/lib/format";
import { DealForm } from "./deal-form";
import { OpenFromTrigger } from "./open-from-trigger";
import { StageMoveForm } from "./stage-move-form";

export const STAGE_TONES: Record<ExpansionStage, BadgeTone> = {
  identified: "slate",
  planning: "slate",
  proposal: "brand",
  negotiation: "yellow",
  won: "green",
  lost: "red",
};

/** The account page's growth panel: upsell triggers met today and the account's expansion deals. */
export function AccountGrowth({
  user,
  account,
  growth: { triggers, deals, products, whitespace, advocates, activities, contacts, askLimit },
}: {
  user: Actor;
  account: { id: number; status: string } & AccountOwnership;
  growth: AccountGrowthData;
}) {
  const canEdit = account.status === "active" && can(user, "expansion:edit", account);
  const canEditWhitespace = account.status === "active" && can(user, "whitespace:edit", account);
  return (
    <>
      <Card className="mb-6" id="expansion">
        <CardHeader
          title="Expansion"
          description="Upsell triggers met today and the account's expansion deals. Winning a deal adds its ARR to the account."
        />
        <div className="border-b border-slate-100 px-5 py-4">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Upsell triggers</h3>
          {triggers.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">No upsell trigger is met right now.</p>
          ) : (
            <ul className="mt-2 space-y-2" data-testid="upsell-triggers">
              {triggers.map((t) => (
                <li key={t} className="flex flex-wrap items-center gap-3">
                  <Badge tone="green">{TRIGGER_LABELS[t]}</Badge>
                  {canEdit && <OpenFromTrigger accountId={account.id} trigger={t} label={TRIGGER_LABELS[t]} />}
                </li>
              ))}
            </ul>
          )}
        </div>
        {deals.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">No expansion deals yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Expansion deals">
            {deals.map((d) => {
              const label = d.title ?? EXPANSION_TYPE_LABELS[d.type];
              return (
                <li key={d.key} className="px-5 py-4" data-testid="expansion-deal" data-deal-title={label}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm font-medium text-slate-900">{label}</span>
                    <Badge tone={STAGE_TONES[d.stage]} testId="deal-stage">
                      {STAGE_LABELS[d.stage]}
                    </Badge>
                    <span className="text-sm tabular-nums text-slate-700">{formatMoney(d.arr)}</span>
                  </div>
                  <p className="mt-1 text-xs text-slate-500">
                    {EXPANSION_TYPE_LABELS[d.type]} · Owner {d.ownerName ?? "unassigned"}
                    {d.closeDate ? ` · closes ${formatDate(d.closeDate)}` : ""}
                    {d.closedAt ? ` · closed ${formatDate(d.closedAt)}` : ""} · conversation {d.checklist.length}/
                    {CONVERSATION_STEPS.length}
                    {d.lossReason ? ` · lost: ${d.lossReason}` : ""}
                  </p>
                  {d.tradeLog.length > 0 && (
                    <ul className="mt-1 text-xs text-slate-600">
                      {d.tradeLog.map((t, i) => (
                        <li key={i}>
                          {formatDate(t.date)}: gave {t.gave} for {t.got}
                        </li>
                      ))}
                    </ul>
                  )}
                  {canEdit && d.stage !== "won" && (
                    <div className="grid gap-2 md:grid-cols-2">
                      <StageMoveForm accountId={account.id} dealKey={d.key} stage={d.stage} label={label} />
                      <Disclosure
                        className="mt-2 rounded-lg bg-slate-50 px-3 py-2"
                        summary={
                          <summary className="cursor-pointer text-xs font-medium text-slate-700">
                            Edit deal<span className="sr-only"> {label}</span>
                          </summary>
                        }
                      >
                        <div className="mt-2">
                          <DealForm accountId={account.id} deal={d} />
                        </div>
                      </Disclosure>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {canEdit && (
          <Disclosure
            className="border-t border-slate-100 px-5 py-3"
            summary={
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Add an expansion deal</summary>
            }
          >
            <div className="mt-3">
              <DealForm accountId={account.id} />
            </div>
          </Disclosure>
        )}
        <div className="border-t border-slate-100 px-5 py-4">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Whitespace</h3>
          {whitespace.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">No whitespace identified for this account.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm" data-testid="account-whitespace">
              {whitespace.map((c) => (
                <li key={c.product} className="flex flex-wrap gap-x-2">
                  <span className="font-medium text-slate-900">{c.productName}</span>
                  <span className="tabular-nums text-slate-700">score {formatMoney(c.score)}</span>
                  <span className="text-slate-500">
                    impact {formatMoney(c.impact)}
                    {c.criticalEventDate
                      ? ` · ${c.criticalEventReason ?? "critical event"} on ${formatDate(c.criticalEventDate)}`
                      : " · no critical event"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {canEditWhitespace && products.length > 0 && (
          <Disclosure
            className="border-t border-slate-100 px-5 py-3"
            summary={
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Add or edit whitespace</summary>
            }
          >
            <div className="mt-3">
              <CellForm accountId={account.id} products={products} />
            </div>
          </Disclosure>
        )}
      </Card>
      <AccountAdvocacy
        accountId={account.id}
        advocates={advocates}
        activities={activities}
        contacts={contacts}
        limit={askLimit}
        canLog={account.status === "active" && can(user, "advocacy:log", account)}
        today={clock.today()}
      />
    </>
  );
}
