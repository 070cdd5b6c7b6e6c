"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetPasswordAction } from "@/lib/actions/users";

/**
 * Resets one user's password: the admin types a temporary one, or leaves it blank and gets a
 * generated one, shown here once. Either way the user's sessions end at once.
 */
export function ResetPasswordForm({ user }: { user: { id: number; name: string } }) {
  const { state, pending, formRef, onSubmit, issue, error } = useFormAction(resetPasswordAction);
  const fieldId = `reset-password-${user.id}`;
  return (
    <details className="group text-left">
      <summary className="cursor-pointer list-none text-xs font-medium text-slate-600 hover:text-slate-900">
        Reset password<span className="sr-only"> of {user.name}</span>
      </summary>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        className="mt-2 w-64 space-y-2 whitespace-normal rounded-lg bg-slate-50 p-3"
      >
        <input type="hidden" name="id" value={user.id} />
        <Field label="Temporary password" htmlFor={fieldId} error={issue("password")}>
          <input id={fieldId} name="password" type="password" autoComplete="new-password" className={inputClass} />
        </Field>
        <p className="text-xs text-slate-500">Leave blank to generate one. Their sessions end at once.</p>
        {error && !issue("password") && (
          <p role="alert" className="text-xs text-red-600">
            {error}
          </p>
        )}
        {state?.ok && (
          <div role="status" className="rounded-md bg-emerald-50 px-2 py-1.5 text-xs text-emerald-800">
            {state.data.generated ? (
              <>
                New password for {user.name} (shown once):{" "}
                <code data-testid="generated-password" className="select-all font-mono text-sm text-slate-900">
                  {state.data.generated}
                </code>
              </>
            ) : (
              <>Password reset. Give it to {user.name} in person or over a trusted channel.</>
            )}
          </div>
        )}
        <Button type="submit" variant="secondary" disabled={pending} className="px-2.5 py-1 text-xs">
          {pending ? "Resetting…" : "Reset password"}
        </Button>
      </form>
    </details>
  );
}
