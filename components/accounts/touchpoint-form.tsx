import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { logTouchpointAction } from "@/lib/actions/account-activity";
import { TOUCHPOINT_LABELS } from "@/lib/format";

export interface ContactOption {
  email: string;
  name: string;
  execSponsor: boolean;
}

export function TouchpointForm({
  accountId,
  contacts,
  today,
}: {
  accountId: number;
  contacts: ContactOption[];
  today: string;
}) {
  return (
    <ActionForm action={logTouchpointAction} submitLabel="Log touchpoint" success="Touchpoint logged." withResult>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Type" htmlFor="tp-type">
          <select id="tp-type" name="type" defaultValue="call" className={inputClass}>
            {Object.entries(TOUCHPOINT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" htmlFor="tp-date">
          <input id="tp-date" name="occurredAt" type="date" defaultValue={today} max={today} className={inputClass} />
        </Field>
      </div>
      {contacts.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Who was there</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {contacts.map((c) => (
              <label key={c.email} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="contactEmails" value={c.email} className="rounded border-slate-300" />
                {c.name}
                {c.execSponsor && <span className="text-xs text-brand-700">(exec sponsor)</span>}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="attended" defaultChecked className="rounded border-slate-300" /> The customer
        attended (counts for QBR/EBR attendance)
      </label>
      <Field label="Notes" htmlFor="tp-notes">
        <textarea id="tp-notes" name="notes" rows={2} className={inputClass} />
      </Field>
    </ActionForm>
  );
}
