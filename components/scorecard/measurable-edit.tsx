"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Field, inputClass } from "@/components/ui/field";
import { updateMeasurableAction } from "@/lib/actions/scorecard";
import type { MeasurableListItem } from "@/lib/data/scorecard/scorecard";
import { goalToInput } from "@/lib/domain/scorecard";
import { OwnerSelect } from "./owner-select";

/**
 * A measurable's "Edit goal and owner" form, built in the browser once it opens. A client
 * component taking the measurable's fields, so the page's RSC payload carries a few values per
 * measurable instead of the whole closed form (issue 16); the owners list is sent once.
 */
export function MeasurableEdit({
  measurable: m,
  owners,
}: {
  measurable: Pick<MeasurableListItem, "id" | "title" | "unit" | "goal" | "direction" | "ownerId">;
  owners: { id: number; name: string }[];
}) {
  return (
    <Disclosure
      className="mt-1"
      summary={<summary className="cursor-pointer text-xs text-brand-700">Edit goal and owner</summary>}
    >
      <ActionForm
        action={updateMeasurableAction}
        submitLabel="Save measurable"
        success="Saved."
        className="mt-2 grid gap-3 sm:grid-cols-2"
      >
        <input type="hidden" name="id" value={m.id} />
        <Field label="Title" htmlFor={`m-title-${m.id}`}>
          <input id={`m-title-${m.id}`} name="title" defaultValue={m.title} className={inputClass} />
        </Field>
        <Field label="Owner" htmlFor={`m-owner-${m.id}`}>
          <OwnerSelect id={`m-owner-${m.id}`} owners={owners} defaultValue={m.ownerId} />
        </Field>
        <Field label={m.unit === "%" ? "Goal (%)" : "Goal"} htmlFor={`m-goal-${m.id}`}>
          <input
            id={`m-goal-${m.id}`}
            name="goal"
            type="number"
            step="any"
            defaultValue={goalToInput(m.goal, m.unit)}
            className={inputClass}
          />
        </Field>
        <Field label="On goal when the value is" htmlFor={`m-dir-${m.id}`}>
          <select id={`m-dir-${m.id}`} name="direction" defaultValue={m.direction} className={inputClass}>
            <option value="gte">at least the goal</option>
            <option value="lte">at most the goal</option>
          </select>
        </Field>
      </ActionForm>
    </Disclosure>
  );
}
