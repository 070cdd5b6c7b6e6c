import { cn } from "@/components/ui/cn";
import { CHURN_REASON_KEYS, CHURN_REASON_LABELS } from "@/lib/domain/offboarding";

/** The churn-reason taxonomy as checkboxes named churnReasons (one value per ticked box). */
export function ChurnReasonCheckboxes({ checked = [], columns = 2 }: { checked?: readonly string[]; columns?: 1 | 2 }) {
  return (
    <fieldset>
      <legend className="block text-sm font-medium text-slate-700">Churn reasons</legend>
      <div className={cn("mt-2 grid grid-cols-1 gap-x-4 gap-y-2", columns === 2 && "sm:grid-cols-2")}>
        {CHURN_REASON_KEYS.map((key) => (
          <label key={key} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="churnReasons"
              value={key}
              defaultChecked={checked.includes(key)}
              className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
            />
            {CHURN_REASON_LABELS[key]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
