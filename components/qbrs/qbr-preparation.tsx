"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { sendQbrInviteAction, sendQbrPreReadAction, toggleQbrChecklistAction } from "@/lib/actions/qbrs";
import type { QbrView } from "@/lib/data/qbrs/qbrs";

const SENT: Record<string, string> = {
  sent: "Sent.",
  outboxed: "Queued in the outbox (no mail server configured).",
  failed: "Could not be delivered; see Settings → Outbox.",
};

/** The preparation checklist and the emails: the invitation (.ics attached) and the pre-read. */
export function QbrPreparation({ qbr, editable }: { qbr: QbrView; editable: boolean }) {
  const [items, setItems] = useState(qbr.checklist);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function toggle(key: string, done: boolean) {
    startTransition(async () => {
      const result = await toggleQbrChecklistAction({ id: qbr.id, key, done });
      if (!result.ok) return setMessage(result.error.message);
      setItems(items.map((i) => (i.key === key ? { ...i, done } : i)));
    });
  }
  function send(kind: "invite" | "pre-read") {
    setMessage(null);
    startTransition(async () => {
      const result = await (kind === "invite" ? sendQbrInviteAction : sendQbrPreReadAction)({ id: qbr.id });
      if (!result.ok) return setMessage(result.error.message);
      setMessage(`${kind === "invite" ? "Invitation" : "Pre-read"}: ${SENT[result.data.status]}`);
      if (kind === "pre-read" && result.data.status !== "failed")
        setItems(items.map((i) => (i.key === "send_pre_read" ? { ...i, done: true } : i)));
    });
  }

  return (
    <div className="px-5 py-4">
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-2 text-sm">
            <input
              id={`prep-${item.key}`}
              type="checkbox"
              className="h-4 w-4 rounded border-slate-300 text-brand-600"
              checked={item.done}
              disabled={!editable || pending}
              onChange={(e) => toggle(item.key, e.currentTarget.checked)}
            />
            <label
              htmlFor={`prep-${item.key}`}
              className={item.done ? "text-slate-500 line-through" : "text-slate-800"}
            >
              {item.title}
            </label>
          </li>
        ))}
      </ul>
      {editable && (
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={pending} onClick={() => send("invite")}>
            Email the invitation
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => send("pre-read")}>
            Email the pre-read
          </Button>
        </div>
      )}
      {message && (
        <p role="status" className="mt-3 text-sm text-slate-700">
          {message}
        </p>
      )}
    </div>
  );
}
