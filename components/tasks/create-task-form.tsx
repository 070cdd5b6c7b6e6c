"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createTaskAction } from "@/lib/actions/tasks";
import { TASK_PRIORITIES } from "@/lib/validation/tasks";

const PRIORITY_LABELS = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" } as const;

/** A manual task on an account, owned by whoever adds it. The server checks they may edit the account. */
export function CreateTaskForm({ accountId, defaultDueDate }: { accountId: number; defaultDueDate?: string }) {
  const { state, pending, formRef, onSubmit, issues, issue } = useFormAction(createTaskAction);

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4 px-5 py-4" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <Field label="Task" htmlFor="task-title" error={issue("title")}>
        <input
          id="task-title"
          name="title"
          required
          maxLength={200}
          placeholder="e.g. Send the renewal proposal"
          className={inputClass}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Due date" htmlFor="task-due" error={issue("dueDate")}>
          <input
            id="task-due"
            name="dueDate"
            type="date"
            required
            defaultValue={defaultDueDate}
            className={inputClass}
          />
        </Field>
        <Field label="Priority" htmlFor="task-priority" error={issue("priority")}>
          <select id="task-priority" name="priority" defaultValue="normal" className={inputClass}>
            {TASK_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {state && !state.ok && issues.length === 0 && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error.message}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
          Task added to your inbox.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add task"}
      </Button>
    </form>
  );
}
