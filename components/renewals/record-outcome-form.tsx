"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Field, inputClass } from "@/components/ui/field";
import { recordOutcomeAction } from "@/lib/actions/renewals";
import { CHURN_REASON_KEYS, CHURN_REASON_LABELS } from "@/lib/domain/offboarding";

const OUTCOMES = [
  ["renewed", "Renewed flat"],
  ["expanded", "Renewed with expansion"],
  ["downgraded", "Downgraded"],
  ["churned", "Churned"],
] as const;

/**
 * Closes the renewal; the account's ARR, contract lines and next renewal follow on the server. A churn opens the offboarding checklist.
 * The form is rendered once "Record outcome" opens (Disclosure).
 */
export function RecordOutcomeForm({
  accountId,
  accountName,
  arr,
  today,
}: {
  accountId: number;
  accountName: string;
  arr: number;
  today: string;
}) {
  const id = (name: string) => `${name}-${accountId}`;
  return (
    <Disclosure
      className="mt-3 rounded-lg bg-slate-50 px-3 py-2"
      summary={
        <summary className="cursor-pointer text-xs font-medium text-slate-700">
          Record outcome<span className="sr-only"> for {accountName}</span>
        </summary>
      }
    >
      <ActionForm
        action={recordOutcomeAction}
        submitLabel="Save outcome"
        success="Outcome recorded."
        className="mt-2 space-y-2"
      >
        <input type="hidden" name="accountId" value={accountId} />
        <Field label="Outcome" htmlFor={id("outcome")}>
          <select id={id("outcome")} name="outcome" className={inputClass} defaultValue="renewed">
            {OUTCOMES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="New ARR (USD)" htmlFor={id("newArr")}>
          <input
            id={id("newArr")}
            name="newArr"
            type="number"
            min="0"
            step="0.01"
            defaultValue={arr}
            className={inputClass}
          />
        </Field>
        <Field label="Signed on" htmlFor={id("signedAt")}>
          <input id={id("signedAt")} name="signedAt" type="date" defaultValue={today} className={inputClass} />
        </Field>
        <Field label="Churn reason (if churned)" htmlFor={id("churnReason")}>
          <select id={id("churnReason")} name="churnReason" className={inputClass} defaultValue="">
            <option value="">—</option>
            {CHURN_REASON_KEYS.map((key) => (
              <option key={key} value={key}>
                {CHURN_REASON_LABELS[key]}
              </option>
            ))}
          </select>
        </Field>
      </ActionForm>
    </Disclosure>
  );
}
