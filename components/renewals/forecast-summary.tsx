import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { HealthBadge } from "@/components/accounts/health-badge";
import type { ForecastSummary as Summary } from "@/lib/data/renewals/forecast";
import { FORECAST_CATEGORIES, type ForecastCategory } from "@/lib/domain/renewal-forecast";
import { FORECAST_LABELS, formatDate, formatMoney, formatRelativeDays } from "@/lib/format";
import { accountPath } from "@/lib/paths";

const CATEGORY_LABELS: Record<ForecastCategory, string> = { ...FORECAST_LABELS, none: "No forecast" };

/** ARR due in the next 30 / 60 / 90 days, one row per forecast category. */
export function DueByForecastTable({ summary }: { summary: Summary }) {
  return (
    <Card>
      <CardHeader
        title="ARR due by forecast"
        description="Each horizon includes the shorter ones; overdue renewals are counted apart."
      />
      <Table label="ARR due by forecast">
        <thead>
          <tr>
            <Th>Forecast</Th>
            {summary.horizons.map((h) => (
              <Th key={h.days} className="text-right">
                Next {h.days} days
              </Th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {FORECAST_CATEGORIES.map((c) => (
            <tr key={c}>
              <Td className="font-medium text-slate-900">{CATEGORY_LABELS[c]}</Td>
              {summary.horizons.map((h) => (
                <Td key={h.days} className="text-right tabular-nums">
                  {formatMoney(h.byCategory[c])}
                </Td>
              ))}
            </tr>
          ))}
          <tr className="bg-slate-50">
            <Td className="font-semibold text-slate-900">Total</Td>
            {summary.horizons.map((h) => (
              <Td key={h.days} className="text-right font-semibold tabular-nums text-slate-900">
                {formatMoney(h.total)} <span className="font-normal text-slate-500">· {h.count}</span>
              </Td>
            ))}
          </tr>
        </tbody>
      </Table>
    </Card>
  );
}

/** The largest renewals at risk in the next 90 days (and overdue): red or yellow health, or forecast at risk / lost. */
export function AtRiskList({ summary, csvHref }: { summary: Summary; csvHref?: string }) {
  const shown = summary.atRisk.length;
  return (
    <Card>
      <CardHeader
        title="At-risk renewals by ARR"
        description={
          summary.atRiskCount > shown
            ? `The ${shown} largest of ${summary.atRiskCount.toLocaleString("en-US")} due within 90 days.`
            : `${summary.atRiskCount} due within 90 days or overdue.`
        }
        actions={
          csvHref && summary.atRiskCount > 0 ? (
            <Link href={csvHref} className={buttonClass("secondary")} prefetch={false}>
              Export CSV<span className="sr-only"> of at-risk renewals</span>
            </Link>
          ) : undefined
        }
      />
      {shown === 0 ? (
        <EmptyState title="Nothing at risk">No renewal in the next 90 days is red, yellow, at risk or lost.</EmptyState>
      ) : (
        <Table label="At-risk renewals">
          <thead>
            <tr>
              <Th>Account</Th>
              <Th className="text-right">ARR</Th>
              <Th>Renewal</Th>
              <Th>Health</Th>
              <Th>Forecast</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {summary.atRisk.map((r) => (
              <tr key={r.externalId}>
                <Td>
                  <Link href={accountPath(r.externalId)} className="font-medium text-slate-900 hover:text-brand-700">
                    {r.name}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">{formatMoney(r.arr)}</Td>
                <Td className={r.daysUntil < 0 ? "text-red-700" : undefined}>
                  {formatDate(r.renewalDate)} · {formatRelativeDays(r.daysUntil)}
                </Td>
                <Td>
                  <HealthBadge band={r.band} score={r.score} />
                </Td>
                <Td>
                  {r.forecast ? (
                    <Badge tone={r.forecast === "at_risk" || r.forecast === "lost" ? "red" : "slate"}>
                      {FORECAST_LABELS[r.forecast]}
                    </Badge>
                  ) : (
                    <span className="text-slate-500">None</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
