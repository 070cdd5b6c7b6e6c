import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TaskRow } from "@/lib/data/tasks/tasks";
import { formatDate } from "@/lib/format";
import { OpenTaskActions } from "./open-task-actions";
import { PriorityBadge } from "./priority-badge";
import { ReopenTaskButton } from "./reopen-task-button";
import { TaskDue } from "./task-due";

/** One task in the inbox: priority, what and why, the account, when it is due, and its action. */
export function TaskItem({ task, snoozeDefault }: { task: TaskRow; snoozeDefault: string }) {
  const done = task.status === "done";
  const dismissed = task.status === "cancelled";
  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-3 px-5 py-4">
      <div className="w-16 shrink-0 pt-0.5">
        <PriorityBadge priority={task.priority} />
      </div>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">{task.title}</p>
        {task.reason && (
          <p className="mt-0.5 text-sm text-slate-800">
            <span className="font-medium">Why:</span> {task.reason}
          </p>
        )}
        {task.description && <p className="mt-0.5 text-sm text-slate-600">{task.description}</p>}
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          {task.account ? (
            <Link
              href={`/accounts/${encodeURIComponent(task.account.externalId)}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {task.account.name}
            </Link>
          ) : (
            <span>No account</span>
          )}
          <span aria-hidden>·</span>
          {task.rule ? (
            <Badge tone="brand">Playbook: {task.rule.name}</Badge>
          ) : task.source === "playbook" ? (
            <Badge tone="brand">Playbook</Badge>
          ) : (
            <Badge>Manual</Badge>
          )}
          {task.snoozedUntil && <Badge tone="yellow">Snoozed until {formatDate(task.snoozedUntil)}</Badge>}
        </div>
        {dismissed && task.dismissReason && (
          <p className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
            <span className="font-medium text-slate-900">Dismissed:</span> {task.dismissReason}
          </p>
        )}
        {(done || dismissed) && task.outcome && (
          <p className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
            <span className="font-medium text-slate-900">Outcome:</span> {task.outcome}
          </p>
        )}
      </div>
      <div className="w-36 shrink-0 text-right text-sm">
        <TaskDue task={task} />
      </div>
      {done ? (
        <ReopenTaskButton taskId={task.id} title={task.title} />
      ) : dismissed ? null : (
        <OpenTaskActions taskId={task.id} title={task.title} snoozeDefault={snoozeDefault} />
      )}
    </li>
  );
}
