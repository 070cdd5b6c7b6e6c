import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ExpansionBoard } from "@/lib/data/expansion/pipeline";
import { EXPANSION_TYPE_LABELS, STAGE_LABELS } from "@/lib/domain/expansion";
import { formatDate, formatMoney } from "@/lib/format";
import { accountPath } from "@/lib/paths";
import { StageMoveForm } from "./stage-move-form";
import { STAGE_TONES } from "./account-growth";

/**
 * The board by stage: six columns on a wide screen, stacked on a phone. `editable` names the
 * accounts whose deals the user may move.
 */
export function PipelineBoard({
  board,
  editable,
}: {
  board: ExpansionBoard;
  editable: (accountExternalId: string) => { accountId: number } | null;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-3 2xl:grid-cols-6" aria-label="Expansion pipeline by stage">
      {board.columns.map((column) => {
        const total = board.totals.find((t) => t.stage === column.stage);
        return (
          <section
            key={column.stage}
            aria-labelledby={`col-${column.stage}`}
            className="min-w-0 rounded-xl border border-slate-200 bg-slate-50"
            data-testid={`stage-${column.stage}`}
          >
            <header className="flex items-baseline justify-between gap-2 border-b border-slate-200 px-3 py-2">
              <h2 id={`col-${column.stage}`} className="text-sm font-semibold text-slate-900">
                {STAGE_LABELS[column.stage]}
              </h2>
              <span className="text-xs tabular-nums text-slate-600">
                {total?.deals ?? 0} · {formatMoney(total?.arr ?? 0)}
              </span>
            </header>
            {column.deals.length === 0 ? (
              <p className="px-3 py-4 text-xs text-slate-500">No deals.</p>
            ) : (
              <ul className="space-y-2 p-2">
                {column.deals.map((d) => {
                  const label = `${d.accountName}: ${d.title ?? EXPANSION_TYPE_LABELS[d.type]}`;
                  const edit = d.stage === "won" ? null : editable(d.accountExternalId);
                  return (
                    <li
                      key={`${d.accountExternalId}/${d.key}`}
                      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
                    >
                      <Link
                        href={`${accountPath(d.accountExternalId)}#expansion`}
                        className="block truncate text-sm font-medium text-slate-900 hover:text-brand-700"
                      >
                        {d.accountName}
                      </Link>
                      <p className="truncate text-xs text-slate-600">{d.title ?? EXPANSION_TYPE_LABELS[d.type]}</p>
                      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                        <span className="font-medium tabular-nums text-slate-800">{formatMoney(d.arr)}</span>
                        <Badge tone={STAGE_TONES[d.stage]}>{EXPANSION_TYPE_LABELS[d.type]}</Badge>
                      </div>
                      <p className="mt-1 text-xs text-slate-500">
                        {d.ownerName ?? "Unassigned"}
                        {d.closedAt
                          ? ` · closed ${formatDate(d.closedAt)}`
                          : d.closeDate
                            ? ` · closes ${formatDate(d.closeDate)}`
                            : ""}
                      </p>
                      {edit && (
                        <StageMoveForm accountId={edit.accountId} dealKey={d.key} stage={d.stage} label={label} />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
