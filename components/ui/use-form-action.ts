"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

export type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Binds a form to a server action built with defineAction. Submits through onSubmit rather than
 * the form's action prop, so what was typed stays when validation fails; resets the form when
 * the action succeeds (unless `resetOnSuccess` is false); exposes each field's issue by path.
 */
export function useFormAction<T>(action: FormAction<T>, { resetOnSuccess = true }: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  const error = state && !state.ok ? state.error.message : undefined;
  return { state, pending, formRef, onSubmit, issues, issue, error };
}
