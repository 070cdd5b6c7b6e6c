"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { saveAccountPlanAction } from "@/lib/actions/account-plan";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import type { TAccountPlan, Influence } from "@/lib/validation/account-plan";

// The account plan as one form: text sections, then stakeholder, risk and next-step rows that can
// be added and removed. Saving replaces the whole plan; read-only viewers see the same layout
// without the controls.

type Row<K extends string> = Record<K, string>;
type Stakeholder = Row<"name" | "role" | "whatMatters"> & { influence: Influence };
type Risk = Row<"description" | "mitigation">;
type Step = Row<"action" | "owner" | "dueDate">;

interface Draft {
  impact: string;
  eventDate: string;
  eventReason: string;
  decisionProcess: string;
  stakeholders: Stakeholder[];
  risks: Risk[];
  nextSteps: Step[];
}

const toDraft = (plan: TAccountPlan): Draft => ({
  impact: plan.impact ?? "",
  eventDate: plan.criticalEvent?.date ?? "",
  eventReason: plan.criticalEvent?.reason ?? "",
  decisionProcess: plan.decisionProcess ?? "",
  stakeholders: plan.stakeholders.map((s) => ({ ...s, whatMatters: s.whatMatters ?? "" })),
  risks: plan.risks.map((r) => ({ ...r, mitigation: r.mitigation ?? "" })),
  nextSteps: plan.nextSteps.map((s) => ({ ...s })),
});

const orNull = (v: string) => (v.trim() === "" ? null : v);

function toInput(d: Draft) {
  return {
    impact: orNull(d.impact),
    criticalEvent:
      d.eventDate === "" && d.eventReason.trim() === "" ? null : { date: orNull(d.eventDate), reason: d.eventReason },
    decisionProcess: orNull(d.decisionProcess),
    stakeholders: d.stakeholders.map((s) => ({ ...s, whatMatters: orNull(s.whatMatters) })),
    risks: d.risks.map((r) => ({ ...r, mitigation: orNull(r.mitigation) })),
    nextSteps: d.nextSteps,
  };
}

const SECTION_NAMES: Record<string, string> = {
  impact: "Impact",
  criticalEvent: "Critical event",
  decisionProcess: "Decision process",
  stakeholders: "Stakeholder",
  risks: "Risk",
  nextSteps: "Next step",
};

/** "stakeholders.0.name" → "Stakeholder 1, name". */
function describePath(path: string): string {
  const [section, index, field] = path.split(".");
  const name = SECTION_NAMES[section] ?? section;
  if (index === undefined) return name;
  if (/^\d+$/.test(index))
    return `${name} ${Number(index) + 1}${field ? `, ${field.replace(/([A-Z])/g, " $1").toLowerCase()}` : ""}`;
  return `${name}, ${index.replace(/([A-Z])/g, " $1").toLowerCase()}`;
}

const textareaClass = `${inputClass} min-h-24`;

export function PlanEditor({
  accountId,
  plan,
  canEdit,
  growthHref,
}: {
  accountId: number;
  plan: TAccountPlan;
  canEdit: boolean;
  growthHref: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(() => toDraft(plan));
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; issues?: string[] } | null>(null);
  const set = (patch: Partial<Draft>) => {
    setMessage(null);
    setDraft((d) => ({ ...d, ...patch }));
  };

  function save() {
    start(async () => {
      const result = await saveAccountPlanAction({ accountId, ...toInput(draft) });
      if (result.ok) {
        setMessage({ tone: "ok", text: `Saved. The plan is at version ${result.data.version}.` });
        router.refresh();
      } else {
        setMessage({
          tone: "error",
          text: result.error.message,
          issues: result.error.issues?.map((i) => `${describePath(i.path)}: ${i.message}`),
        });
      }
    });
  }

  function updateRow<K extends "stakeholders" | "risks" | "nextSteps">(
    key: K,
    index: number,
    patch: Partial<Draft[K][number]>,
  ) {
    setMessage(null);
    setDraft((d) => ({ ...d, [key]: d[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  }
  function removeRow(key: "stakeholders" | "risks" | "nextSteps", index: number) {
    setMessage(null);
    setDraft((d) => ({ ...d, [key]: d[key].filter((_, i) => i !== index) }));
  }

  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <fieldset disabled={!canEdit || pending} className="min-w-0 space-y-5">
        <Card>
          <CardHeader title="Impact" description="What the customer saves or earns, in their numbers." />
          <div className="p-5">
            <label htmlFor="plan-impact" className="sr-only">
              Impact
            </label>
            <textarea
              id="plan-impact"
              className={textareaClass}
              value={draft.impact}
              onChange={(e) => set({ impact: e.target.value })}
              placeholder="e.g. Saves two analysts: $180,000 a year"
            />
            <p className="mt-2 text-xs text-slate-500">
              Impact and critical events per product live in{" "}
              <a href={growthHref} className="font-medium text-brand-700 hover:underline">
                whitespace planning
              </a>
              .
            </p>
          </div>
        </Card>

        <Card>
          <CardHeader title="Critical event" description="The date that makes this urgent, and why." />
          <div className="grid gap-4 p-5 sm:grid-cols-[12rem_1fr]">
            <Labelled label="Date" id="plan-event-date">
              <input
                id="plan-event-date"
                type="date"
                className={inputClass}
                value={draft.eventDate}
                onChange={(e) => set({ eventDate: e.target.value })}
              />
            </Labelled>
            <Labelled label="Reason" id="plan-event-reason">
              <input
                id="plan-event-reason"
                className={inputClass}
                value={draft.eventReason}
                onChange={(e) => set({ eventReason: e.target.value })}
                placeholder="e.g. Audit deadline"
              />
            </Labelled>
          </div>
        </Card>

        <Card>
          <CardHeader title="Decision process" description="How the customer decides, and who signs." />
          <div className="space-y-4 p-5">
            <label htmlFor="plan-decision" className="sr-only">
              Decision process
            </label>
            <textarea
              id="plan-decision"
              className={textareaClass}
              value={draft.decisionProcess}
              onChange={(e) => set({ decisionProcess: e.target.value })}
            />
            <h3 className="text-sm font-semibold text-slate-900">Stakeholders</h3>
            {draft.stakeholders.length === 0 && <p className="text-sm text-slate-500">No stakeholders yet.</p>}
            {draft.stakeholders.map((s, i) => (
              <RowBox
                key={i}
                label={`Stakeholder ${i + 1}`}
                onRemove={canEdit ? () => removeRow("stakeholders", i) : undefined}
              >
                <Labelled label="Name" id={`sh-${i}-name`}>
                  <input
                    id={`sh-${i}-name`}
                    className={inputClass}
                    value={s.name}
                    onChange={(e) => updateRow("stakeholders", i, { name: e.target.value })}
                  />
                </Labelled>
                <Labelled label="Role" id={`sh-${i}-role`}>
                  <input
                    id={`sh-${i}-role`}
                    className={inputClass}
                    value={s.role}
                    onChange={(e) => updateRow("stakeholders", i, { role: e.target.value })}
                  />
                </Labelled>
                <Labelled label="Influence" id={`sh-${i}-influence`}>
                  <select
                    id={`sh-${i}-influence`}
                    className={inputClass}
                    value={s.influence}
                    onChange={(e) => updateRow("stakeholders", i, { influence: e.target.value as Influence })}
                  >
                    <option value="high">High</option>
                    <option value="medium">Medium</option>
                    <option value="low">Low</option>
                  </select>
                </Labelled>
                <Labelled label="What matters to them" id={`sh-${i}-matters`}>
                  <input
                    id={`sh-${i}-matters`}
                    className={inputClass}
                    value={s.whatMatters}
                    onChange={(e) => updateRow("stakeholders", i, { whatMatters: e.target.value })}
                  />
                </Labelled>
              </RowBox>
            ))}
            {canEdit && (
              <Button
                type="button"
                variant="secondary"
                onClick={() =>
                  set({
                    stakeholders: [...draft.stakeholders, { name: "", role: "", influence: "medium", whatMatters: "" }],
                  })
                }
              >
                Add stakeholder
              </Button>
            )}
          </div>
        </Card>

        <Card>
          <CardHeader title="Risks" description="What could stop the plan, and what we do about it." />
          <div className="space-y-4 p-5">
            {draft.risks.length === 0 && <p className="text-sm text-slate-500">No risks recorded.</p>}
            {draft.risks.map((r, i) => (
              <RowBox key={i} label={`Risk ${i + 1}`} onRemove={canEdit ? () => removeRow("risks", i) : undefined}>
                <Labelled label="Risk" id={`risk-${i}-description`}>
                  <input
                    id={`risk-${i}-description`}
                    className={inputClass}
                    value={r.description}
                    onChange={(e) => updateRow("risks", i, { description: e.target.value })}
                  />
                </Labelled>
                <Labelled label="Mitigation" id={`risk-${i}-mitigation`}>
                  <input
                    id={`risk-${i}-mitigation`}
                    className={inputClass}
                    value={r.mitigation}
                    onChange={(e) => updateRow("risks", i, { mitigation: e.target.value })}
                  />
                </Labelled>
              </RowBox>
            ))}
            {canEdit && (
              <Button
                type="button"
                variant="secondary"
                onClick={() => set({ risks: [...draft.risks, { description: "", mitigation: "" }] })}
              >
                Add risk
              </Button>
            )}
          </div>
        </Card>

        <Card>
          <CardHeader title="Next steps" description="Who does what, by when." />
          <div className="space-y-4 p-5">
            {draft.nextSteps.length === 0 && <p className="text-sm text-slate-500">No next steps yet.</p>}
            {draft.nextSteps.map((s, i) => (
              <RowBox
                key={i}
                label={`Next step ${i + 1}`}
                onRemove={canEdit ? () => removeRow("nextSteps", i) : undefined}
              >
                <Labelled label="Action" id={`step-${i}-action`}>
                  <input
                    id={`step-${i}-action`}
                    className={inputClass}
                    value={s.action}
                    onChange={(e) => updateRow("nextSteps", i, { action: e.target.value })}
                  />
                </Labelled>
                <Labelled label="Owner" id={`step-${i}-owner`}>
                  <input
                    id={`step-${i}-owner`}
                    className={inputClass}
                    value={s.owner}
                    onChange={(e) => updateRow("nextSteps", i, { owner: e.target.value })}
                  />
                </Labelled>
                <Labelled label="Due date" id={`step-${i}-due`}>
                  <input
                    id={`step-${i}-due`}
                    type="date"
                    className={inputClass}
                    value={s.dueDate}
                    onChange={(e) => updateRow("nextSteps", i, { dueDate: e.target.value })}
                  />
                </Labelled>
              </RowBox>
            ))}
            {canEdit && (
              <Button
                type="button"
                variant="secondary"
                onClick={() => set({ nextSteps: [...draft.nextSteps, { action: "", owner: "", dueDate: "" }] })}
              >
                Add next step
              </Button>
            )}
          </div>
        </Card>
      </fieldset>

      {message && (
        <div
          role={message.tone === "error" ? "alert" : "status"}
          className={
            message.tone === "error"
              ? "rounded-lg bg-red-50 p-3 text-sm text-red-800"
              : "rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800"
          }
        >
          <p>{message.text}</p>
          {message.issues && (
            <ul className="mt-1 list-disc pl-5">
              {message.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {canEdit && (
        <div className="flex justify-end">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save plan"}
          </Button>
        </div>
      )}
    </form>
  );
}

function Labelled({ label, id, children }: { label: string; id: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

function RowBox({ label, onRemove, children }: { label: string; onRemove?: () => void; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3" role="group" aria-label={label}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
      {onRemove && (
        <div className="mt-2 flex justify-end">
          <Button type="button" variant="ghost" onClick={onRemove} aria-label={`Remove ${label.toLowerCase()}`}>
            Remove
          </Button>
        </div>
      )}
    </div>
  );
}
