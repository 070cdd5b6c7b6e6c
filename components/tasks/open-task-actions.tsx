"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { completeTaskAction, dismissTaskAction, snoozeTaskAction } from "@/lib/actions/tasks";
import type { TaskChange } from "@/lib/data/tasks/tasks";

type Mode = "complete" | "snooze" | "dismiss";

/**
 * An open task's actions: complete (with an optional outcome), snooze until a day, or dismiss
 * with a reason. Renders two children of the task's flex row: the buttons, and (when one is
 * chosen) a full-width form that wraps below.
 */
export function OpenTaskActions({
  taskId,
  title,
  snoozeDefault,
}: {
  taskId: number;
  title: string;
  snoozeDefault: string;
}) {
  const [mode, setMode] = useState<Mode | null>(null);
  return (
    <>
      <div className="flex shrink-0 flex-wrap justify-end gap-2 sm:w-56">
        {mode === null && (
          <>
            <Button variant="secondary" onClick={() => setMode("complete")} aria-label={`Complete: ${title}`}>
              Complete
            </Button>
            <Button variant="ghost" onClick={() => setMode("snooze")} aria-label={`Snooze: ${title}`}>
              Snooze
            </Button>
            <Button variant="ghost" onClick={() => setMode("dismiss")} aria-label={`Dismiss: ${title}`}>
              Dismiss
            </Button>
          </>
        )}
      </div>
      {mode === "complete" && (
        <TaskForm action={completeTaskAction} taskId={taskId} submit="Mark done" onCancel={() => setMode(null)}>
          {(id) => (
            <>
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                Outcome <span className="font-normal text-slate-500">(optional)</span>
              </label>
              <textarea
                id={id}
                name="outcome"
                rows={2}
                maxLength={2000}
                autoFocus
                placeholder="What happened? e.g. Call booked with the sponsor for Tuesday."
                className={inputClass}
              />
            </>
          )}
        </TaskForm>
      )}
      {mode === "snooze" && (
        <TaskForm action={snoozeTaskAction} taskId={taskId} submit="Snooze" onCancel={() => setMode(null)}>
          {(id) => (
            <>
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                Bring it back on
              </label>
              <input id={id} name="until" type="date" defaultValue={snoozeDefault} autoFocus className={inputClass} />
            </>
          )}
        </TaskForm>
      )}
      {mode === "dismiss" && (
        <TaskForm action={dismissTaskAction} taskId={taskId} submit="Dismiss task" onCancel={() => setMode(null)}>
          {(id) => (
            <>
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                Why is it not needed?
              </label>
              <textarea
                id={id}
                name="reason"
                rows={2}
                maxLength={500}
                autoFocus
                placeholder="e.g. Already handled on last week's call; the drop was a data gap."
                className={inputClass}
              />
              <p className="mt-1 text-xs text-slate-500">Dismissal reasons help admins tune noisy playbooks.</p>
            </>
          )}
        </TaskForm>
      )}
    </>
  );
}

function TaskForm({
  action,
  taskId,
  submit,
  onCancel,
  children,
}: {
  action: FormAction<TaskChange>;
  taskId: number;
  submit: string;
  onCancel: () => void;
  children: (fieldId: string) => React.ReactNode;
}) {
  const { state, pending, onSubmit } = useFormAction(action, { resetOnSuccess: false });
  const fieldId = `task-${taskId}-${submit.replace(/\W+/g, "-").toLowerCase()}`;
  const error = state && !state.ok ? (state.error.issues?.[0]?.message ?? state.error.message) : null;
  return (
    <form
      onSubmit={onSubmit}
      className="basis-full rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200 sm:ml-20"
      noValidate
    >
      <input type="hidden" name="id" value={taskId} />
      {children(fieldId)}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
      <div className="mt-3 flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submit}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
