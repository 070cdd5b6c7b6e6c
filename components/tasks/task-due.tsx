import type { TaskRow } from "@/lib/data/tasks/tasks";
import { formatDate, formatRelativeDays } from "@/lib/format";

/** When a task is due (overdue in red, due today in amber), or when it was done. */
export function TaskDue({
  task,
}: {
  task: Pick<TaskRow, "status" | "dueDate" | "dueInDays" | "overdue" | "completedAt">;
}) {
  if (task.status === "done") {
    return (
      <>
        <p className="text-slate-900">Done {formatDate(task.completedAt)}</p>
        <p className="text-xs text-slate-500">Was due {formatDate(task.dueDate)}</p>
      </>
    );
  }
  if (task.overdue) {
    const days = -task.dueInDays;
    return (
      <>
        <p className="font-medium text-red-700">{formatDate(task.dueDate)}</p>
        <p className="text-xs text-red-600">{days === 1 ? "1 day overdue" : `${days} days overdue`}</p>
      </>
    );
  }
  return (
    <>
      <p className="text-slate-900">{formatDate(task.dueDate)}</p>
      <p className={task.dueInDays === 0 ? "text-xs font-medium text-amber-700" : "text-xs text-slate-500"}>
        Due {formatRelativeDays(task.dueInDays)}
      </p>
    </>
  );
}
