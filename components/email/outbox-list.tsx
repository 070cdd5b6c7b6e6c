import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OutboxRow } from "@/lib/email/outbox";

const STATUS: Record<OutboxRow["status"], { label: string; tone: BadgeTone }> = {
  outboxed: { label: "In outbox", tone: "brand" },
  sent: { label: "Sent", tone: "green" },
  failed: { label: "Failed", tone: "red" },
};

/** Messages as an inbox-style list: each opens to its full text (a native disclosure, keyboard friendly). */
export function OutboxList({ rows }: { rows: OutboxRow[] }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Messages">
      {rows.map((m) => (
        <li key={m.id}>
          <details className="group px-5 py-3">
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1">
              <Badge tone={STATUS[m.status].tone}>{STATUS[m.status].label}</Badge>
              <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{m.subject}</span>
              <span className="text-xs text-slate-500">{m.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
            </summary>
            <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[6rem_1fr]">
              <dt className="text-slate-500">To</dt>
              <dd className="break-all">{m.to.join(", ")}</dd>
              {m.account ? (
                <>
                  <dt className="text-slate-500">Account</dt>
                  <dd>{m.account.name}</dd>
                </>
              ) : null}
              {m.attachments.length > 0 ? (
                <>
                  <dt className="text-slate-500">Attached</dt>
                  <dd>{m.attachments.join(", ")}</dd>
                </>
              ) : null}
              {m.error ? (
                <>
                  <dt className="text-slate-500">Error</dt>
                  <dd className="text-red-700">{m.error}</dd>
                </>
              ) : null}
            </dl>
            <pre className="mt-3 max-h-72 overflow-auto whitespace-pre-wrap rounded-lg bg-slate-50 p-3 font-sans text-sm text-slate-700">
              {m.text}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
