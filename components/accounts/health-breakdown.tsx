import { cn } from "@/components/ui/cn";
import type { ComponentResult, HealthResult } from "@/lib/domain/health";
import { COMPONENT_KEYS, COMPONENT_LABELS, MEASURE_LABELS, type ComponentKey } from "@/lib/domain/health-model";
import { formatMeasureValue, formatPoints } from "@/lib/health-format";

function scoreTone(score: number | null): string {
  if (score === null) return "text-slate-500";
  if (score >= 80) return "text-emerald-700";
  if (score >= 60) return "text-amber-700";
  return "text-red-700";
}

function ScoreBar({ score }: { score: number | null }) {
  const colour =
    score === null ? "bg-slate-200" : score >= 80 ? "bg-band-green" : score >= 60 ? "bg-band-yellow" : "bg-band-red";
  return (
    <div className="h-1.5 w-20 rounded-full bg-slate-100" aria-hidden>
      <div className={cn("h-1.5 rounded-full", colour)} style={{ width: `${score ?? 0}%` }} />
    </div>
  );
}

function ComponentCard({ name, component }: { name: ComponentKey; component: ComponentResult }) {
  return (
    <section aria-label={`${COMPONENT_LABELS[name]} component`} className="min-w-0 rounded-lg border border-slate-200">
      <header className="flex items-baseline justify-between border-b border-slate-100 bg-slate-50 px-4 py-2.5">
        <h3 className="text-sm font-semibold text-slate-900">
          {COMPONENT_LABELS[name]} <span className="font-normal text-slate-500">· weight {component.weight}</span>
        </h3>
        <p className={cn("text-sm font-semibold tabular-nums", scoreTone(component.score))}>
          {component.score === null ? "No data" : formatPoints(component.score)}
        </p>
      </header>
      <table className="w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th>Measure</th>
            <th className="hidden sm:table-cell">Raw value</th>
            <th>Score</th>
            <th>Contribution</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {component.measures.map((m) => (
            <tr key={m.key} data-measure={m.key}>
              <td className="px-4 py-2">
                <p className="font-medium text-slate-800">{m.label}</p>
                <p className="text-xs text-slate-500">
                  {m.parts ? (
                    m.parts
                      .map(
                        (p) =>
                          `${MEASURE_LABELS[p.key]}: ${p.raw === null ? "no responses" : formatMeasureValue(p.key, p.raw)}`,
                      )
                      .join(" · ")
                  ) : (
                    <>
                      <span className="font-medium text-slate-700">{formatMeasureValue(m.key, m.raw)}</span>
                      <span title="Scores 0 at the floor and 100 at the target, linearly in between">
                        {" "}
                        · floor {formatMeasureValue(m.key, m.floor, { unit: false })} → target{" "}
                        {formatMeasureValue(m.key, m.target, { unit: false })}
                      </span>
                    </>
                  )}
                </p>
              </td>
              <td className="hidden px-2 py-2 sm:table-cell">
                <ScoreBar score={m.score} />
              </td>
              <td className={cn("w-14 px-2 py-2 text-right tabular-nums", scoreTone(m.score))}>
                {m.score === null ? "—" : formatPoints(m.score)}
              </td>
              <td
                className="w-24 whitespace-nowrap px-4 py-2 text-right tabular-nums text-slate-600"
                title="Points this measure adds to the overall score, of the points it could add"
              >
                {m.score === null ? "no data" : `+${formatPoints(m.contribution)} / ${formatPoints(m.weight)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The score explained: every component and every measure's raw value, score and contribution. */
export function HealthBreakdown({ health }: { health: HealthResult }) {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {COMPONENT_KEYS.map((key) => (
        <ComponentCard key={key} name={key} component={health.components[key]} />
      ))}
    </div>
  );
}
