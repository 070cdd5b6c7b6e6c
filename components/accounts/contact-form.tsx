import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveContactAction } from "@/lib/actions/account-activity";

const FLAGS = [
  ["execSponsor", "Executive sponsor"],
  ["champion", "Champion"],
  ["decisionMaker", "Decision maker"],
  ["referenceWilling", "Willing to be a reference"],
] as const;

/** Adds a contact, or updates the one with the same email. */
export function ContactForm({ accountId }: { accountId: number }) {
  return (
    <ActionForm action={saveContactAction} submitLabel="Save contact" success="Contact saved." withResult>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Name" htmlFor="ct-name">
          <input id="ct-name" name="name" className={inputClass} />
        </Field>
        <Field label="Email" htmlFor="ct-email">
          <input id="ct-email" name="email" type="email" className={inputClass} />
        </Field>
      </div>
      <Field label="Title" htmlFor="ct-title">
        <input id="ct-title" name="title" className={inputClass} />
      </Field>
      <div className="grid gap-1 sm:grid-cols-2">
        {FLAGS.map(([name, label]) => (
          <label key={name} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name={name} className="rounded border-slate-300" /> {label}
          </label>
        ))}
      </div>
    </ActionForm>
  );
}
