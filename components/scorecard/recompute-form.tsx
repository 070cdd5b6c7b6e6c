import { ActionForm } from "@/components/ui/action-form";
import { recomputeScorecardAction } from "@/lib/actions/scorecard";

/** Replaces the stored weekly figures with ones computed from today's data: confirmed, then audited. */
export function RecomputeForm() {
  return (
    <ActionForm
      action={recomputeScorecardAction}
      submitLabel="Recompute stored weeks"
      success="Recomputed: the 13 weeks now reflect today's data. The change is in the audit log."
      className="space-y-3 p-5"
    >
      <p className="text-sm text-slate-600">
        Past weeks are stored once they end, so corrections to old data don’t move them. Recompute replaces all 13
        stored weeks with figures from today’s data.
      </p>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="confirm" value="yes" className="h-4 w-4 rounded border-slate-300" />
        Replace the stored figures of all 13 weeks
      </label>
    </ActionForm>
  );
}
