import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { clearOverrideAction, setOverrideAction } from "@/lib/actions/overrides";
import type { SentimentOverrideView } from "@/lib/data/accounts/overrides";
import { formatDate } from "@/lib/format";
import { BAND_LABELS } from "./health-badge";

/** The CSM's sentiment, shown beside the computed score; it never replaces the score. */
export function SentimentNote({ override }: { override: SentimentOverrideView }) {
  return (
    <p className="text-sm text-slate-600" data-testid="sentiment-override">
      <span className="font-medium text-slate-800">CSM sentiment:</span>{" "}
      <Badge tone={override.band as BadgeTone}>{BAND_LABELS[override.band]}</Badge> “{override.reason}” — {override.by},{" "}
      {formatDate(override.at.slice(0, 10))}
    </p>
  );
}

export function SentimentOverrideForm({ accountId, hasOverride }: { accountId: number; hasOverride: boolean }) {
  return (
    <div className="space-y-3">
      <ActionForm
        action={setOverrideAction}
        submitLabel="Record sentiment"
        success="Sentiment recorded. The computed score is unchanged."
      >
        <input type="hidden" name="accountId" value={accountId} />
        <Field label="Your read of the account" htmlFor="override-band">
          <select id="override-band" name="band" defaultValue="yellow" className={inputClass}>
            {(["red", "yellow", "green", "purple"] as const).map((b) => (
              <option key={b} value={b}>
                {BAND_LABELS[b]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Reason" htmlFor="override-reason">
          <textarea
            id="override-reason"
            name="reason"
            rows={2}
            className={inputClass}
            placeholder="e.g. Champion leaving in January"
          />
        </Field>
      </ActionForm>
      {hasOverride && (
        <form action={clearOverrideAction}>
          <input type="hidden" name="accountId" value={accountId} />
          <button className="text-sm text-slate-500 underline hover:text-slate-700">Clear the current sentiment</button>
        </form>
      )}
    </div>
  );
}
