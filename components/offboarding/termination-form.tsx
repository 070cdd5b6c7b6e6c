"use client";

import { useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { recordTerminationAction } from "@/lib/actions/offboarding";
import { ChurnReasonCheckboxes } from "./churn-reason-checkboxes";

const FIELDS = ["terminatedOn", "churnReasons", "confirmName"];

/**
 * A manager ends the contract: the ARR leaves as churn, the renewal closes and the offboarding
 * starts. A danger action: it runs only once the account's name is typed (checked again on the server).
 */
export function TerminationForm({
  accountId,
  accountName,
  today,
}: {
  accountId: number;
  accountName: string;
  today: string;
}) {
  const { state, pending, formRef, onSubmit, issue } = useFormAction(recordTerminationAction, {
    resetOnSuccess: false,
  });
  const [typed, setTyped] = useState("");
  const confirmed = typed.trim() === accountName.trim();
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">
        <span className="font-semibold">This churns the account.</span> It becomes a former customer: its ARR is
        recorded as churned and its open renewal closes. Nothing is deleted, and a manager can reactivate it later.
      </p>
      <Field label="Termination date" htmlFor="terminatedOn" error={issue("terminatedOn")}>
        <input id="terminatedOn" name="terminatedOn" type="date" defaultValue={today} className={inputClass} />
      </Field>
      <ChurnReasonCheckboxes columns={1} />
      {issue("churnReasons") && <p className="text-xs text-red-600">{issue("churnReasons")}</p>}
      <Field label="Notes" htmlFor="terminationNotes">
        <textarea id="terminationNotes" name="churnNotes" rows={2} className={inputClass} />
      </Field>
      <Field label={`Type ${accountName} to confirm`} htmlFor="confirmName" error={issue("confirmName")}>
        <input
          id="confirmName"
          name="confirmName"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className={inputClass}
        />
      </Field>
      {state && !state.ok && !FIELDS.some((f) => issue(f)) && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !confirmed}
        className="inline-flex items-center justify-center rounded-lg bg-red-700 px-3.5 py-2 text-sm font-medium text-white transition-colors hover:bg-red-800 disabled:cursor-not-allowed disabled:bg-red-700/50"
      >
        {pending ? "Recording…" : "Churn this account"}
      </button>
    </form>
  );
}
