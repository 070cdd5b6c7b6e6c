"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { reopenTaskAction } from "@/lib/actions/tasks";

/** Undo for a task completed by mistake: it goes back to the open views. */
export function ReopenTaskButton({ taskId, title }: { taskId: number; title: string }) {
  const [state, action, pending] = useActionState(reopenTaskAction, null);
  return (
    <form action={action} className="flex w-28 shrink-0 flex-col items-end">
      <input type="hidden" name="id" value={taskId} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Reopen: ${title}`}>
        {pending ? "Reopening…" : "Reopen"}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-right text-xs text-red-600">
          {state.error.message}
        </p>
      )}
    </form>
  );
}
