import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { TASK_VIEWS, tasksHref, type TaskView } from "@/lib/validation/tasks";

const LABELS: Record<TaskView | "team", string> = {
  mine: "Mine",
  overdue: "Overdue",
  snoozed: "Snoozed",
  done: "Done",
  team: "Team",
};

/**
 * The inbox's views as tabs with their counts; overdue work is counted in red. Managers also get
 * the team view (`counts.team`: the people with open tasks).
 */
export function TaskTabs({
  active,
  counts,
}: {
  active: TaskView | "team";
  counts: Record<TaskView, number> & { team?: number };
}) {
  const views = counts.team === undefined ? TASK_VIEWS : [...TASK_VIEWS, "team" as const];
  return (
    <nav aria-label="Task views" className="flex gap-6 overflow-x-auto border-b border-slate-200 px-5">
      {views.map((view) => {
        const isActive = view === active;
        const alarming = view === "overdue" && counts.overdue > 0;
        return (
          <Link
            key={view}
            href={view === "team" ? "/tasks/team" : tasksHref({ view })}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex items-center gap-2 border-b-2 py-3 text-sm font-medium transition-colors",
              isActive
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700",
            )}
          >
            {LABELS[view]}
            <span
              className={cn(
                "rounded-full px-2 py-0.5 text-xs tabular-nums",
                alarming
                  ? "bg-red-50 text-red-700"
                  : isActive
                    ? "bg-brand-50 text-brand-700"
                    : "bg-slate-100 text-slate-600",
              )}
            >
              {counts[view]}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
