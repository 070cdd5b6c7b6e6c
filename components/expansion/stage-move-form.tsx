"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { moveDealAction } from "@/lib/actions/expansion";
import { EXPANSION_STAGES, STAGE_LABELS, type ExpansionStage } from "@/lib/domain/expansion";

/** Moves a deal to another stage; "Lost" asks why. Winning books the ARR on the server. */
export function StageMoveForm({
  accountId,
  dealKey,
  stage,
  label,
}: {
  accountId: number;
  dealKey: string;
  stage: ExpansionStage;
  label: string;
}) {
  const { pending, onSubmit, error } = useFormAction(moveDealAction, { resetOnSuccess: false });
  const [next, setNext] = useState<ExpansionStage>(stage);
  const id = `stage-${accountId}-${dealKey}`;
  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="key" value={dealKey} />
      <div className="flex items-end gap-2">
        <label htmlFor={id} className="sr-only">
          Stage of {label}
        </label>
        <select
          id={id}
          name="stage"
          value={next}
          onChange={(e) => setNext(e.target.value as ExpansionStage)}
          className={`${inputClass} mt-0 py-1.5 text-xs`}
        >
          {EXPANSION_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
        <Button
          type="submit"
          variant="secondary"
          className="px-2.5 py-1.5 text-xs"
          disabled={pending || next === stage}
        >
          {pending ? "Moving…" : "Move"}
          <span className="sr-only"> {label}</span>
        </Button>
      </div>
      {next === "lost" && next !== stage && (
        <div>
          <label htmlFor={`${id}-loss`} className="text-xs font-medium text-slate-700">
            Why was it lost?
          </label>
          <input id={`${id}-loss`} name="lossReason" className={`${inputClass} py-1.5 text-xs`} />
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
