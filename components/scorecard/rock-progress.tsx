import type { RockView } from "@/lib/data/scorecard/rocks";
import { formatMetricValue } from "@/lib/metric-format";

/** A metric-linked rock: start → target, the value now and how far along, as a bar. */
export function RockProgressBar({ rock }: { rock: RockView }) {
  if (!rock.metric) return <span className="text-sm text-slate-500">Not linked to a metric</span>;
  const unit = rock.metric.unit;
  const pct = rock.progress ? Math.round(rock.progress.fraction * 100) : 0;
  return (
    <div className="min-w-52 max-w-xs whitespace-normal">
      <p className="text-xs text-slate-500">
        {rock.metric.label}: {formatMetricValue(rock.startValue, unit)} → {formatMetricValue(rock.targetValue, unit)},
        now <span className="font-medium text-slate-800">{formatMetricValue(rock.currentValue, unit)}</span>
      </p>
      <div className="mt-1 flex items-center gap-2">
        <div
          role="progressbar"
          aria-label={`${rock.title}: progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className={rock.progress?.reached ? "h-full bg-emerald-500" : "h-full bg-brand-500"}
            style={{ width: `${pct}%` }}
          />
        </div>
        <span className="w-10 text-right text-xs font-medium tabular-nums text-slate-700">
          {rock.progress ? `${pct}%` : "—"}
        </span>
      </div>
    </div>
  );
}
