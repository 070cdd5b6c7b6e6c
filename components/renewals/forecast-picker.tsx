"use client";

import { useState, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { setForecastAction } from "@/lib/actions/renewals";
import { FORECAST_LABELS } from "@/lib/format";
import type { RenewalForecast } from "@/lib/generated/prisma/enums";

const FORECASTS = Object.keys(FORECAST_LABELS) as RenewalForecast[];
const ACTIVE: Record<RenewalForecast, string> = {
  commit: "bg-emerald-700 text-white",
  likely: "bg-brand-600 text-white",
  at_risk: "bg-amber-700 text-white",
  lost: "bg-red-700 text-white",
};

/** The forecast as a segmented control: one click saves it (and rescores the account on the server). */
export function ForecastPicker({
  accountId,
  accountName,
  forecast,
}: {
  accountId: number;
  accountName: string;
  forecast: RenewalForecast | null;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [moved, setMoved] = useState<string | null>(null);

  function choose(next: RenewalForecast) {
    setError(null);
    setMoved(null);
    startTransition(async () => {
      const result = await setForecastAction({ accountId, forecast: next });
      if (result.ok) setMoved(`Forecast saved. ${result.data}`);
      else setError(result.error.message);
    });
  }

  return (
    <div>
      <div
        role="group"
        aria-label={`Forecast for ${accountName}`}
        className="inline-flex overflow-hidden rounded-lg ring-1 ring-inset ring-slate-300"
      >
        {FORECASTS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={forecast === f}
            disabled={pending}
            onClick={() => choose(f)}
            className={cn(
              "px-2 py-1 text-xs font-medium disabled:opacity-60",
              forecast === f ? ACTIVE[f] : "bg-white text-slate-600 hover:bg-slate-50",
            )}
          >
            {FORECAST_LABELS[f]}
          </button>
        ))}
      </div>
      <p role="status" className="mt-1 text-xs text-slate-600">
        {moved}
      </p>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
