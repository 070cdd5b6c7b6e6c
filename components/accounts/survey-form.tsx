import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { recordSurveyAction } from "@/lib/actions/account-activity";
import type { ContactOption } from "./touchpoint-form";

export function SurveyForm({
  accountId,
  contacts,
  today,
}: {
  accountId: number;
  contacts: ContactOption[];
  today: string;
}) {
  return (
    <ActionForm action={recordSurveyAction} submitLabel="Record response" success="Response recorded." withResult>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid grid-cols-3 gap-3">
        <Field label="Survey" htmlFor="sv-type">
          <select id="sv-type" name="type" defaultValue="nps" className={inputClass}>
            <option value="nps">NPS (0–10)</option>
            <option value="csat">CSAT (1–5)</option>
          </select>
        </Field>
        <Field label="Score" htmlFor="sv-score">
          <input id="sv-score" name="score" type="number" min={0} max={10} className={inputClass} />
        </Field>
        <Field label="Date" htmlFor="sv-date">
          <input id="sv-date" name="respondedAt" type="date" defaultValue={today} max={today} className={inputClass} />
        </Field>
      </div>
      <Field label="Respondent" htmlFor="sv-contact">
        <select id="sv-contact" name="contactEmail" defaultValue="" className={inputClass}>
          <option value="">Not recorded</option>
          {contacts.map((c) => (
            <option key={c.email} value={c.email}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Comment" htmlFor="sv-comment">
        <textarea id="sv-comment" name="comment" rows={2} className={inputClass} />
      </Field>
    </ActionForm>
  );
}
