"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { saveHealthModelAction } from "@/lib/actions/health-model";
import type { ActionIssue } from "@/lib/actions/safe-action";
import {
  COMPONENT_KEYS,
  COMPONENT_LABELS,
  COMPONENT_MEASURES,
  MEASURE_FORMATS,
  MEASURE_LABELS,
  modelForSegment,
  type HealthModel,
  type ScaleKey,
  type SegmentModel,
} from "@/lib/domain/health-model";
import { SEGMENTS, type Segment } from "@/lib/domain/segments";
import { SEGMENT_LABELS } from "@/lib/format";

const numberClass =
  "w-24 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";

/** The scales of a component's measures: NPS / CSAT is edited as its two scales. */
function scalesOf(component: (typeof COMPONENT_KEYS)[number]): ScaleKey[] {
  return COMPONENT_MEASURES[component].flatMap((m) => (m === "nps_csat" ? (["nps", "csat"] as const) : [m]));
}

// Ratios are stored as fractions but edited as percentages, like they are shown.
const toShown = (key: ScaleKey, v: number) => +(v * MEASURE_FORMATS[key].factor).toFixed(4);
const fromShown = (key: ScaleKey, v: number) => v / MEASURE_FORMATS[key].factor;

type Editing = "default" | Segment;

export function HealthModelForm({ model, defaults }: { model: HealthModel; defaults: HealthModel }) {
  const [draft, setDraft] = useState(model);
  const [editing, setEditing] = useState<Editing>("default");
  const [issues, setIssues] = useState<ActionIssue[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // The model the fields below edit: the default one, or the chosen segment's own.
  const ownModel = editing === "default" ? undefined : draft.segments?.[editing];
  const current: SegmentModel | undefined = editing === "default" ? draft : ownModel;
  const prefix = editing === "default" ? "" : `segments.${editing}.`;
  const sum = current
    ? COMPONENT_KEYS.reduce((s, c) => s + (Number.isFinite(current.weights[c]) ? current.weights[c] : 0), 0)
    : 0;
  const issueAt = (path: string) => issues.find((i) => i.path === `${prefix}${path}`)?.message;
  const hasIssues = (tab: Editing) =>
    issues.some((i) => (tab === "default" ? !i.path?.startsWith("segments.") : i.path?.startsWith(`segments.${tab}.`)));

  const update = (change: (m: SegmentModel) => SegmentModel) =>
    setDraft((d) =>
      editing === "default"
        ? { ...d, ...change(d) }
        : { ...d, segments: { ...d.segments, [editing]: change(modelForSegment(d, editing)) } },
    );
  const setWeight = (c: (typeof COMPONENT_KEYS)[number], value: string) =>
    update((m) => ({ ...m, weights: { ...m.weights, [c]: value === "" ? Number.NaN : Number(value) } }));
  const setScale = (key: ScaleKey, side: "floor" | "target", value: string) =>
    update((m) => ({
      ...m,
      measures: {
        ...m.measures,
        [key]: { ...m.measures[key], [side]: value === "" ? Number.NaN : fromShown(key, Number(value)) },
      },
    }));
  const setOwnModel = (segment: Segment, own: boolean) =>
    setDraft((d) => {
      const segments = { ...d.segments };
      if (own) segments[segment] = { weights: { ...d.weights }, measures: { ...d.measures } };
      else delete segments[segment];
      return { ...d, segments };
    });

  function save() {
    setMessage(null);
    startTransition(async () => {
      const result = await saveHealthModelAction(draft);
      if (result.ok) {
        setIssues([]);
        setMessage({ ok: true, text: `Saved. ${result.data.recomputed} accounts rescored.` });
      } else {
        setIssues(result.error.issues ?? []);
        setMessage({ ok: false, text: result.error.message });
      }
    });
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="space-y-6"
    >
      <div role="group" aria-label="Model to edit" className="flex flex-wrap items-center gap-2">
        <span className="mr-1 text-sm font-medium text-slate-600">Model for</span>
        {(["default", ...SEGMENTS] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            aria-pressed={editing === tab}
            onClick={() => setEditing(tab)}
            className={cn(
              "rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
              editing === tab
                ? "bg-brand-600 text-white ring-brand-600"
                : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {tab === "default" ? "Default model" : SEGMENT_LABELS[tab]}
            {tab !== "default" && (
              <span className={cn("ml-1.5 text-xs", editing === tab ? "text-brand-100" : "text-slate-500")}>
                {draft.segments?.[tab] ? "own model" : "default"}
              </span>
            )}
            {hasIssues(tab) && <span className="ml-1.5 text-xs font-semibold text-red-600">· check</span>}
          </button>
        ))}
      </div>
      {editing !== "default" && (
        <Card>
          <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
            <p className="text-sm text-slate-700">
              {ownModel
                ? `${SEGMENT_LABELS[editing]} accounts are scored with their own weights, floors and targets below.`
                : `${SEGMENT_LABELS[editing]} accounts are scored with the default model.`}{" "}
              <span className="text-slate-500">Score quality compares a segment’s own model with the default one.</span>
            </p>
            <Button type="button" variant="secondary" onClick={() => setOwnModel(editing, !ownModel)}>
              {ownModel ? "Use the default model" : `Give ${SEGMENT_LABELS[editing]} its own model`}
            </Button>
          </div>
        </Card>
      )}
      {current && (
        <>
          <Card>
            <CardHeader
              title="Component weights"
              description="How much each component counts toward the overall score. They must add up to 100."
            />
            <div className="flex flex-wrap items-end gap-6 px-5 py-4">
              {COMPONENT_KEYS.map((c) => (
                <label key={c} className="text-sm font-medium text-slate-700">
                  {COMPONENT_LABELS[c]}
                  <input
                    type="number"
                    min={0}
                    max={100}
                    step={1}
                    aria-label={`${COMPONENT_LABELS[c]} weight`}
                    value={Number.isNaN(current.weights[c]) ? "" : current.weights[c]}
                    onChange={(e) => setWeight(c, e.target.value)}
                    className={cn(numberClass, "mt-1 block")}
                  />
                </label>
              ))}
              <p
                role="status"
                className={cn("pb-1.5 text-sm font-medium", sum === 100 ? "text-emerald-700" : "text-red-600")}
              >
                Total {Number.isFinite(sum) ? sum : "—"} / 100
              </p>
            </div>
            {issueAt("weights") && <p className="px-5 pb-4 text-sm text-red-600">{issueAt("weights")}</p>}
          </Card>

          <Card>
            <CardHeader
              title="Floors and targets"
              description="A measure scores 0 at its floor and 100 at its target, linearly in between. When the floor is above the target, less is better."
            />
            <div className="grid gap-x-8 px-5 py-2 lg:grid-cols-2">
              {COMPONENT_KEYS.map((c) => (
                <fieldset key={c} className="py-3">
                  <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {COMPONENT_LABELS[c]}
                  </legend>
                  <table className="mt-2 w-full text-sm">
                    <thead>
                      <tr className="text-xs text-slate-500">
                        <th className="text-left font-medium">Measure</th>
                        <th className="text-right font-medium">Floor</th>
                        <th className="text-right font-medium">Target</th>
                      </tr>
                    </thead>
                    <tbody>
                      {scalesOf(c).map((key) => {
                        const unit = MEASURE_FORMATS[key].unit;
                        const error = issueAt(`measures.${key}.target`) ?? issueAt(`measures.${key}.floor`);
                        return (
                          <tr key={key} className="align-top">
                            <td className="py-1.5 pr-2">
                              <p className="font-medium text-slate-800">{MEASURE_LABELS[key]}</p>
                              <p className="text-xs text-slate-500">
                                {unit || "score"} · default {toShown(key, defaults.measures[key].floor)} →{" "}
                                {toShown(key, defaults.measures[key].target)}
                              </p>
                              {error && <p className="text-xs text-red-600">{error}</p>}
                            </td>
                            {(["floor", "target"] as const).map((side) => (
                              <td key={side} className="py-1.5 pl-2 text-right">
                                <input
                                  type="number"
                                  step="any"
                                  aria-label={`${MEASURE_LABELS[key]} ${side}`}
                                  value={
                                    Number.isNaN(current.measures[key][side])
                                      ? ""
                                      : toShown(key, current.measures[key][side])
                                  }
                                  onChange={(e) => setScale(key, side, e.target.value)}
                                  className={numberClass}
                                />
                              </td>
                            ))}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </fieldset>
              ))}
            </div>
          </Card>
        </>
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving and rescoring…" : "Save and rescore all accounts"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDraft(defaults);
            setEditing("default");
            setIssues([]);
            setMessage(null);
          }}
        >
          Reset to defaults
        </Button>
        {message && (
          <p
            role={message.ok ? "status" : "alert"}
            className={cn("text-sm", message.ok ? "text-emerald-700" : "text-red-600")}
          >
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
