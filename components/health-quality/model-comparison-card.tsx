import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { AucFigure, ModelComparison } from "@/lib/domain/backtest-report";
import { SEGMENT_LABELS } from "@/lib/format";
import { AucBar } from "./auc-bar";

const interval = (f: AucFigure) =>
  f.aucLow === null || f.aucHigh === null ? "" : ` (${f.aucLow.toFixed(2)} – ${f.aucHigh.toFixed(2)})`;

/** Each segment that has its own model: its AUC against the default model's on the same renewals. */
export function ModelComparisonCard({ comparisons, horizon }: { comparisons: ModelComparison[]; horizon: number }) {
  if (comparisons.length === 0) return null;
  return (
    <Card id="segment-models">
      <CardHeader
        title="Segment models against the default model"
        description={`The same renewals scored ${horizon} days before renewal by the segment’s own model and by the default model, both recomputed from the account’s history as of that day.`}
      />
      <Table label="Segment model against the default model">
        <thead>
          <tr>
            <Th>Segment</Th>
            <Th className="text-right">Renewals</Th>
            <Th>Own model AUC</Th>
            <Th>Default model AUC</Th>
            <Th className="text-right">Difference</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {comparisons.map((c) => (
            <tr key={c.segment}>
              <Td className="font-medium text-slate-900">{SEGMENT_LABELS[c.segment]}</Td>
              <Td className="text-right tabular-nums">
                {c.n.toLocaleString("en-US")} ({c.positives.toLocaleString("en-US")} lost)
              </Td>
              <Td>
                <AucBar auc={c.own.auc} />
                <span className="text-xs text-slate-500">{interval(c.own)}</span>
              </Td>
              <Td>
                <AucBar auc={c.global.auc} />
                <span className="text-xs text-slate-500">{interval(c.global)}</span>
              </Td>
              <Td className="text-right tabular-nums" data-testid={`model-difference-${c.segment}`}>
                {c.own.auc === null || c.global.auc === null
                  ? "—"
                  : `${c.own.auc >= c.global.auc ? "+" : "−"}${Math.abs(c.own.auc - c.global.auc).toFixed(2)}`}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
