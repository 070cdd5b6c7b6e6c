"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { reactivateAccountAction } from "@/lib/actions/offboarding";

/** Win-back: a new contract makes the former customer active again, with a new renewal. */
export function ReactivationForm({
  accountId,
  accountName,
  today,
  renewalDefault,
  arr,
  seats,
}: {
  accountId: number;
  accountName: string;
  today: string;
  renewalDefault: string;
  arr: number;
  seats: number;
}) {
  const id = (name: string) => `${name}-${accountId}`;
  return (
    <ActionForm
      action={reactivateAccountAction}
      submitLabel="Reactivate"
      success={`${accountName} is a customer again.`}
      className="grid gap-3 sm:grid-cols-2"
    >
      <input type="hidden" name="accountId" value={accountId} />
      <Field label="Contract start" htmlFor={id("contractStart")}>
        <input id={id("contractStart")} name="contractStart" type="date" defaultValue={today} className={inputClass} />
      </Field>
      <Field label="Renewal date" htmlFor={id("renewalDate")}>
        <input
          id={id("renewalDate")}
          name="renewalDate"
          type="date"
          defaultValue={renewalDefault}
          className={inputClass}
        />
      </Field>
      <Field label="ARR (USD)" htmlFor={id("arr")}>
        <input id={id("arr")} name="arr" type="number" min="0" step="0.01" defaultValue={arr} className={inputClass} />
      </Field>
      <Field label="Seats" htmlFor={id("seats")}>
        <input
          id={id("seats")}
          name="seats"
          type="number"
          min="1"
          step="1"
          defaultValue={seats}
          className={inputClass}
        />
      </Field>
    </ActionForm>
  );
}
