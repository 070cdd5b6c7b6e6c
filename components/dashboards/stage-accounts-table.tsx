import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { AccountNameCell } from "@/components/accounts/account-name-cell";
import { HealthBadge } from "@/components/accounts/health-badge";
import { Trend } from "@/components/accounts/trend";
import type { StageAccountRow } from "@/lib/data/dashboards/stages";
import type { DashboardStage } from "@/lib/domain/dashboards";
import { formatMoney, formatPercent, formatRelativeDays, FORECAST_LABELS } from "@/lib/format";
import {
  stageSortDirection,
  stageTableHref,
  type StageTableSort,
  type TStageTableQuery,
} from "@/lib/validation/dashboards";

/** Each stage's own column: its heading and how its value reads. */
export const STAGE_COLUMN_LABELS: Record<DashboardStage, string> = {
  onboarding: "Onboarding day",
  adoption: "30-day trend",
  value_realization: "Outcomes achieved",
  expansion: "Open expansion",
  renewal: "Renewal",
};

function StageCell({ stage, row }: { stage: DashboardStage; row: StageAccountRow }) {
  const v = row.stageValue;
  if (stage === "adoption") return <Trend value={v} />;
  if (v == null) return <span className="text-slate-500">—</span>;
  const main = {
    onboarding: () => `Day ${v}`,
    adoption: () => String(v),
    value_realization: () => formatPercent(v),
    expansion: () => formatMoney(v),
    renewal: () => formatRelativeDays(v),
  }[stage]();
  const detail =
    stage === "renewal" && row.stageDetail && row.stageDetail in FORECAST_LABELS
      ? FORECAST_LABELS[row.stageDetail as keyof typeof FORECAST_LABELS]
      : row.stageDetail;
  return (
    <>
      <span className={stage === "renewal" && v < 0 ? "text-red-600" : undefined}>{main}</span>
      {detail && <p className="text-xs text-slate-500">{detail}</p>}
    </>
  );
}

function SortHeader({
  label,
  sort,
  path,
  query,
  className,
}: {
  label: string;
  sort: StageTableSort;
  path: string;
  query: TStageTableQuery;
  className?: string;
}) {
  const active = query.sort === sort;
  const dir = stageSortDirection(query);
  const nextDir = active ? (dir === "asc" ? "desc" : "asc") : undefined;
  return (
    <Th className={className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={stageTableHref(path, { sort, dir: nextDir })}
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

export function StageAccountsTable({
  stage,
  rows,
  path,
  query,
}: {
  stage: DashboardStage;
  rows: StageAccountRow[];
  path: string;
  query: TStageTableQuery;
}) {
  return (
    <Table label="Accounts in this stage" stack>
      <thead>
        <tr>
          <SortHeader label="Account" sort="name" path={path} query={query} />
          <SortHeader label="Health" sort="score" path={path} query={query} />
          <SortHeader label="ARR" sort="arr" path={path} query={query} className="text-right" />
          <SortHeader label="CSM" sort="csm" path={path} query={query} />
          <SortHeader label={STAGE_COLUMN_LABELS[stage]} sort="stage" path={path} query={query} />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((a) => (
          <tr key={a.externalId} className="hover:bg-slate-50">
            <AccountNameCell account={a} />
            <Td data-label="Health">
              <HealthBadge band={a.healthBand} score={a.healthScore} />
            </Td>
            <Td data-label="ARR" className="text-right tabular-nums">
              {formatMoney(a.arr)}
            </Td>
            <Td data-label="CSM">{a.csmName ?? "Unassigned"}</Td>
            <Td data-label={STAGE_COLUMN_LABELS[stage]}>
              <StageCell stage={stage} row={a} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
