"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { saveQbrDocumentAction } from "@/lib/actions/qbrs";
import type { QbrSection } from "@/lib/domain/qbr";

/**
 * The 60-minute document: read as a printable page, or edited section by section before the
 * meeting. `extras` adds content under a section (the usage chart under the usage analysis).
 */
export function QbrDocumentEditor({
  id,
  sections: initial,
  edited,
  editable,
  extras,
}: {
  id: number;
  sections: QbrSection[];
  edited: boolean;
  editable: boolean;
  extras: Partial<Record<string, ReactNode>>;
}) {
  const [sections, setSections] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(contents: Record<string, string> | null) {
    setError(null);
    setSaved(null);
    startTransition(async () => {
      const result = await saveQbrDocumentAction({ id, sections: contents });
      if (!result.ok) return setError(result.error.message);
      if (contents) setSections(sections.map((s) => ({ ...s, content: contents[s.key] ?? s.content })));
      setEditing(false);
      setSaved(contents ? "Document saved." : "Document regenerated from the account's data.");
    });
  }

  return (
    <div>
      {editable && (
        <div className="no-print mb-4 flex flex-wrap items-center gap-2">
          {editing ? (
            <>
              <Button type="button" disabled={pending} onClick={() => save(draft)}>
                Save document
              </Button>
              <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </>
          ) : (
            <>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setDraft(Object.fromEntries(sections.map((s) => [s.key, s.content])));
                  setEditing(true);
                }}
              >
                Edit document
              </Button>
              {edited && (
                <Button type="button" variant="ghost" disabled={pending} onClick={() => save(null)}>
                  Regenerate from the account&apos;s data
                </Button>
              )}
            </>
          )}
          {pending && <span className="text-sm text-slate-500">Saving…</span>}
          <span role="status" className="text-sm text-emerald-700">
            {saved}
          </span>
          {error && (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          )}
        </div>
      )}
      <ol className="space-y-6">
        {sections.map((s, i) => (
          <li key={s.key} className="qbr-section break-inside-avoid" data-testid={`qbr-section-${s.key}`}>
            <h2 className="flex items-baseline justify-between gap-4 border-b border-slate-200 pb-1 text-base font-semibold text-slate-900">
              <span>
                {i + 1}. {s.title}
              </span>
              <span className="text-sm font-normal text-slate-500">{s.minutes} min</span>
            </h2>
            {editing ? (
              <textarea
                aria-label={s.title}
                className="mt-2 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
                rows={Math.max(3, s.content.split("\n").length + 1)}
                value={draft[s.key] ?? ""}
                onChange={(e) => setDraft({ ...draft, [s.key]: e.currentTarget.value })}
              />
            ) : (
              <div className="mt-2 whitespace-pre-line text-sm leading-6 text-slate-700">{s.content}</div>
            )}
            {extras[s.key]}
          </li>
        ))}
      </ol>
    </div>
  );
}
