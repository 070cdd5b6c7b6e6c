import { ActionForm } from "@/components/ui/action-form";
import { applySuggestedWeightsAction } from "@/lib/actions/health-model";
import type { SegmentFilter } from "@/lib/domain/backtest-report";
import { SEGMENT_LABELS } from "@/lib/format";

/**
 * An admin makes the suggestion the model: confirmed, saved as a new version, audited, every
 * score recomputed. A segment's suggestion becomes that segment's own model.
 */
export function ApplyWeightsForm({ runId, segment }: { runId: number; segment: SegmentFilter }) {
  const whose = segment === "all" ? "the component weights" : `${SEGMENT_LABELS[segment]}’s component weights`;
  return (
    <ActionForm
      action={applySuggestedWeightsAction}
      submitLabel={segment === "all" ? "Apply suggested weights" : `Apply to ${SEGMENT_LABELS[segment]}`}
      success="Applied as a new model version. Every account was rescored; the change is in the audit log."
      className="space-y-3 border-t border-slate-100 px-5 py-4"
    >
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="segment" value={segment} />
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" name="confirm" value="yes" className="mt-0.5 h-4 w-4 rounded border-slate-300" />
        {segment === "all"
          ? `Replace ${whose} with the suggested ones (floors and targets stay) and rescore every account`
          : `Score ${SEGMENT_LABELS[segment]} accounts with the suggested weights, as ${SEGMENT_LABELS[segment]}’s own model (floors and targets stay), and rescore every account`}
      </label>
    </ActionForm>
  );
}
