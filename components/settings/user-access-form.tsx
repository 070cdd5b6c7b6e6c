"use client";

import { useActionState } from "react";
import { updateUserAction } from "@/lib/actions/users";

interface Props {
  user: { id: number; name: string; role: string; active: boolean };
  roles: { value: string; label: string }[];
}

/** Role and active status of one user; a change ends that user's sessions at once. */
export function UserAccessForm({ user, roles }: Props) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={action} className="flex items-center gap-2">
        <input type="hidden" name="id" value={user.id} />
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.name}
        </label>
        <select
          id={`role-${user.id}`}
          name="role"
          defaultValue={user.role}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <button
          disabled={pending}
          className="text-xs font-medium text-brand-700 hover:text-brand-800"
          aria-label={`Save role of ${user.name}`}
        >
          Save
        </button>
      </form>
      <form action={action}>
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <button
          disabled={pending}
          className={
            user.active
              ? "text-xs font-medium text-red-600 hover:text-red-700"
              : "text-xs font-medium text-emerald-700 hover:text-emerald-800"
          }
        >
          {user.active ? `Deactivate` : `Reactivate`}
          <span className="sr-only"> {user.name}</span>
        </button>
      </form>
      {state && !state.ok && (
        <p role="alert" className="w-full text-right text-xs text-red-600">
          {state.error.message}
        </p>
      )}
    </div>
  );
}
