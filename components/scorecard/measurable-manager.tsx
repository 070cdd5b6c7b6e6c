import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { addMeasurableAction, moveMeasurableAction, setMeasurableActiveAction } from "@/lib/actions/scorecard";
import type { MeasurableListItem } from "@/lib/data/scorecard/scorecard";
import { SCORECARD_METRICS, SCORECARD_WINDOW_LABELS } from "@/lib/domain/metrics-catalogue";
import { formatGoal } from "@/lib/metric-format";
import { MeasurableEdit } from "./measurable-edit";
import { OwnerSelect } from "./owner-select";

type Owners = { id: number; name: string }[];

const smallButton =
  "rounded-md px-2 py-1 text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40";

/** Managers add measurables from the catalogue, set goals and owners, reorder and switch them off. */
export function MeasurableManager({ measurables, owners }: { measurables: MeasurableListItem[]; owners: Owners }) {
  const active = measurables.filter((m) => m.active);
  const inactive = measurables.filter((m) => !m.active);
  return (
    <div className="grid gap-6 p-5 lg:grid-cols-[2fr_1fr]">
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">On the scorecard</h3>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {active.map((m, i) => (
            <li key={m.id} className="px-3 py-2">
              <div className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 flex-1 text-sm font-medium text-slate-800">{m.title}</span>
                <span className="text-xs text-slate-500">{formatGoal(m.goal, m.direction, m.unit)}</span>
                <form action={moveMeasurableAction}>
                  <input type="hidden" name="id" value={m.id} />
                  <input type="hidden" name="direction" value="up" />
                  <button className={smallButton} disabled={i === 0} aria-label={`Move ${m.title} up`}>
                    ↑
                  </button>
                </form>
                <form action={moveMeasurableAction}>
                  <input type="hidden" name="id" value={m.id} />
                  <input type="hidden" name="direction" value="down" />
                  <button
                    className={smallButton}
                    disabled={i === active.length - 1}
                    aria-label={`Move ${m.title} down`}
                  >
                    ↓
                  </button>
                </form>
                <form action={setMeasurableActiveAction}>
                  <input type="hidden" name="id" value={m.id} />
                  <input type="hidden" name="active" value="false" />
                  <button className={smallButton} aria-label={`Remove ${m.title} from the scorecard`}>
                    Remove
                  </button>
                </form>
              </div>
              <MeasurableEdit
                measurable={{
                  id: m.id,
                  title: m.title,
                  unit: m.unit,
                  goal: m.goal,
                  direction: m.direction,
                  ownerId: m.ownerId,
                }}
                owners={owners}
              />
            </li>
          ))}
        </ul>
        {inactive.length > 0 && (
          <>
            <h3 className="mb-2 mt-4 text-sm font-semibold text-slate-900">Switched off</h3>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {inactive.map((m) => (
                <li key={m.id} className="flex items-center gap-2 px-3 py-2">
                  <span className="flex-1 text-sm text-slate-600">{m.title}</span>
                  <form action={setMeasurableActiveAction}>
                    <input type="hidden" name="id" value={m.id} />
                    <input type="hidden" name="active" value="true" />
                    <button className={smallButton} aria-label={`Put ${m.title} back on the scorecard`}>
                      Put back
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Add a measurable</h3>
        <ActionForm action={addMeasurableAction} submitLabel="Add measurable" success="Added to the scorecard.">
          <Field label="Metric" htmlFor="new-metric">
            <select id="new-metric" name="metricKey" className={inputClass} defaultValue="">
              <option value="" disabled>
                Pick a metric…
              </option>
              {SCORECARD_METRICS.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label} ({SCORECARD_WINDOW_LABELS[m.window]}
                  {m.unit === "%" ? ", %" : ""})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Title (optional)" htmlFor="new-title">
            <input id="new-title" name="title" className={inputClass} placeholder="The metric's name" />
          </Field>
          <Field label="Goal (percent for % metrics)" htmlFor="new-goal">
            <input id="new-goal" name="goal" type="number" step="any" className={inputClass} />
          </Field>
          <Field label="On goal when the value is" htmlFor="new-direction">
            <select id="new-direction" name="direction" defaultValue="" className={inputClass}>
              <option value="">the metric&apos;s better direction</option>
              <option value="gte">at least the goal</option>
              <option value="lte">at most the goal</option>
            </select>
          </Field>
          <Field label="Owner" htmlFor="new-owner">
            <OwnerSelect id="new-owner" owners={owners} />
          </Field>
        </ActionForm>
      </div>
    </div>
  );
}
