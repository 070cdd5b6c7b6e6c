"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { logAdvocacyAction } from "@/lib/actions/voice";
import { ADVOCACY_KIND_LABELS, ADVOCACY_KINDS, ADVOCACY_STATUSES } from "@/lib/domain/advocacy";

/** Logs an ask of an advocate; warns when it brings them to the quarter's limit. */
export function AdvocacyForm({
  accountId,
  contacts,
  today,
}: {
  accountId: number;
  contacts: { email: string; name: string }[];
  today: string;
}) {
  const { state, pending, formRef, onSubmit, issues } = useFormAction(logAdvocacyAction);
  const id = (n: string) => `adv-${n}-${accountId}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Contact" htmlFor={id("contact")}>
          <select id={id("contact")} name="contactEmail" className={inputClass}>
            {contacts.map((c) => (
              <option key={c.email} value={c.email}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Ask" htmlFor={id("kind")}>
          <select id={id("kind")} name="kind" className={inputClass}>
            {ADVOCACY_KINDS.map((k) => (
              <option key={k} value={k}>
                {ADVOCACY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" htmlFor={id("date")}>
          <input id={id("date")} name="date" type="date" defaultValue={today} className={inputClass} />
        </Field>
        <Field label="Status" htmlFor={id("status")}>
          <select id={id("status")} name="status" className={inputClass}>
            {ADVOCACY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0].toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {state && !state.ok && (
        <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error.message}
          {issues.map((i) => (
            <p key={i.path}>{i.message}</p>
          ))}
        </div>
      )}
      {state?.ok && (
        <p
          role="status"
          data-testid="advocacy-result"
          className={
            state.data.warning
              ? "rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800"
              : "rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700"
          }
        >
          {state.data.warning ?? "Ask logged."}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Log ask"}
      </Button>
    </form>
  );
}
