import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { PlaybookView } from "@/lib/data/playbooks/admin";

/** At or above this dismissal rate a playbook is flagged as noisy. */
const NOISY = 0.3;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Per playbook: tasks raised in the window, how they were closed, and the dismissal rate. */
export function NoiseReport({ playbooks }: { playbooks: PlaybookView[] }) {
  return (
    <Table label="Noise report">
      <thead>
        <tr>
          <Th>Playbook</Th>
          <Th className="text-right">Raised</Th>
          <Th className="text-right">Open</Th>
          <Th className="text-right">Done</Th>
          <Th className="text-right">Dismissed</Th>
          <Th className="text-right">Dismissal rate</Th>
          <Th>Top dismissal reason</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {playbooks.map((p) => {
          const rate = p.noise.dismissalRate;
          const top = p.noise.topReasons[0];
          return (
            <tr key={p.key}>
              <Td className="font-medium text-slate-900">
                {p.name}
                {!p.enabled && (
                  <span className="ml-2">
                    <Badge>Off</Badge>
                  </span>
                )}
              </Td>
              <Td className="text-right tabular-nums">{p.noise.raised}</Td>
              <Td className="text-right tabular-nums">{p.noise.open}</Td>
              <Td className="text-right tabular-nums">{p.noise.done}</Td>
              <Td className="text-right tabular-nums">{p.noise.dismissed}</Td>
              <Td className="text-right tabular-nums">
                {rate === null ? (
                  <span className="text-slate-500">—</span>
                ) : rate >= NOISY ? (
                  <Badge tone="red">{percent(rate)} · noisy</Badge>
                ) : (
                  percent(rate)
                )}
              </Td>
              <Td className="max-w-xs truncate" title={top?.reason}>
                {top ? `“${top.reason}” (${top.count})` : <span className="text-slate-500">—</span>}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
