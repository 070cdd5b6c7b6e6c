"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { scheduleQbrAction } from "@/lib/actions/qbrs";
import { quarterOfDay } from "@/lib/domain/qbr";

/** Schedules the QBR of a quarter (the day suggested by the segment's cadence), then opens it. */
export function ScheduleQbrForm({
  accountId,
  accountPath,
  suggested,
}: {
  accountId: number;
  accountPath: string;
  suggested: string;
}) {
  const router = useRouter();
  const [day, setDay] = useState(suggested);
  const [time, setTime] = useState("15:00");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3 px-5 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await scheduleQbrAction({
            accountId,
            quarter: quarterOfDay(day),
            scheduledAt: `${day}T${time}:00Z`,
          });
          if (!result.ok) return setError(result.error.issues?.[0]?.message ?? result.error.message);
          router.push(`${accountPath}/qbrs/${result.data.id}`);
        });
      }}
    >
      <label className="text-sm font-medium text-slate-700">
        Date
        <input
          type="date"
          required
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          className="mt-1 block rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <label className="text-sm font-medium text-slate-700">
        Start (UTC)
        <input
          type="time"
          required
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
          className="mt-1 block rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <Button type="submit" disabled={pending || !day}>
        Schedule QBR for {day ? quarterOfDay(day).replace("-", " ") : "…"}
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}
