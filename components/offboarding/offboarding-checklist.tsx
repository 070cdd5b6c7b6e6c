"use client";

import { useOptimistic, useState, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { toggleOffboardingItemAction } from "@/lib/actions/offboarding";
import type { OffboardingItemView } from "@/lib/data/offboarding/checklist";
import { formatDate } from "@/lib/format";

export interface ChecklistItem extends OffboardingItemView {
  /** The viewer may tick or untick it. */
  editable: boolean;
}

/** The checklist: one checkbox per item, saved as soon as it is ticked. */
export function OffboardingChecklist({
  accountId,
  items,
  today,
  locked,
}: {
  accountId: number;
  items: ChecklistItem[];
  today: string;
  locked: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  // The box shows its new state at once; it falls back if the server refuses.
  const [ticked, setTicked] = useOptimistic(
    new Set(items.filter((i) => i.doneAt !== null).map((i) => i.key)),
    (current: Set<string>, change: { key: string; done: boolean }) => {
      const next = new Set(current);
      if (change.done) next.add(change.key);
      else next.delete(change.key);
      return next;
    },
  );

  function toggle(key: string, done: boolean) {
    setError(null);
    startTransition(async () => {
      setTicked({ key, done });
      const result = await toggleOffboardingItemAction({ accountId, key, done });
      if (!result.ok) setError({ key, message: result.error.message });
    });
  }

  return (
    <ul aria-label="Offboarding checklist" className="divide-y divide-slate-100">
      {items.map((item) => {
        const id = `item-${item.key}`;
        const overdue = !item.doneAt && item.dueDate < today;
        const disabled = locked || pending || !item.editable || (!item.doneAt && item.blocker !== null);
        return (
          <li key={item.key} className="flex items-start gap-3 px-5 py-3">
            <input
              id={id}
              type="checkbox"
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500 disabled:opacity-50"
              checked={ticked.has(item.key)}
              disabled={disabled}
              aria-describedby={`${id}-meta`}
              onChange={(e) => toggle(item.key, e.currentTarget.checked)}
            />
            <div className="min-w-0 flex-1">
              <label
                htmlFor={id}
                className={cn("text-sm font-medium", item.doneAt ? "text-slate-500 line-through" : "text-slate-900")}
              >
                {item.title}
              </label>
              <p id={`${id}-meta`} className="mt-0.5 text-xs text-slate-500">
                {item.ownerName ?? "Unassigned"} ·{" "}
                {item.doneAt ? (
                  `done ${formatDate(item.doneAt)}`
                ) : (
                  <span className={overdue ? "font-medium text-red-700" : undefined}>
                    due {formatDate(item.dueDate)}
                    {overdue ? " (overdue)" : ""}
                  </span>
                )}
                {!item.doneAt && item.blocker && <span className="text-amber-700"> · {item.blocker}</span>}
              </p>
              {error?.key === item.key && (
                <p role="alert" className="mt-1 text-xs text-red-600">
                  {error.message}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
