import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { deleteRockAction, setRockStatusAction } from "@/lib/actions/rocks";
import type { RockView } from "@/lib/data/scorecard/rocks";
import { formatDate } from "@/lib/format";
import { RockForm } from "./rock-form";
import { RockProgressBar } from "./rock-progress";
import { ROCK_STATUS_LABELS, RockStatusBadge } from "./rock-status";

/** This quarter's rocks: owner, due date, on/off track, and progress for the metric-linked ones. */
export function RocksTable({
  rocks,
  owners,
  canManage,
  today,
}: {
  rocks: RockView[];
  owners: { id: number; name: string }[];
  canManage: boolean;
  today: string;
}) {
  if (rocks.length === 0) {
    return (
      <EmptyState title="No rocks yet">
        {canManage
          ? "Add this quarter's goals below: a title, an owner, a due date, and optionally a metric to track."
          : "Managers set the quarter's goals here."}
      </EmptyState>
    );
  }
  return (
    <Table label="Rocks" stack>
      <thead>
        <tr>
          <Th>Rock</Th>
          <Th>Owner</Th>
          <Th>Due</Th>
          <Th>Status</Th>
          <Th>Progress</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rocks.map((rock) => (
          <tr key={rock.id} data-testid="rock-row" className="align-top">
            <td className="min-w-48 py-3 pl-5 pr-3 text-slate-700 md:max-w-xs">
              <span className="font-medium text-slate-900">{rock.title}</span>
              {canManage && (
                <details className="no-print mt-1">
                  <summary className="cursor-pointer text-xs text-brand-700">Edit or delete</summary>
                  <div className="mt-2 w-full space-y-3 md:w-[30rem] md:max-w-[80vw] rounded-lg border border-slate-200 bg-slate-50 p-3">
                    <RockForm owners={owners} rock={rock} defaultDue={today} />
                    <form action={deleteRockAction}>
                      <input type="hidden" name="id" value={rock.id} />
                      <button className="text-xs text-red-700 underline">Delete this rock</button>
                    </form>
                  </div>
                </details>
              )}
            </td>
            <Td data-label="Owner" className="text-slate-600">
              {rock.owner?.name ?? "—"}
            </Td>
            <Td
              data-label="Due"
              className={rock.status !== "done" && rock.dueDate < today ? "font-medium text-red-700" : "text-slate-600"}
            >
              {formatDate(rock.dueDate)}
            </Td>
            <Td data-label="Status">
              <RockStatusBadge status={rock.status} />
              {canManage && (
                <ActionForm
                  action={setRockStatusAction}
                  submitLabel="Set"
                  success="Updated."
                  className="no-print mt-2 flex items-center gap-2"
                >
                  <input type="hidden" name="id" value={rock.id} />
                  <label className="sr-only" htmlFor={`rock-status-${rock.id}`}>
                    Status of {rock.title}
                  </label>
                  <select
                    id={`rock-status-${rock.id}`}
                    name="status"
                    defaultValue={rock.status}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-xs"
                  >
                    {Object.entries(ROCK_STATUS_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </ActionForm>
              )}
            </Td>
            <Td data-label="Progress">
              <RockProgressBar rock={rock} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
