"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { reassignBookAction } from "@/lib/actions/reassign";
import { OWNER_ROLE_LABELS, OWNER_ROLES, type OwnerRole } from "@/lib/domain/reassign";

export interface BookOwner {
  id: number;
  name: string;
  active: boolean;
  accounts: number;
}

/** Moves every account one CSM (or AE) owns to another, with their open tasks on those accounts. */
export function ReassignBookForm({ owners }: { owners: Record<OwnerRole, BookOwner[]> }) {
  const [role, setRole] = useState<OwnerRole>("csm");
  const label = OWNER_ROLE_LABELS[role];
  const withBooks = owners[role].filter((o) => o.accounts > 0);
  const receivers = owners[role].filter((o) => o.active);
  return (
    <ActionForm action={reassignBookAction} submitLabel="Move the book" success="" withResult>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Owner to change</legend>
        <div className="mt-1 flex gap-4">
          {OWNER_ROLES.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
                className="accent-brand-600"
              />
              {OWNER_ROLE_LABELS[r]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2" key={role}>
        <Field label={`From ${label}`} htmlFor="book-from">
          <select id="book-from" name="fromId" defaultValue="" className={inputClass}>
            <option value="">Pick whose accounts to move</option>
            {withBooks.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
                {o.active ? "" : " (deactivated)"} · {o.accounts} account{o.accounts === 1 ? "" : "s"}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`To ${label}`} htmlFor="book-to">
          <select id="book-to" name="toId" defaultValue="" className={inputClass}>
            <option value="">Pick the new owner</option>
            {receivers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </ActionForm>
  );
}
