"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveOffboardingDetailsAction } from "@/lib/actions/offboarding";
import { CHURN_REASON_KEYS, CHURN_REASON_LABELS } from "@/lib/domain/offboarding";

export interface OffboardingDetails {
  accessOffDate: string | null;
  churnReasons: string[];
  churnNotes: string | null;
  exitInterview: string | null;
}

/** The facts the checklist records: the access-off date, the churn reasons and the exit interview. */
export function OffboardingDetailsForm({ accountId, details }: { accountId: number; details: OffboardingDetails }) {
  return (
    <ActionForm action={saveOffboardingDetailsAction} submitLabel="Save details" success="Offboarding details saved." className="space-y-4 px-5 py-4">
      <input type="hidden" name="accountId" value={accountId} />
      <Field label="Access-off date (agreed with finance and legal)" htmlFor="accessOffDate">
        <input id="accessOffDate" name="accessOffDate" type="date" defaultValue={details.accessOffDate ?? ""} className={inputClass} />
      </Field>
      <fieldset>
        <legend className="block text-sm font-medium text-slate-700">Churn reasons</legend>
        <div className="mt-2 grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
          {CHURN_REASON_KEYS.map((key) => (
            <label key={key} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="churnReasons" value={key} defaultChecked={details.churnReasons.includes(key)} className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" />
              {CHURN_REASON_LABELS[key]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Churn notes" htmlFor="churnNotes">
        <textarea id="churnNotes" name="churnNotes" rows={2} defaultValue={details.churnNotes ?? ""} className={inputClass} />
      </Field>
      <Field label="Exit interview notes" htmlFor="exitInterview">
        <textarea id="exitInterview" name="exitInterview" rows={4} defaultValue={details.exitInterview ?? ""} className={inputClass} />
      </Field>
    </ActionForm>
  );
}
