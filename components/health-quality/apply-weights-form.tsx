import { ActionForm } from "@/components/ui/action-form";
import { applySuggestedWeightsAction } from "@/lib/actions/health-model";

/** An admin makes the suggestion the model: confirmed, saved as a new version, audited, every score recomputed. */
export function ApplyWeightsForm({ runId }: { runId: number }) {
  return (
    <ActionForm
      action={applySuggestedWeightsAction}
      submitLabel="Apply suggested weights"
      success="Applied as a new model version. Every account was rescored; the change is in the audit log."
      className="space-y-3 border-t border-slate-100 px-5 py-4"
    >
      <input type="hidden" name="runId" value={runId} />
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" name="confirm" value="yes" className="mt-0.5 h-4 w-4 rounded border-slate-300" />
        Replace the current component weights with the suggested ones (floors and targets stay) and rescore every
        account
      </label>
    </ActionForm>
  );
}
