import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { AccountTriggers } from "@/lib/data/expansion/triggers";
import { TRIGGER_LABELS } from "@/lib/domain/expansion";
import { formatMoney } from "@/lib/format";
import { accountPath } from "@/lib/paths";

/** Accounts that are expansion ready, with the triggers each meets (open a deal from the account). */
export function ReadyList({ accounts, total }: { accounts: AccountTriggers[]; total: number }) {
  return (
    <Card className="mb-6">
      <CardHeader
        title="Expansion ready"
        description={`Health above 80 and at least one more upsell trigger. ${total} account${total === 1 ? "" : "s"}${total > accounts.length ? `, the ${accounts.length} healthiest shown` : ""}.`}
      />
      {accounts.length === 0 ? (
        <EmptyState title="No account is expansion ready">
          Accounts appear here when their health is above 80 and another trigger fires.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="expansion-ready">
          {accounts.map((a) => (
            <li key={a.externalId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3">
              <Link
                href={`${accountPath(a.externalId)}#expansion`}
                className="text-sm font-medium text-slate-900 hover:text-brand-700"
              >
                {a.name}
              </Link>
              <span className="text-xs tabular-nums text-slate-500">
                {formatMoney(a.arr)} · health {a.healthScore}
              </span>
              <span className="flex flex-wrap gap-1">
                {a.triggers.map((t) => (
                  <Badge key={t} tone="green">
                    {TRIGGER_LABELS[t]}
                  </Badge>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
