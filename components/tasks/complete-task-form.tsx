"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { completeTaskAction } from "@/lib/actions/tasks";

/**
 * "Complete" opens an inline form asking for an optional outcome note. It renders two children
 * of the task's flex row: the button slot, and (when open) a full-width form that wraps below.
 */
export function CompleteTaskForm({ taskId, title }: { taskId: number; title: string }) {
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit } = useFormAction(completeTaskAction, { resetOnSuccess: false });
  const fieldId = `outcome-${taskId}`;
  const error = state && !state.ok ? (state.error.issues?.[0]?.message ?? state.error.message) : null;

  return (
    <>
      <div className="flex w-28 shrink-0 justify-end">
        {!open && (
          <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Complete: ${title}`}>
            Complete
          </Button>
        )}
      </div>
      {open && (
        <form
          onSubmit={onSubmit}
          className="basis-full rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200 sm:ml-20"
          noValidate
        >
          <input type="hidden" name="id" value={taskId} />
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
            Outcome <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            id={fieldId}
            name="outcome"
            rows={2}
            maxLength={2000}
            autoFocus
            placeholder="What happened? e.g. Call booked with the sponsor for Tuesday."
            className={inputClass}
          />
          {error && (
            <p role="alert" className="mt-1 text-xs text-red-600">
              {error}
            </p>
          )}
          <div className="mt-3 flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Mark done"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
