"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "./button";

type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A form bound to a server action built with defineAction: shows the action's validation
 * issues and errors, keeps what was typed when it fails, and clears itself when it succeeds.
 */
export function ActionForm<T>({ action, submitLabel, success, children, className }: { action: FormAction<T>; submitLabel: string; success: string; children: ReactNode; className?: string }) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  const issues = state && !state.ok ? state.error.issues ?? [] : [];
  return (
    <form ref={formRef} onSubmit={onSubmit} className={className ?? "space-y-3"} noValidate>
      {children}
      {state && !state.ok && (
        <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          <p>{state.error.message}</p>
          {issues.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {issues.map((i) => <li key={i.path + i.message}>{i.message}</li>)}
            </ul>
          )}
        </div>
      )}
      {state?.ok && <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700">{success}</p>}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
