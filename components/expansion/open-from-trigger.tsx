"use client";

import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { openFromTriggerAction } from "@/lib/actions/expansion";
import type { UpsellTrigger } from "@/lib/domain/expansion";

/** One click from a met trigger to an identified deal (the server suggests type, ARR and owner). */
export function OpenFromTrigger({
  accountId,
  trigger,
  label,
}: {
  accountId: number;
  trigger: UpsellTrigger;
  label: string;
}) {
  const { state, pending, onSubmit, error } = useFormAction(openFromTriggerAction);
  return (
    <form onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="trigger" value={trigger} />
      <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending}>
        {pending ? "Opening…" : "Open opportunity"}
        <span className="sr-only"> from {label}</span>
      </Button>
      {state?.ok && (
        <span role="status" className="text-xs text-emerald-700">
          Opened
        </span>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
