"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createUserAction } from "@/lib/actions/users";

export function CreateUserForm({ roles }: { roles: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createUserAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  // Submitting through onSubmit (not the form's action prop) keeps what the admin typed
  // when validation fails; the form is cleared only after a user was added.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4 px-5 py-4" noValidate>
      <Field label="Name" htmlFor="new-name" error={issue("name")}>
        <input id="new-name" name="name" required className={inputClass} />
      </Field>
      <Field label="Email" htmlFor="new-email" error={issue("email")}>
        <input id="new-email" name="email" type="email" required className={inputClass} />
      </Field>
      <Field label="Role" htmlFor="new-role" error={issue("role")}>
        <select id="new-role" name="role" defaultValue="csm" className={inputClass}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Initial password" htmlFor="new-password" error={issue("password")}>
        <input id="new-password" name="password" type="password" required className={inputClass} />
      </Field>
      {state && !state.ok && issues.length === 0 && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error.message}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
          Added {state.data.name}.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}
