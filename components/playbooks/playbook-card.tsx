"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { savePlaybookAction } from "@/lib/actions/playbooks";
import type { ActionIssue } from "@/lib/actions/safe-action";
import {
  OWNER_ROLES,
  PRIORITIES,
  type OwnerRole,
  type PlaybookRule,
  type PlaybookStep,
  type StepPriority,
} from "@/lib/domain/playbooks";
import { OWNER_LABELS, PRIORITY_LABELS, triggerLabel } from "./labels";

interface Props {
  rule: PlaybookRule;
  /** The conditions in words. */
  summary: string;
}

/** One playbook: what triggers it and its steps; admins edit it in place. */
export function PlaybookCard({ rule, summary }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <Card id={`playbook-${rule.key}`}>
      <CardHeader
        title={rule.name}
        description={triggerLabel(rule)}
        actions={
          <div className="flex shrink-0 items-center gap-2">
            {rule.enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
            {!editing && (
              <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${rule.name}`}>
                Edit
              </Button>
            )}
          </div>
        }
      />
      {editing ? (
        <PlaybookEditor rule={rule} onDone={() => setEditing(false)} />
      ) : (
        <div className="space-y-3 px-5 py-4 text-sm">
          <p className="text-slate-700">
            <span className="font-medium text-slate-900">When:</span> {summary}
          </p>
          <ol className="space-y-2">
            {rule.steps.map((step) => (
              <li key={step.key} className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-inset ring-slate-200">
                <p className="font-medium text-slate-900">
                  {step.type === "email" ? `Email: ${step.subject}` : step.title}
                </p>
                <p className="text-xs text-slate-500">{stepFacts(step)}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}

function stepFacts(step: PlaybookStep): string {
  const owner = OWNER_LABELS[step.owner];
  if (step.type === "email") return `Sent to the account's contacts, recorded for the ${owner}`;
  const due =
    step.dueFrom === "renewal"
      ? step.dueDays === 0
        ? "due on the renewal date"
        : `due ${Math.abs(step.dueDays)} days ${step.dueDays < 0 ? "before" : "after"} the renewal`
      : `due ${step.dueDays} ${step.dueDays === 1 ? "day" : "days"} after it is raised`;
  return `${owner} · ${PRIORITY_LABELS[step.priority]} priority · ${due}`;
}

function PlaybookEditor({ rule, onDone }: { rule: PlaybookRule; onDone: () => void }) {
  const [name, setName] = useState(rule.name);
  const [enabled, setEnabled] = useState(rule.enabled);
  const [rearmDays, setRearmDays] = useState(String(rule.rearmDays));
  const [steps, setSteps] = useState<PlaybookStep[]>(rule.steps);
  const [conditions, setConditions] = useState(JSON.stringify(rule.conditions, null, 2));
  const [issues, setIssues] = useState<ActionIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const issueAt = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  const id = (field: string) => `${rule.key}-${field}`;

  const setStep = (index: number, patch: Partial<PlaybookStep>) =>
    setSteps((all) => all.map((s, i) => (i === index ? ({ ...s, ...patch } as PlaybookStep) : s)));

  function save() {
    setMessage(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(conditions);
    } catch {
      setIssues([{ path: "definition.conditions", message: "The conditions are not valid JSON." }]);
      return;
    }
    startTransition(async () => {
      const result = await savePlaybookAction({
        key: rule.key,
        name,
        enabled,
        definition: {
          trigger: rule.trigger,
          cadence: rule.cadence,
          conditions: parsed,
          steps,
          rearmDays: Number(rearmDays),
        },
      });
      if (result.ok) {
        setIssues([]);
        onDone();
      } else {
        setIssues(result.error.issues ?? []);
        setMessage(result.error.message);
      }
    });
  }

  return (
    <form
      className="space-y-5 px-5 py-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <TextField label="Name" id={id("name")} value={name} onChange={setName} error={issueAt("name")} />
        <div>
          <label htmlFor={id("rearm")} className="block text-sm font-medium text-slate-700">
            Re-arm after (days)
          </label>
          <input
            id={id("rearm")}
            type="number"
            min={1}
            max={365}
            value={rearmDays}
            onChange={(e) => setRearmDays(e.target.value)}
            disabled={rule.trigger !== "state"}
            className={`${inputClass} sm:w-32`}
          />
          <FieldError message={issueAt("definition.rearmDays")} />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm font-medium text-slate-700">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Playbook on
        </label>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Steps</legend>
        {steps.map((step, index) => (
          <div key={step.key} className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {step.type === "email" ? (
                <TextField
                  label="Email subject"
                  id={id(`${step.key}-subject`)}
                  value={step.subject}
                  onChange={(subject) => setStep(index, { subject })}
                  error={issueAt(`definition.steps.${index}.subject`)}
                />
              ) : (
                <TextField
                  label="Task title"
                  id={id(`${step.key}-title`)}
                  value={step.title}
                  onChange={(title) => setStep(index, { title })}
                  error={issueAt(`definition.steps.${index}.title`)}
                />
              )}
              <SelectField
                label="Owner"
                id={id(`${step.key}-owner`)}
                value={step.owner}
                options={OWNER_ROLES.map((r) => [r, OWNER_LABELS[r]])}
                onChange={(owner) => setStep(index, { owner: owner as OwnerRole })}
              />
              {step.type === "task" && (
                <>
                  <div>
                    <label htmlFor={id(`${step.key}-due`)} className="block text-sm font-medium text-slate-700">
                      {step.dueFrom === "renewal" ? "Due (days from renewal)" : "Due in (days)"}
                    </label>
                    <input
                      id={id(`${step.key}-due`)}
                      type="number"
                      value={Number.isFinite(step.dueDays) ? step.dueDays : ""}
                      onChange={(e) =>
                        setStep(index, { dueDays: e.target.value === "" ? Number.NaN : Number(e.target.value) })
                      }
                      className={inputClass}
                    />
                    <FieldError message={issueAt(`definition.steps.${index}.dueDays`)} />
                  </div>
                  <SelectField
                    label="Priority"
                    id={id(`${step.key}-priority`)}
                    value={step.priority}
                    options={PRIORITIES.map((p) => [p, PRIORITY_LABELS[p]])}
                    onChange={(priority) => setStep(index, { priority: priority as StepPriority })}
                  />
                </>
              )}
            </div>
            <div>
              <label htmlFor={id(`${step.key}-description`)} className="block text-sm font-medium text-slate-700">
                {step.type === "email" ? "Email body" : "What to do"}
              </label>
              <textarea
                id={id(`${step.key}-description`)}
                rows={2}
                value={step.description}
                onChange={(e) => setStep(index, { description: e.target.value })}
                className={inputClass}
              />
            </div>
          </div>
        ))}
      </fieldset>

      <details className="rounded-lg ring-1 ring-inset ring-slate-200">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">Advanced: conditions</summary>
        <div className="space-y-2 px-3 pb-3">
          <p className="text-xs text-slate-500">
            A list of alternatives; each is a list of conditions that must all hold. Facts: band, segment,
            renewalForecast, hasCsm, score, trend, daysToRenewal, daysSinceStart, openExpansions, featureAdoption,
            execSponsorDays, nps.
          </p>
          <textarea
            aria-label="Conditions (JSON)"
            rows={8}
            value={conditions}
            onChange={(e) => setConditions(e.target.value)}
            className={`${inputClass} font-mono text-xs`}
          />
          <FieldError message={issueAt("definition.conditions")} />
        </div>
      </details>

      {message && (
        <p role="alert" className="text-sm text-red-600">
          {message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save playbook"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function FieldError({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs text-red-600">{message}</p> : null;
}

function TextField(props: { label: string; id: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <input
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={inputClass}
      />
      <FieldError message={props.error} />
    </div>
  );
}

function SelectField(props: {
  label: string;
  id: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} className={inputClass}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
