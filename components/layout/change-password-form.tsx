"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/users";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  if (state?.ok) {
    return (
      <div className="space-y-3 px-5 py-4">
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
          Your password was changed and every session of yours has ended.
        </p>
        <a href="/sign-in" className="text-sm font-medium text-brand-700">
          Sign in again
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4 px-5 py-4" noValidate>
      <Field label="Current password" htmlFor="current-password" error={issue("currentPassword")}>
        <input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </Field>
      <Field label="New password" htmlFor="new-password" error={issue("newPassword")}>
        <input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
      </Field>
      <Field label="Repeat the new password" htmlFor="confirm-password" error={issue("confirmPassword")}>
        <input
          id="confirm-password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
      </Field>
      {state && !state.ok && issues.length === 0 && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error.message}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
