import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat, StatGrid } from "@/components/ui/stat";
import { WhitespaceMatrix } from "@/components/whitespace/matrix";
import { ProductForm } from "@/components/whitespace/product-form";
import { RankedTable } from "@/components/whitespace/ranked-table";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { getWhitespaceTotals, listCellsOf, listProducts, listRankedCells } from "@/lib/data/whitespace/whitespace";
import { WHITESPACE_FORMULA_HELP } from "@/lib/domain/whitespace";
import { formatMoney } from "@/lib/format";
import { cn } from "@/components/ui/cn";
import { clock } from "@/lib/clock";

export const metadata: Metadata = { title: "Whitespace" };

const RANKED_SHOWN = 25;
const MATRIX_PAGE = 25;

export default async function WhitespacePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("whitespace:read");
  const raw = await searchParams;
  const today = clock.today();
  const products = await listProducts();
  const product = products.some((p) => p.key === raw.product) ? (raw.product ?? null) : null;
  const page = Math.min(10_000, Math.max(1, Number.parseInt(raw.page ?? "1", 10) || 1));
  const [ranked, totals] = await Promise.all([
    listRankedCells({ product, limit: RANKED_SHOWN }, today),
    getWhitespaceTotals({ limit: MATRIX_PAGE, offset: (page - 1) * MATRIX_PAGE }, today),
  ]);
  const cells = await listCellsOf(
    totals.byAccount.map((a) => a.externalId),
    today,
  );
  const totalArr = totals.byProduct.reduce((s, p) => s + p.whitespaceArr, 0);
  const totalCells = totals.byProduct.reduce((s, p) => s + p.cells, 0);
  const href = (q: { product?: string | null; page?: number }) => {
    const params = new URLSearchParams();
    const p = q.product === undefined ? product : q.product;
    if (p) params.set("product", p);
    if (q.page && q.page > 1) params.set("page", String(q.page));
    const qs = params.toString();
    return `/whitespace${qs ? `?${qs}` : ""}`;
  };
  const chip = (active: boolean) =>
    cn(
      "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
      active ? "bg-brand-50 text-brand-700 ring-brand-200" : "text-slate-600 ring-slate-200 hover:bg-slate-50",
    );

  return (
    <>
      <PageHeader
        title="Whitespace"
        description="What each account could still buy, prioritised by the impact it would have for the customer and the urgency of their critical event — not by company size."
      />
      <StatGrid>
        <Stat label="Whitespace ARR" value={formatMoney(totalArr)} hint="List ARR of the products identified" />
        <Stat label="Opportunities" value={totalCells.toLocaleString("en-US")} hint={`${totals.accounts} accounts`} />
        <Stat label="Top score" value={ranked[0] ? formatMoney(ranked[0].score) : "—"} hint={ranked[0]?.accountName} />
        <Stat label="Products" value={String(products.length)} hint="In the catalogue" />
      </StatGrid>
      <details className="mb-6 rounded-xl border border-slate-200 bg-white px-5 py-3 text-sm text-slate-600 shadow-sm">
        <summary className="cursor-pointer font-medium text-slate-800">How the score works</summary>
        <p className="mt-2" data-testid="whitespace-formula">
          {WHITESPACE_FORMULA_HELP}
        </p>
        <p className="mt-1">
          Impact is the money the customer saves or earns per year; the critical event is the date that forces their
          decision. High impact with no deadline waits; urgency with no impact is noise.
        </p>
      </details>

      <Card className="mb-6">
        <CardHeader title="Ranked opportunities" description={`The ${RANKED_SHOWN} best, impact × urgency.`} />
        <nav aria-label="Filter by product" className="flex flex-wrap gap-2 px-5 py-3">
          <Link
            href={href({ product: null })}
            className={chip(product === null)}
            aria-current={product === null ? "page" : undefined}
          >
            All products
          </Link>
          {products.map((p) => (
            <Link
              key={p.key}
              href={href({ product: p.key })}
              className={chip(product === p.key)}
              aria-current={product === p.key ? "page" : undefined}
            >
              {p.name}
            </Link>
          ))}
        </nav>
        {ranked.length === 0 ? (
          <EmptyState title="No whitespace identified yet">
            Add the products a customer could use, with their impact and critical event, from the account page.
          </EmptyState>
        ) : (
          <RankedTable cells={ranked} />
        )}
      </Card>

      <Card className="mb-6">
        <CardHeader
          title="Matrix"
          description="Accounts by products: each cell's score and impact; totals per account and per product."
        />
        {totals.byAccount.length === 0 ? (
          <EmptyState title="The matrix is empty">Whitespace appears here once a cell is filled in.</EmptyState>
        ) : (
          <>
            <WhitespaceMatrix totals={totals} cells={cells} products={products} />
            <div className="border-t border-slate-100 px-5 py-3">
              <Pagination
                page={page}
                pageSize={MATRIX_PAGE}
                total={totals.accounts}
                hrefFor={(p) => href({ page: p })}
              />
            </div>
          </>
        )}
      </Card>

      {can(user, "products:manage") && (
        <Card>
          <CardHeader
            title="Product catalogue"
            description="The matrix's columns. Saving an existing key renames or reprices it."
          />
          <ul className="divide-y divide-slate-100 text-sm">
            {products.map((p) => (
              <li key={p.key} className="flex justify-between gap-3 px-5 py-2">
                <span>
                  {p.name} <span className="text-xs text-slate-500">{p.key}</span>
                </span>
                <span className="tabular-nums">{formatMoney(p.listArr)}</span>
              </li>
            ))}
          </ul>
          <div className="border-t border-slate-100 px-5 py-4">
            <ProductForm />
          </div>
        </Card>
      )}
    </>
  );
}
