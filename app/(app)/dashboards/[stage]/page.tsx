import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { StageAccountsTable } from "@/components/dashboards/stage-accounts-table";
import { StageCharts } from "@/components/dashboards/stage-charts";
import { StageTabs } from "@/components/dashboards/stage-tabs";
import { requirePermission } from "@/lib/auth/session";
import { cachedAggregate } from "@/lib/data/dashboards/cache";
import { getStageCharts, getStageTotals, listStageRows } from "@/lib/data/dashboards/stages";

import { STAGE_SLUGS, stageFromSlug } from "@/lib/domain/dashboards";
import { STAGE_LABELS } from "@/lib/format";
import { stageTableHref, ZStageTableQuery } from "@/lib/validation/dashboards";
import { clock } from "@/lib/clock";

const PAGE_SIZE = 25;

const DESCRIPTIONS = {
  onboarding: "The first 90 days after contract start: milestones, and how fast customers reach initial value.",
  adoption: "Months 3–6: are seats turning into active users, and purchased features into used ones?",
  value_realization: "Months 6–12: the success-plan outcomes customers bought us for, achieved or not.",
  expansion: "Mature accounts and open expansion deals: the pipeline and who shows upsell triggers.",
  renewal: "Renewals due within 90 days or overdue: ARR by window and how the AEs forecast it.",
} as const;

export async function generateMetadata({ params }: { params: Promise<{ stage: string }> }): Promise<Metadata> {
  const stage = stageFromSlug((await params).stage);
  return { title: stage ? `${STAGE_LABELS[stage]} dashboard` : "Dashboards" };
}

export default async function StageDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ stage: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePermission("dashboards:read");
  const stage = stageFromSlug((await params).stage);
  if (!stage) notFound();
  const query = ZStageTableQuery.parse(await searchParams);
  const today = clock.today();
  const path = `/dashboards/${STAGE_SLUGS[stage]}`;
  // The table's count is the totals' account count: the stage's accounts are counted once.
  const [totals, charts, rows] = await Promise.all([
    getStageTotals(stage),
    cachedAggregate(`stage:${stage}`, today, () => getStageCharts(stage, today)),
    listStageRows(stage, query, PAGE_SIZE, today),
  ]);
  const page = { rows, total: totals.accounts };

  return (
    <>
      <PageHeader
        title={`${STAGE_LABELS[stage]} dashboard`}
        description={DESCRIPTIONS[stage]}
        actions={<PrintButton />}
      />
      <StageTabs active={stage} />
      <StageCharts charts={charts} totals={totals} />
      <Card className="dashboard-card">
        <CardHeader
          title={`Accounts in ${STAGE_LABELS[stage].toLowerCase()}`}
          description={`${page.total.toLocaleString("en-US")} active accounts. Sort by any column; the CSV has every row in this order.`}
          actions={
            <Link
              href={stageTableHref(`/api/exports/stage/${STAGE_SLUGS[stage]}`, { sort: query.sort, dir: query.dir })}
              prefetch={false}
              className={`no-print ${buttonClass("secondary")}`}
            >
              Export CSV
            </Link>
          }
        />
        {page.rows.length === 0 ? (
          <EmptyState title={`No accounts are in ${STAGE_LABELS[stage].toLowerCase()} right now`}>
            Accounts move between stages as their dates and deals change.
          </EmptyState>
        ) : (
          <StageAccountsTable stage={stage} rows={page.rows} path={path} query={query} />
        )}
        <div className="no-print">
          <Pagination
            page={query.page}
            pageSize={PAGE_SIZE}
            total={page.total}
            hrefFor={(p) => stageTableHref(path, { ...query, page: p })}
          />
        </div>
      </Card>
    </>
  );
}
