import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { saveRockAction } from "@/lib/actions/rocks";
import type { RockView } from "@/lib/data/scorecard/rocks";
import { SCORECARD_METRICS } from "@/lib/domain/metrics-catalogue";
import { goalToInput } from "@/lib/domain/scorecard";
import { OwnerSelect } from "./owner-select";
import { ROCK_STATUS_LABELS } from "./rock-status";

/** Create a rock, or (with `rock`) edit one. Start and target are typed as shown: percent for % metrics. */
export function RockForm({
  owners,
  rock,
  defaultDue,
}: {
  owners: { id: number; name: string }[];
  rock?: RockView;
  defaultDue: string;
}) {
  const key = rock ? `rock-${rock.id}` : "rock-new";
  const shown = (v: number | null) => (v === null || !rock?.metric ? "" : goalToInput(v, rock.metric.unit));
  return (
    <ActionForm
      action={saveRockAction}
      submitLabel={rock ? "Save rock" : "Add rock"}
      success={rock ? "Rock saved." : "Rock added."}
      className="grid gap-3 sm:grid-cols-2"
    >
      {rock && <input type="hidden" name="id" value={rock.id} />}
      <div className="sm:col-span-2">
        <Field label="Rock" htmlFor={`${key}-title`}>
          <input
            id={`${key}-title`}
            name="title"
            defaultValue={rock?.title}
            className={inputClass}
            placeholder="e.g. Cut the unhealthy share to 25%"
          />
        </Field>
      </div>
      <Field label="Owner" htmlFor={`${key}-owner`}>
        <OwnerSelect id={`${key}-owner`} owners={owners} defaultValue={rock?.owner?.id} />
      </Field>
      <Field label="Due" htmlFor={`${key}-due`}>
        <input
          id={`${key}-due`}
          name="dueDate"
          type="date"
          defaultValue={rock?.dueDate ?? defaultDue}
          className={inputClass}
        />
      </Field>
      <Field label="Status" htmlFor={`${key}-status`}>
        <select id={`${key}-status`} name="status" defaultValue={rock?.status ?? "on_track"} className={inputClass}>
          {Object.entries(ROCK_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Linked metric (optional)" htmlFor={`${key}-metric`}>
        <select id={`${key}-metric`} name="metricKey" defaultValue={rock?.metric?.key ?? ""} className={inputClass}>
          <option value="">None</option>
          {SCORECARD_METRICS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
              {m.unit === "%" ? " (%)" : ""}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Start value" htmlFor={`${key}-start`}>
        <input
          id={`${key}-start`}
          name="startValue"
          type="number"
          step="any"
          defaultValue={shown(rock?.startValue ?? null)}
          className={inputClass}
        />
      </Field>
      <Field label="Target value" htmlFor={`${key}-target`}>
        <input
          id={`${key}-target`}
          name="targetValue"
          type="number"
          step="any"
          defaultValue={shown(rock?.targetValue ?? null)}
          className={inputClass}
        />
      </Field>
    </ActionForm>
  );
}
