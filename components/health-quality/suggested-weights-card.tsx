import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { COMPONENT_KEYS, COMPONENT_LABELS } from "@/lib/domain/health-model";
import type { WeightSuggestion } from "@/lib/domain/suggested-weights";
import type { SegmentFilter } from "@/lib/domain/backtest-report";
import { ApplyWeightsForm } from "./apply-weights-form";

const fmtAuc = (auc: number | null) => (auc === null ? "—" : auc.toFixed(2));

/**
 * The weights a logistic regression on past outcomes suggests, next to today's, with both
 * weightings' AUC over the same renewals. Admins may apply them; nothing changes until they do.
 */
export function SuggestedWeightsCard({
  suggestion,
  runId,
  segment,
  canApply,
}: {
  suggestion: WeightSuggestion | undefined;
  runId: number;
  segment: SegmentFilter;
  canApply: boolean;
}) {
  const suggested = suggestion?.suggested ?? null;
  const unchanged = suggestion && suggested && COMPONENT_KEYS.every((c) => suggested[c] === suggestion.current[c]);
  return (
    <Card id="suggested-weights">
      <CardHeader
        title="Suggested weights"
        description={`Fitted on ${suggestion?.n.toLocaleString("en-US") ?? 0} renewals, scores ${suggestion?.horizonDays ?? 90} days before renewal: a regularised logistic regression of losing the renewal on the four component scores. Its AUC is measured on the renewals it was fitted on, so expect a little less on new ones.`}
      />
      {!suggestion || !suggested ? (
        <EmptyState title="No suggestion yet">
          It needs closed renewals both lost and kept, and a component whose score went with the outcome.
        </EmptyState>
      ) : (
        <>
          {suggestion.smallSample && (
            <p
              role="note"
              className="mx-5 mt-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-inset ring-amber-200"
            >
              <span className="font-medium">Only {suggestion.n} outcomes.</span> Weights fitted on fewer than about 50
              renewals mostly follow chance; wait for more before applying them.
            </p>
          )}
          <Table label="Current and suggested weights">
            <thead>
              <tr>
                <Th>Component</Th>
                <Th className="text-right">Current</Th>
                <Th className="text-right">Suggested</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {COMPONENT_KEYS.map((c) => (
                <tr key={c}>
                  <Td className="font-medium text-slate-900">{COMPONENT_LABELS[c]}</Td>
                  <Td className="text-right tabular-nums">{suggestion.current[c]}</Td>
                  <Td className="text-right tabular-nums" data-testid={`suggested-${c}`}>
                    {suggested[c]}
                  </Td>
                </tr>
              ))}
              <tr className="bg-slate-50">
                <Td className="font-medium text-slate-900">Backtest AUC</Td>
                <Td className="text-right tabular-nums" data-testid="auc-current">
                  {fmtAuc(suggestion.aucCurrent)}
                </Td>
                <Td className="text-right tabular-nums" data-testid="auc-suggested">
                  {fmtAuc(suggestion.aucSuggested)}
                </Td>
              </tr>
            </tbody>
          </Table>
          {unchanged ? (
            <p className="border-t border-slate-100 px-5 py-4 text-sm text-slate-600">
              The model already uses these weights.
            </p>
          ) : (
            canApply && <ApplyWeightsForm runId={runId} segment={segment} />
          )}
        </>
      )}
    </Card>
  );
}
