import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { RankedCell, WhitespaceTotals } from "@/lib/data/whitespace/whitespace";
import { formatMoney } from "@/lib/format";
import { accountPath } from "@/lib/paths";

/** Accounts (rows, best-scored first) × products (columns); totals per account and per product. */
export function WhitespaceMatrix({
  totals,
  cells,
  products,
}: {
  totals: WhitespaceTotals;
  cells: RankedCell[];
  products: { key: string; name: string }[];
}) {
  const cellOf = new Map(cells.map((c) => [`${c.externalId}/${c.product}`, c]));
  return (
    <Table label="Whitespace matrix: accounts by products">
      <thead>
        <tr>
          <Th>Account</Th>
          {products.map((p) => (
            <Th key={p.key}>{p.name}</Th>
          ))}
          <Th className="text-right">Whitespace ARR</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {totals.byAccount.map((a) => (
          <tr key={a.externalId} data-testid="matrix-row">
            <Td>
              <Link href={accountPath(a.externalId)} className="font-medium text-slate-900 hover:text-brand-700">
                {a.name}
              </Link>
            </Td>
            {products.map((p) => {
              const c = cellOf.get(`${a.externalId}/${p.key}`);
              return (
                <Td key={p.key} data-testid={c ? `cell-${p.key}` : undefined}>
                  {c ? (
                    <>
                      <span className="block font-semibold tabular-nums text-slate-900">{formatMoney(c.score)}</span>
                      <span className="block text-xs text-slate-500">
                        impact {formatMoney(c.impact)}
                        {c.criticalEventDate ? "" : " · no event"}
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-300">—</span>
                  )}
                </Td>
              );
            })}
            <Td className="text-right tabular-nums">{formatMoney(a.whitespaceArr)}</Td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t border-slate-200 bg-slate-50">
        <tr>
          <Th scope="row">Total</Th>
          {products.map((p) => {
            const t = totals.byProduct.find((b) => b.product === p.key);
            return (
              <Td key={p.key} className="tabular-nums font-medium">
                {formatMoney(t?.whitespaceArr ?? 0)}
                <span className="block text-xs font-normal text-slate-500">{t?.cells ?? 0} accounts</span>
              </Td>
            );
          })}
          <Td className="text-right font-semibold tabular-nums">
            {formatMoney(totals.byProduct.reduce((s, p) => s + p.whitespaceArr, 0))}
          </Td>
        </tr>
      </tfoot>
    </Table>
  );
}
