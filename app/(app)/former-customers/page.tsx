import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { ReactivationForm } from "@/components/offboarding/reactivation-form";
import { StatusBadge } from "@/components/offboarding/status-badge";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { FORMER_CUSTOMERS_PAGE_SIZE, listFormerCustomers } from "@/lib/data/offboarding/checklist";
import { addDays } from "@/lib/domain/dates";
import { churnReasonLabel } from "@/lib/domain/offboarding";
import { formatDate, formatMoney } from "@/lib/format";
import { accountPath, offboardingPath } from "@/lib/paths";
import { ZFormerCustomersQuery } from "@/lib/validation/offboarding";
import { clock } from "@/lib/clock";

export const metadata: Metadata = { title: "Former customers" };

export default async function FormerCustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const { page } = ZFormerCustomersQuery.parse(await searchParams);
  const { rows, total } = await listFormerCustomers(page);
  const canWinBack = can(user, "account:reactivate");
  const today = clock.today();

  return (
    <>
      <PageHeader
        title="Former customers"
        description="Churned accounts for win-back, latest churn first. Nothing about them is deleted: their history, renewals and offboarding stay on record."
        actions={
          <Link href="/api/exports/former-customers" className={buttonClass("secondary")} prefetch={false}>
            Export CSV
          </Link>
        }
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No former customers">
            Accounts appear here when a renewal churns or a contract is terminated.
          </EmptyState>
        ) : (
          <>
            <Table label="Former customers">
              <thead>
                <tr>
                  <Th>Account</Th>
                  <Th>Churned</Th>
                  <Th className="text-right">Last ARR</Th>
                  <Th>Reasons</Th>
                  <Th>Offboarding</Th>
                  {canWinBack && <Th>Win-back</Th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id} aria-label={r.name} className="align-top">
                    <Td>
                      <Link
                        href={accountPath(r.externalId)}
                        className="font-medium text-slate-900 hover:text-brand-700"
                      >
                        {r.name}
                      </Link>
                    </Td>
                    <Td>{r.churnedAt ? formatDate(r.churnedAt) : "—"}</Td>
                    <Td className="text-right tabular-nums">{formatMoney(r.lastArr)}</Td>
                    <Td className="whitespace-normal">
                      <div className="flex max-w-xs flex-wrap gap-1">
                        {r.reasons.length ? (
                          r.reasons.map((reason) => <Badge key={reason}>{churnReasonLabel(reason)}</Badge>)
                        ) : (
                          <span className="text-slate-500">Not captured</span>
                        )}
                      </div>
                    </Td>
                    <Td>
                      <div className="flex items-center gap-2">
                        <StatusBadge label={r.statusLabel} />
                        {r.progress && (
                          <Link href={offboardingPath(r.externalId)} className="text-xs text-brand-700 hover:underline">
                            {r.progress.done}/{r.progress.total} done<span className="sr-only"> for {r.name}</span>
                          </Link>
                        )}
                      </div>
                    </Td>
                    {canWinBack && (
                      <Td className="whitespace-normal">
                        <details className="w-72">
                          <summary className="cursor-pointer text-sm font-medium text-brand-700">
                            Reactivate<span className="sr-only"> {r.name}</span>
                          </summary>
                          <div className="mt-2">
                            <ReactivationForm
                              accountId={r.id}
                              accountName={r.name}
                              today={today}
                              renewalDefault={addDays(today, 365)}
                              arr={r.lastArr}
                              seats={r.seats}
                            />
                          </div>
                        </details>
                      </Td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination
              page={page}
              pageSize={FORMER_CUSTOMERS_PAGE_SIZE}
              total={total}
              hrefFor={(p) => `/former-customers?page=${p}`}
            />
          </>
        )}
      </Card>
    </>
  );
}
