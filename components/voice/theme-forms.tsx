"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { mergeThemeAction, updateThemeAction } from "@/lib/actions/voice";
import { THEME_STATUS_LABELS, THEME_STATUSES, type ThemeStatusKey } from "@/lib/domain/feedback";

/** A manager sets a theme's status and, once, escalates it to product with a note. */
export function ThemeStatusForm({
  themeId,
  status,
  escalated,
  title,
}: {
  themeId: number;
  status: ThemeStatusKey;
  escalated: boolean;
  title: string;
}) {
  const { pending, onSubmit, error } = useFormAction(updateThemeAction, { resetOnSuccess: false });
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="themeId" value={themeId} />
      <label className="sr-only" htmlFor={`theme-status-${themeId}`}>
        Status of {title}
      </label>
      <select
        id={`theme-status-${themeId}`}
        name="status"
        defaultValue={status}
        className={`${inputClass} mt-0 w-auto py-1 text-xs`}
      >
        {THEME_STATUSES.map((s) => (
          <option key={s} value={s}>
            {THEME_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {!escalated && (
        <>
          <label className="sr-only" htmlFor={`theme-note-${themeId}`}>
            Escalation note for {title}
          </label>
          <input
            id={`theme-note-${themeId}`}
            name="escalationNote"
            placeholder="Escalate to product: why"
            className={`${inputClass} mt-0 w-48 py-1 text-xs`}
          />
        </>
      )}
      <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending}>
        Save<span className="sr-only"> {title}</span>
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}

function ThemeSelect({
  label,
  name,
  themes,
}: {
  label: string;
  name: string;
  themes: { id: number; title: string }[];
}) {
  return (
    <label className="text-sm text-slate-700">
      {label}
      <select name={name} className={`${inputClass} w-56`}>
        {themes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Merges a duplicate theme into another (its items move there). */
export function ThemeMergeForm({ themes }: { themes: { id: number; title: string }[] }) {
  const { pending, onSubmit, error, state } = useFormAction(mergeThemeAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <ThemeSelect label="Merge" name="sourceId" themes={themes} />
      <ThemeSelect label="into" name="targetId" themes={themes} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Merge duplicates
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
      {state?.ok && (
        <span role="status" className="text-sm text-emerald-700">
          Merged.
        </span>
      )}
    </form>
  );
}
