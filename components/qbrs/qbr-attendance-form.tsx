"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { recordQbrAttendanceAction } from "@/lib/actions/qbrs";

/** Who came: recording it logs the QBR touchpoint (relationship score) and opens the follow-up task. */
export function QbrAttendanceForm({
  id,
  contacts,
  attendees,
  canRecord,
}: {
  id: number;
  contacts: { email: string; name: string; title: string | null; execSponsor: boolean }[];
  attendees: string[];
  /** The meeting's day has come. */
  canRecord: boolean;
}) {
  const router = useRouter();
  const [picked, setPicked] = useState(new Set(attendees));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!canRecord)
    return <p className="px-5 py-4 text-sm text-slate-500">Record attendance on or after the meeting day.</p>;
  function record(attended: boolean) {
    setMessage(null);
    startTransition(async () => {
      const result = await recordQbrAttendanceAction({ id, contactEmails: attended ? [...picked] : [], attended });
      if (!result.ok) return setMessage(result.error.message);
      setMessage(attended ? "Attendance recorded; a follow-up task is on the CSM's list." : "Recorded as not held.");
      router.refresh();
    });
  }
  return (
    <div className="px-5 py-4">
      {contacts.length === 0 ? (
        <p className="text-sm text-slate-500">Add the customer&apos;s contacts to record who came.</p>
      ) : (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Who came</legend>
          <ul className="mt-2 space-y-2">
            {contacts.map((c) => (
              <li key={c.email} className="flex items-center gap-2 text-sm">
                <input
                  id={`attendee-${c.email}`}
                  type="checkbox"
                  className="h-4 w-4 rounded border-slate-300 text-brand-600"
                  checked={picked.has(c.email)}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.currentTarget.checked) next.add(c.email);
                    else next.delete(c.email);
                    setPicked(next);
                  }}
                />
                <label htmlFor={`attendee-${c.email}`}>
                  {c.name}
                  <span className="text-slate-500">
                    {c.title ? ` · ${c.title}` : ""}
                    {c.execSponsor ? " · executive sponsor" : ""}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="button" disabled={pending || picked.size === 0} onClick={() => record(true)}>
          Record attendance
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => record(false)}>
          It did not take place
        </Button>
      </div>
      {message && (
        <p role="status" className="mt-3 text-sm text-slate-700">
          {message}
        </p>
      )}
    </div>
  );
}
