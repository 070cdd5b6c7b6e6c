"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { recordTerminationAction } from "@/lib/actions/offboarding";
import { CHURN_REASON_KEYS, CHURN_REASON_LABELS } from "@/lib/domain/offboarding";

/** A manager ends the contract: the ARR leaves as churn, the renewal closes and the offboarding starts. */
export function TerminationForm({ accountId, today }: { accountId: number; today: string }) {
  return (
    <ActionForm action={recordTerminationAction} submitLabel="Record termination" success="Termination recorded.">
      <input type="hidden" name="accountId" value={accountId} />
      <p className="text-xs text-slate-500">The account becomes a former customer: its ARR is recorded as churned and its open renewal closes. Nothing is deleted.</p>
      <Field label="Termination date" htmlFor="terminatedOn">
        <input id="terminatedOn" name="terminatedOn" type="date" defaultValue={today} className={inputClass} />
      </Field>
      <fieldset>
        <legend className="block text-sm font-medium text-slate-700">Churn reasons</legend>
        <div className="mt-2 grid grid-cols-1 gap-y-1.5">
          {CHURN_REASON_KEYS.map((key) => (
            <label key={key} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="churnReasons" value={key} className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" />
              {CHURN_REASON_LABELS[key]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Notes" htmlFor="terminationNotes">
        <textarea id="terminationNotes" name="churnNotes" rows={2} className={inputClass} />
      </Field>
    </ActionForm>
  );
}
