import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { RankedCell } from "@/lib/data/whitespace/whitespace";
import { formatDate, formatMoney } from "@/lib/format";
import { accountPath } from "@/lib/paths";

/** Whitespace cells best first (impact × urgency), with what drives each score. */
export function RankedTable({ cells, offset = 0 }: { cells: RankedCell[]; offset?: number }) {
  return (
    <Table label="Whitespace ranked by impact × urgency">
      <thead>
        <tr>
          <Th>#</Th>
          <Th>Account</Th>
          <Th>Product</Th>
          <Th className="text-right">Impact</Th>
          <Th>Critical event</Th>
          <Th className="text-right">Score</Th>
          <Th className="text-right">Whitespace ARR</Th>
          <Th>Decision process</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {cells.map((c, i) => (
          <tr key={`${c.externalId}/${c.product}`} data-testid="ranked-cell">
            <Td className="tabular-nums text-slate-500">{offset + i + 1}</Td>
            <Td>
              <Link href={accountPath(c.externalId)} className="font-medium text-slate-900 hover:text-brand-700">
                {c.accountName}
              </Link>
            </Td>
            <Td>{c.productName}</Td>
            <Td className="text-right tabular-nums">{formatMoney(c.impact)}</Td>
            <Td className="whitespace-normal">
              {c.criticalEventDate ? (
                <>
                  <span className="tabular-nums">{formatDate(c.criticalEventDate)}</span>
                  {c.criticalEventReason && (
                    <span className="block text-xs text-slate-500">{c.criticalEventReason}</span>
                  )}
                </>
              ) : (
                <span className="text-slate-500">None</span>
              )}
            </Td>
            <Td className="text-right font-semibold tabular-nums text-slate-900">{formatMoney(c.score)}</Td>
            <Td className="text-right tabular-nums">{formatMoney(c.whitespaceArr)}</Td>
            <Td className="min-w-48 whitespace-normal text-xs text-slate-600">{c.decisionNotes ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
