"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { updateOnboardingAction, type OnboardingActionInput } from "@/lib/actions/onboarding";
import type { AccountOnboarding } from "@/lib/data/onboarding/plan";
import { formatDate } from "@/lib/format";
import { MilestoneStatusBadge } from "./milestone-status-badge";

/**
 * The onboarding plan, worked in place: ticking an item or completing a milestone saves at once
 * and shows the plan as the server derived it (statuses included).
 */
export function OnboardingPlanEditor({
  accountId,
  plan: initial,
  today,
  editable,
}: {
  accountId: number;
  plan: AccountOnboarding;
  today: string;
  editable: boolean;
}) {
  const [plan, setPlan] = useState(initial);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function save(input: Omit<OnboardingActionInput, "accountId">) {
    setError(null);
    const before = plan;
    // A ticked box shows at once; it falls back if the server refuses.
    if (input.done !== undefined)
      setPlan({
        ...plan,
        checklist: plan.checklist.map((i) => (i.key === input.key ? { ...i, done: input.done === true } : i)),
      });
    startTransition(async () => {
      const result = await updateOnboardingAction({ accountId, ...input });
      if (!result.ok) {
        setPlan(before);
        return setError(result.error.message);
      }
      const owners = new Map(plan.milestones.map((m) => [m.key, m.ownerName]));
      setPlan({
        progress: result.data.progress,
        checklist: plan.checklist.map((i) => {
          const next = result.data.checklist.find((n) => n.key === i.key);
          return next ? { ...i, done: next.done, doneAt: next.doneAt } : i;
        }),
        milestones: plan.milestones.map((m) => {
          const next = result.data.milestones.find((n) => n.key === m.key);
          return next ? { ...m, ...next, ownerName: owners.get(m.key) ?? null } : m;
        }),
      });
    });
  }

  return (
    <div className="grid gap-0 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section aria-labelledby="onboarding-checklist" className="border-b border-slate-100 lg:border-b-0 lg:border-r">
        <h3
          id="onboarding-checklist"
          className="px-5 pt-4 text-xs font-semibold uppercase tracking-wide text-slate-500"
        >
          First 30 days
        </h3>
        <ul className="divide-y divide-slate-100">
          {plan.checklist.map((item) => {
            const id = `onboarding-${item.key}`;
            const overdue = !item.done && item.dueDate < today;
            return (
              <li key={item.key} className="flex items-start gap-3 px-5 py-3">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500 disabled:opacity-50"
                  checked={item.done}
                  disabled={!editable || pending}
                  onChange={(e) => save({ key: item.key, done: e.currentTarget.checked })}
                />
                <div className="min-w-0">
                  <label
                    htmlFor={id}
                    className={cn("text-sm font-medium", item.done ? "text-slate-500 line-through" : "text-slate-900")}
                  >
                    {item.title}
                  </label>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {item.doneAt ? (
                      `Done ${formatDate(item.doneAt)}`
                    ) : (
                      <span className={overdue ? "font-medium text-red-700" : undefined}>
                        Due {formatDate(item.dueDate)}
                        {overdue ? " (overdue)" : ""}
                      </span>
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="onboarding-milestones">
        <h3
          id="onboarding-milestones"
          className="px-5 pt-4 text-xs font-semibold uppercase tracking-wide text-slate-500"
        >
          Milestones
        </h3>
        <ol className="divide-y divide-slate-100">
          {plan.milestones.map((m) => (
            <li key={m.key} className="px-5 py-3" data-testid={`milestone-${m.key}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium text-slate-900">{m.title}</span>
                <MilestoneStatusBadge status={m.status} testId={`milestone-status-${m.key}`} />
                <span className="text-xs text-slate-500">
                  {m.completedAt ? `Reached ${formatDate(m.completedAt)}` : `Due ${formatDate(m.dueDate)}`} ·{" "}
                  {m.ownerName ?? "Unassigned"}
                </span>
                {editable && (
                  <Button
                    variant="ghost"
                    className="ml-auto px-2 py-1 text-xs"
                    disabled={pending}
                    onClick={() => save({ key: m.key, completedAt: m.completedAt ? null : today })}
                  >
                    {m.completedAt ? "Reopen" : "Mark reached"}
                  </Button>
                )}
              </div>
              <MilestoneNotes
                key={`${m.key}-${m.challenges}-${m.issues}`}
                milestoneKey={m.key}
                challenges={m.challenges}
                issues={m.issues}
                editable={editable}
                pending={pending}
                onSave={(notes) => save({ key: m.key, ...notes })}
              />
            </li>
          ))}
        </ol>
      </section>
      {error && (
        <p role="alert" className="px-5 pb-4 text-sm text-red-600 lg:col-span-2">
          {error}
        </p>
      )}
    </div>
  );
}

function MilestoneNotes({
  milestoneKey,
  challenges,
  issues,
  editable,
  pending,
  onSave,
}: {
  milestoneKey: string;
  challenges: string | null;
  issues: string | null;
  editable: boolean;
  pending: boolean;
  onSave: (notes: { challenges: string | null; issues: string | null }) => void;
}) {
  const [open, setOpen] = useState(false);
  const [c, setC] = useState(challenges ?? "");
  const [i, setI] = useState(issues ?? "");
  const summary = [challenges && `Customer: ${challenges}`, issues && `Us: ${issues}`].filter(Boolean).join(" · ");
  if (!editable || !open)
    return (
      <p className="mt-1 text-xs text-slate-600">
        {summary || <span className="text-slate-500">No challenges or issues noted.</span>}
        {editable && (
          <button
            type="button"
            className="ml-2 font-medium text-brand-700 hover:underline"
            onClick={() => setOpen(true)}
          >
            Edit notes
          </button>
        )}
      </p>
    );
  return (
    <form
      className="mt-2 grid gap-2 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ challenges: c.trim() || null, issues: i.trim() || null });
        setOpen(false);
      }}
    >
      <label className="text-xs font-medium text-slate-600">
        Customer&apos;s challenges
        <textarea
          name={`${milestoneKey}-challenges`}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1 text-sm"
          rows={2}
          value={c}
          onChange={(e) => setC(e.currentTarget.value)}
        />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Our issues
        <textarea
          name={`${milestoneKey}-issues`}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1 text-sm"
          rows={2}
          value={i}
          onChange={(e) => setI(e.currentTarget.value)}
        />
      </label>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" className="px-3 py-1 text-xs" disabled={pending}>
          Save notes
        </Button>
        <Button type="button" variant="ghost" className="px-3 py-1 text-xs" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
