import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { MilestoneStatusBadge } from "@/components/onboarding/milestone-status-badge";
import { requirePermission } from "@/lib/auth/session";
import { getOnboardingBoard } from "@/lib/data/onboarding/board";
import { MILESTONES } from "@/lib/domain/onboarding";
import { accountPath } from "@/lib/paths";
import { formatDate } from "@/lib/format";
import { ZPageQuery, ONBOARDING_BOARD_PAGE_SIZE } from "@/lib/validation/onboarding";

export const metadata: Metadata = { title: "Onboarding" };

export default async function OnboardingBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("onboarding:read");
  const { page } = ZPageQuery.parse(await searchParams);
  const { rows, total } = await getOnboardingBoard(user, page, ONBOARDING_BOARD_PAGE_SIZE);
  return (
    <>
      <PageHeader
        title="Onboarding"
        description="Customers in their first year and where each milestone stands. Newest customers first."
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No customers in their first year">
            New customers appear here from their contract start.
          </EmptyState>
        ) : (
          <Table label="Onboarding board">
            <thead>
              <tr>
                <Th>Account</Th>
                <Th>Started</Th>
                {MILESTONES.map((m) => (
                  <Th key={m.key}>{m.title}</Th>
                ))}
                <Th>Done</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.externalId}>
                  <Td>
                    <Link
                      href={`${accountPath(r.externalId)}#onboarding`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {r.name}
                    </Link>
                    <div className="text-xs text-slate-500">{r.csm ?? "Unassigned"}</div>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(r.contractStart)}</Td>
                  {r.milestones.map((m) => (
                    <Td key={m.key} className="whitespace-nowrap">
                      <MilestoneStatusBadge status={m.status} />
                      <div className="mt-0.5 text-xs text-slate-500">
                        {m.completedAt ? formatDate(m.completedAt) : `due ${formatDate(m.dueDate)}`}
                      </div>
                    </Td>
                  ))}
                  <Td className="tabular-nums">{Math.round(r.progress * 100)}%</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={page}
          pageSize={ONBOARDING_BOARD_PAGE_SIZE}
          total={total}
          hrefFor={(p) => (p > 1 ? `/onboarding?page=${p}` : "/onboarding")}
        />
      </Card>
    </>
  );
}
