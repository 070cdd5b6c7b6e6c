"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { reassignAccountAction } from "@/lib/actions/reassign";
import { OWNER_ROLE_LABELS, type OwnerRole } from "@/lib/domain/reassign";

interface Person {
  id: number;
  name: string;
}

/** The account's CSM and AE, each changed on its own; the old owner's open tasks follow. */
export function ReassignAccountForm({
  accountId,
  current,
  people,
}: {
  accountId: number;
  current: Record<OwnerRole, number | null>;
  people: Record<OwnerRole, Person[]>;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {(["csm", "ae"] as const).map((role) => {
        const id = `reassign-${role}-${accountId}`;
        return (
          <ActionForm
            key={role}
            action={reassignAccountAction}
            submitLabel={`Change ${OWNER_ROLE_LABELS[role]}`}
            success=""
            withResult
          >
            <input type="hidden" name="accountId" value={accountId} />
            <input type="hidden" name="role" value={role} />
            <Field label={`New ${OWNER_ROLE_LABELS[role]}`} htmlFor={id}>
              <select id={id} name="toId" defaultValue={current[role] ?? ""} className={inputClass}>
                <option value="">Pick a {OWNER_ROLE_LABELS[role]}</option>
                {people[role].map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
          </ActionForm>
        );
      })}
      <p className="text-xs text-slate-500 sm:col-span-2">
        The previous owner’s open tasks on this account move to the new owner.
      </p>
    </div>
  );
}
