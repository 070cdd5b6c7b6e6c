import Link from "next/link";
import { Table, Th } from "@/components/ui/table";
import type { AccountListRow } from "@/lib/data/accounts/triage";
import { MEASURE_LABELS, type MeasureKey } from "@/lib/domain/health-model";
import { formatDate, formatMoney, formatRelativeDays, STAGE_LABELS } from "@/lib/format";
import { sortDirection, triageHref, type TTriageQuery } from "@/lib/validation/triage";
import { AccountName } from "./account-name-cell";
import { HealthBadge } from "./health-badge";
import { Trend } from "./trend";

function SortHeader({
  label,
  sort,
  query,
  className,
}: {
  label: string;
  sort: TTriageQuery["sort"];
  query: TTriageQuery;
  className?: string;
}) {
  const active = query.sort === sort;
  const dir = sortDirection(query);
  const nextDir = active ? (dir === "asc" ? "desc" : "asc") : undefined;
  return (
    <Th className={className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={triageHref({ ...query, sort, dir: nextDir, page: 1 })}
        className="inline-flex items-center gap-1 hover:text-slate-800"
      >
        {label}
        <span aria-hidden className={active ? "text-slate-700" : "text-slate-300"}>
          {active && dir === "desc" ? "↓" : "↑"}
        </span>
      </Link>
    </Th>
  );
}

export function TriageTable({
  rows,
  query,
  showCsm,
}: {
  rows: AccountListRow[];
  query: TTriageQuery;
  showCsm: boolean;
}) {
  return (
    <Table label="Accounts" stack>
      <thead>
        <tr>
          <SortHeader label="Account" sort="name" query={query} />
          <SortHeader label="Health" sort="score" query={query} />
          <SortHeader label="Trend" sort="trend" query={query} />
          <Th>Biggest detractor</Th>
          <SortHeader label="ARR" sort="arr" query={query} className="text-right" />
          <SortHeader label="Renewal" sort="renewal" query={query} />
          <Th>Stage</Th>
          {showCsm && <Th>CSM</Th>}
          <Th>Last touch</Th>
          <Th className="text-right">Tasks</Th>
        </tr>
      </thead>
      {/* Plain <td>s: the body's "cells" class (app/globals.css) gives each the look of <Td>. */}
      <tbody className="cells divide-y divide-slate-100">
        {rows.map((a) => (
          <tr key={a.externalId} className="hover:bg-slate-50">
            <td>
              <AccountName account={a} />
            </td>
            <td data-label="Health">
              <HealthBadge band={a.healthBand} score={a.healthScore} />
              {a.healthInsufficient && <p className="mt-0.5 text-xs text-amber-700">Insufficient data</p>}
            </td>
            <td data-label="Trend">
              <Trend value={a.healthTrend} />
            </td>
            <td data-label="Biggest detractor" className="max-w-40 whitespace-normal text-slate-600">
              {a.biggestDetractor ? MEASURE_LABELS[a.biggestDetractor as MeasureKey] : "—"}
            </td>
            <td data-label="ARR" className="text-right tabular-nums">
              {formatMoney(a.arr)}
            </td>
            <td data-label="Renewal">
              {formatDate(a.renewalDate)}
              <p
                className={
                  a.daysToRenewal < 0
                    ? "text-xs text-red-600"
                    : a.daysToRenewal <= 90
                      ? "text-xs text-amber-700"
                      : "text-xs text-slate-500"
                }
              >
                {formatRelativeDays(a.daysToRenewal)}
              </p>
            </td>
            <td data-label="Stage">
              {STAGE_LABELS[a.stage]}
              {a.stageIsManual && <span className="ml-1 text-xs text-slate-500">(manual)</span>}
            </td>
            {showCsm && <td data-label="CSM">{a.csmName ?? "Unassigned"}</td>}
            <td data-label="Last touch">{formatDate(a.lastTouchAt)}</td>
            <td data-label="Open tasks" className="text-right tabular-nums">
              {a.openTasks}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
