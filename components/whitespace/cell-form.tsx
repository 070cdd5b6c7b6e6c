"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveWhitespaceAction } from "@/lib/actions/whitespace";

/** One whitespace cell of the account: Impact, Critical Event (date and reason), Decision Process notes. */
export function CellForm({ accountId, products }: { accountId: number; products: { key: string; name: string }[] }) {
  const id = (name: string) => `ws-${name}-${accountId}`;
  return (
    <ActionForm action={saveWhitespaceAction} submitLabel="Save whitespace" success="Whitespace saved.">
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Product" htmlFor={id("product")}>
          <select id={id("product")} name="product" className={inputClass}>
            {products.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Impact for the customer (USD a year)" htmlFor={id("impact")}>
          <input id={id("impact")} name="impact" type="number" min="0" step="0.01" className={inputClass} />
        </Field>
        <Field label="Critical event date" htmlFor={id("date")}>
          <input id={id("date")} name="criticalEventDate" type="date" className={inputClass} />
        </Field>
        <Field label="Critical event" htmlFor={id("reason")}>
          <input id={id("reason")} name="criticalEventReason" className={inputClass} />
        </Field>
      </div>
      <Field label="Decision process notes" htmlFor={id("notes")}>
        <textarea id={id("notes")} name="decisionNotes" rows={2} className={inputClass} />
      </Field>
    </ActionForm>
  );
}
