"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveOffboardingDetailsAction } from "@/lib/actions/offboarding";
import { ChurnReasonCheckboxes } from "./churn-reason-checkboxes";

export interface OffboardingDetails {
  accessOffDate: string | null;
  churnReasons: string[];
  churnNotes: string | null;
  exitInterview: string | null;
}

/** The facts the checklist records: the access-off date, the churn reasons and the exit interview. */
export function OffboardingDetailsForm({ accountId, details }: { accountId: number; details: OffboardingDetails }) {
  return (
    <ActionForm
      action={saveOffboardingDetailsAction}
      submitLabel="Save details"
      success="Offboarding details saved."
      className="space-y-4 px-5 py-4"
    >
      <input type="hidden" name="accountId" value={accountId} />
      <Field label="Access-off date (agreed with finance and legal)" htmlFor="accessOffDate">
        <input
          id="accessOffDate"
          name="accessOffDate"
          type="date"
          defaultValue={details.accessOffDate ?? ""}
          className={inputClass}
        />
      </Field>
      <ChurnReasonCheckboxes checked={details.churnReasons} />
      <Field label="Churn notes" htmlFor="churnNotes">
        <textarea
          id="churnNotes"
          name="churnNotes"
          rows={2}
          defaultValue={details.churnNotes ?? ""}
          className={inputClass}
        />
      </Field>
      <Field label="Exit interview notes" htmlFor="exitInterview">
        <textarea
          id="exitInterview"
          name="exitInterview"
          rows={4}
          defaultValue={details.exitInterview ?? ""}
          className={inputClass}
        />
      </Field>
    </ActionForm>
  );
}
