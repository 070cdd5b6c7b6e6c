"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveSuccessPlanAction } from "@/lib/actions/onboarding";

/** Adds an outcome to the success plan, or rewrites one picked from the list. */
export function SuccessPlanForm({
  accountId,
  outcomes,
}: {
  accountId: number;
  outcomes: { key: string; title: string }[];
}) {
  return (
    <ActionForm action={saveSuccessPlanAction} submitLabel="Save outcome" success="Success plan updated.">
      <input type="hidden" name="accountId" value={accountId} />
      <Field label="Outcome" htmlFor="sp-key">
        <select id="sp-key" name="key" defaultValue="" className={inputClass}>
          <option value="">A new outcome</option>
          {outcomes.map((o) => (
            <option key={o.key} value={o.key}>
              {o.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Title" htmlFor="sp-title">
        <input id="sp-title" name="title" className={inputClass} placeholder="Cut reporting time in half" />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Metric" htmlFor="sp-metric">
          <input id="sp-metric" name="metric" className={inputClass} placeholder="Hours a week on reporting" />
        </Field>
        <Field label="Due" htmlFor="sp-due">
          <input id="sp-due" name="dueDate" type="date" className={inputClass} />
        </Field>
      </div>
      <div className="grid grid-cols-3 gap-3">
        <Field label="Baseline" htmlFor="sp-baseline">
          <input id="sp-baseline" name="baseline" type="number" step="any" className={inputClass} />
        </Field>
        <Field label="Current" htmlFor="sp-current">
          <input id="sp-current" name="current" type="number" step="any" className={inputClass} />
        </Field>
        <Field label="Target" htmlFor="sp-target">
          <input id="sp-target" name="target" type="number" step="any" className={inputClass} />
        </Field>
      </div>
      <Field label="Yearly value to the customer ($)" htmlFor="sp-value">
        <input id="sp-value" name="annualValue" type="number" min={0} step="any" className={inputClass} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="achieved" className="h-4 w-4 rounded border-slate-300" /> Achieved
      </label>
    </ActionForm>
  );
}
