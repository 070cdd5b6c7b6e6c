"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { useFormAction, type FormAction } from "./use-form-action";

/**
 * A form bound to a server action built with defineAction: shows the action's validation
 * issues and errors, keeps what was typed when it fails, and clears itself when it succeeds.
 */
export function ActionForm<T>({
  action,
  submitLabel,
  success,
  withResult = false,
  children,
  className,
}: {
  action: FormAction<T>;
  submitLabel: string;
  /** The confirmation. */
  success: string;
  /** Follow the confirmation with the sentence the action returned (how the score moved, what moved). */
  withResult?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const { state, pending, formRef, onSubmit, issues } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className={className ?? "space-y-3"} noValidate>
      {children}
      {state && !state.ok && (
        <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          <p>{state.error.message}</p>
          {issues.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {issues.map((i) => (
                <li key={i.path + i.message}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state?.ok && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
          {withResult && typeof state.data === "string" ? `${success} ${state.data}`.trim() : success}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
