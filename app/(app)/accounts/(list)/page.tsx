import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { BandChips } from "@/components/accounts/band-chips";
import { TriageFilters } from "@/components/accounts/triage-filters";
import { TriageTable } from "@/components/accounts/triage-table";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listTriage } from "@/lib/data/accounts/triage";
import { listUsersByRoles } from "@/lib/data/platform/users";
import { triageHref, ZTriageQuery } from "@/lib/validation/triage";

export const metadata: Metadata = { title: "My accounts" };

const PAGE_SIZE = 25;

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("accounts:list");
  const query = ZTriageQuery.parse(await searchParams);
  const mine = user.role === "csm";
  const isAe = user.role === "ae";
  const aeBook = isAe && query.ae === undefined;
  const [page, owners] = await Promise.all([
    listTriage(user, query, PAGE_SIZE),
    mine ? Promise.resolve({ csm: [], ae: [] }) : listUsersByRoles(["csm", "ae"] as const),
  ]);
  const { csm: csms, ae: aes } = owners;
  const withPage = (p: number) => triageHref({ ...query, page: p });

  return (
    <>
      <PageHeader
        title={mine || aeBook ? "My accounts" : "All accounts"}
        description={
          mine || aeBook
            ? "Your book, riskiest first. Open an account to see why it scores the way it does."
            : "Every book, riskiest first. Pick a CSM or an AE to see one book."
        }
        actions={
          <>
            {can(user, "accounts:reassign") && (
              <Link href="/reassign" className={buttonClass("secondary")}>
                Reassign accounts
              </Link>
            )}
            {can(user, "accounts:export") && (
              <Link
                href={triageHref({ ...query, page: undefined }, "/api/exports/accounts")}
                className={buttonClass("secondary")}
                prefetch={false}
              >
                Export CSV
              </Link>
            )}
          </>
        }
      />
      <div className="mb-4">
        <BandChips
          counts={page.bandCounts}
          active={query.band}
          hrefFor={(band) => triageHref({ ...query, band, page: 1 })}
        />
      </div>
      <Card>
        <TriageFilters
          query={query}
          csms={mine ? null : csms.map((c) => ({ id: c.id, name: c.name }))}
          aes={mine ? null : aes.map((a) => ({ id: a.id, name: a.name }))}
          isAe={isAe}
          total={page.total}
        />
        {page.rows.length === 0 ? (
          <EmptyState title="No accounts match these filters">
            <Link href="/accounts" className="text-brand-700 hover:underline">
              Clear all filters
            </Link>
          </EmptyState>
        ) : (
          <TriageTable rows={page.rows} query={query} showCsm={!mine} />
        )}
        <Pagination page={query.page} pageSize={PAGE_SIZE} total={page.total} hrefFor={withPage} />
      </Card>
    </>
  );
}
