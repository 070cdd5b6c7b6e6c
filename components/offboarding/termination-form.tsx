"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { recordTerminationAction } from "@/lib/actions/offboarding";
import { ChurnReasonCheckboxes } from "./churn-reason-checkboxes";

/** A manager ends the contract: the ARR leaves as churn, the renewal closes and the offboarding starts. */
export function TerminationForm({ accountId, today }: { accountId: number; today: string }) {
  return (
    <ActionForm action={recordTerminationAction} submitLabel="Record termination" success="Termination recorded.">
      <input type="hidden" name="accountId" value={accountId} />
      <p className="text-xs text-slate-500">
        The account becomes a former customer: its ARR is recorded as churned and its open renewal closes. Nothing is
        deleted.
      </p>
      <Field label="Termination date" htmlFor="terminatedOn">
        <input id="terminatedOn" name="terminatedOn" type="date" defaultValue={today} className={inputClass} />
      </Field>
      <ChurnReasonCheckboxes columns={1} />
      <Field label="Notes" htmlFor="terminationNotes">
        <textarea id="terminationNotes" name="churnNotes" rows={2} className={inputClass} />
      </Field>
    </ActionForm>
  );
}
