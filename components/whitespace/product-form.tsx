"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveProductAction } from "@/lib/actions/whitespace";

/** Adds a product to the catalogue, or renames / reprices the one with the same key. */
export function ProductForm() {
  return (
    <ActionForm
      action={saveProductAction}
      submitLabel="Save product"
      success="Product saved."
      className="grid gap-3 sm:grid-cols-4 sm:items-end"
    >
      <Field label="Key" htmlFor="product-key">
        <input id="product-key" name="key" placeholder="analytics" className={inputClass} />
      </Field>
      <Field label="Name" htmlFor="product-name">
        <input id="product-name" name="name" className={inputClass} />
      </Field>
      <Field label="List ARR (USD)" htmlFor="product-arr">
        <input id="product-arr" name="listArr" type="number" min="0" step="0.01" className={inputClass} />
      </Field>
    </ActionForm>
  );
}
