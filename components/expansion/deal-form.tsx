"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveDealAction } from "@/lib/actions/expansion";
import {
  CONVERSATION_LABELS,
  CONVERSATION_STEPS,
  EXPANSION_STAGES,
  EXPANSION_TYPE_KEYS,
  EXPANSION_TYPE_LABELS,
  STAGE_LABELS,
  type ExpansionStage,
  type ExpansionTypeKey,
} from "@/lib/domain/expansion";

export interface DealFormValues {
  key: string;
  title: string | null;
  type: ExpansionTypeKey;
  arr: number;
  stage: ExpansionStage;
  closeDate: string | null;
  lossReason: string | null;
  checklist: string[];
}

/**
 * Adds or edits an expansion deal: type, ARR, stage, expected close, the conversation-framework
 * checklist (seed 001) and one more line of the trade log (seed 002: give to get).
 */
export function DealForm({ accountId, deal }: { accountId: number; deal?: DealFormValues }) {
  // A new deal's key is made once per form, so a resubmission updates the same deal.
  const [key] = useState(() => deal?.key ?? `deal-${crypto.randomUUID().slice(0, 8)}`);
  const id = (name: string) => `${name}-${key}`;
  return (
    <ActionForm action={saveDealAction} submitLabel={deal ? "Save deal" : "Add deal"} success="Deal saved.">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="key" value={key} />
      <Field label="Title" htmlFor={id("title")}>
        <input id={id("title")} name="title" defaultValue={deal?.title ?? ""} className={inputClass} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Type" htmlFor={id("type")}>
          <select id={id("type")} name="type" defaultValue={deal?.type ?? "seats"} className={inputClass}>
            {EXPANSION_TYPE_KEYS.map((t) => (
              <option key={t} value={t}>
                {EXPANSION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="ARR (USD)" htmlFor={id("arr")}>
          <input
            id={id("arr")}
            name="arr"
            type="number"
            min="0"
            step="0.01"
            defaultValue={deal?.arr}
            className={inputClass}
          />
        </Field>
        <Field label="Stage" htmlFor={id("stage")}>
          <select id={id("stage")} name="stage" defaultValue={deal?.stage ?? "identified"} className={inputClass}>
            {EXPANSION_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Expected close" htmlFor={id("closeDate")}>
          <input
            id={id("closeDate")}
            name="closeDate"
            type="date"
            defaultValue={deal?.closeDate ?? ""}
            className={inputClass}
          />
        </Field>
      </div>
      <Field label="Loss reason (if lost)" htmlFor={id("lossReason")}>
        <input id={id("lossReason")} name="lossReason" defaultValue={deal?.lossReason ?? ""} className={inputClass} />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Conversation framework</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {CONVERSATION_STEPS.map((step) => (
            <label key={step} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="checklist" value={step} defaultChecked={deal?.checklist.includes(step)} />
              {CONVERSATION_LABELS[step]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Log a trade (give to get)</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="We gave" htmlFor={id("tradeGave")}>
            <input id={id("tradeGave")} name="tradeGave" className={inputClass} />
          </Field>
          <Field label="In exchange for" htmlFor={id("tradeGot")}>
            <input id={id("tradeGot")} name="tradeGot" className={inputClass} />
          </Field>
        </div>
      </fieldset>
    </ActionForm>
  );
}
