import { Table, Td, Th } from "@/components/ui/table";
import type { BacktestSlice } from "@/lib/domain/backtest-report";
import { SEGMENT_LABELS } from "@/lib/format";
import { AucBar } from "./auc-bar";

/** The score's AUC in each segment at one horizon, with its interval and sample. */
export function SegmentsTable({ slices }: { slices: BacktestSlice[] }) {
  return (
    <Table label="AUC by segment">
      <thead>
        <tr>
          <Th>Segment</Th>
          <Th className="text-right">Renewals</Th>
          <Th className="text-right">Lost</Th>
          <Th>AUC</Th>
          <Th>95% interval</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {slices.map((s) => (
          <tr key={s.segment}>
            <Td className="font-medium text-slate-900">
              {s.segment === "all" ? "All segments" : SEGMENT_LABELS[s.segment]}
            </Td>
            <Td className="text-right tabular-nums">{s.n.toLocaleString("en-US")}</Td>
            <Td className="text-right tabular-nums">{s.positives.toLocaleString("en-US")}</Td>
            <Td>
              <AucBar auc={s.auc} />
            </Td>
            <Td className="tabular-nums">
              {s.aucLow === null || s.aucHigh === null ? "—" : `${s.aucLow.toFixed(2)} – ${s.aucHigh.toFixed(2)}`}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
