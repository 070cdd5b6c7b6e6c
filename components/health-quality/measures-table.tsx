import { Table, Td, Th } from "@/components/ui/table";
import type { KeyAuc } from "@/lib/domain/backtest-report";
import {
  COMPONENT_LABELS,
  COMPONENT_MEASURES,
  MEASURE_LABELS,
  type ComponentKey,
  type MeasureKey,
} from "@/lib/domain/health-model";
import { AucBar } from "./auc-bar";

const COMPONENT_OF = Object.fromEntries(
  (Object.entries(COMPONENT_MEASURES) as [ComponentKey, readonly MeasureKey[]][]).flatMap(([c, keys]) =>
    keys.map((k) => [k, c]),
  ),
) as Record<MeasureKey, ComponentKey>;

/** Each measure's own AUC, best first: which signals actually told lost renewals apart. */
export function MeasuresTable({ measures }: { measures: KeyAuc<MeasureKey>[] }) {
  return (
    <Table label="Measures ranked by AUC">
      <thead>
        <tr>
          <Th>Measure</Th>
          <Th>Component</Th>
          <Th>AUC</Th>
          <Th className="text-right">Renewals with data</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {measures.map((m) => (
          <tr key={m.key}>
            <Td className="font-medium text-slate-900">{MEASURE_LABELS[m.key]}</Td>
            <Td>{COMPONENT_LABELS[COMPONENT_OF[m.key]]}</Td>
            <Td>
              <AucBar auc={m.auc} />
            </Td>
            <Td className="text-right tabular-nums">{m.n.toLocaleString("en-US")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
