import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { setStageOverrideAction } from "@/lib/actions/lifecycle";
import { LIFECYCLE_STAGES } from "@/lib/domain/lifecycle";
import { STAGE_LABELS } from "@/lib/format";

/** Set the account's lifecycle stage by hand (it wins over the derived one), or go back to the derived stage. */
export function StageOverrideForm({
  accountId,
  derivedStage,
  manualStage,
}: {
  accountId: number;
  derivedStage: keyof typeof STAGE_LABELS;
  manualStage: keyof typeof STAGE_LABELS | null;
}) {
  return (
    <ActionForm action={setStageOverrideAction} submitLabel="Save stage" success="Stage saved.">
      <input type="hidden" name="accountId" value={accountId} />
      <p className="text-sm text-slate-600">
        From its dates and data the account is in <strong>{STAGE_LABELS[derivedStage]}</strong>.
      </p>
      <Field label="Stage" htmlFor="stage-override">
        <select id="stage-override" name="stage" defaultValue={manualStage ?? ""} className={inputClass}>
          <option value="">Derived from dates and data ({STAGE_LABELS[derivedStage]})</option>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]} (manual)
            </option>
          ))}
        </select>
      </Field>
      <Field label="Reason" htmlFor="stage-reason">
        <textarea
          id="stage-reason"
          name="reason"
          rows={2}
          className={inputClass}
          placeholder="e.g. Expansion signed ahead of the renewal"
        />
      </Field>
    </ActionForm>
  );
}
