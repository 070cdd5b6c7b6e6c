import { exportRoute } from "@/lib/api/export-route";
import { streamTasks } from "@/lib/data/tasks/tasks";
import { ZTaskQuery, type TaskView } from "@/lib/validation/tasks";
import type { Actor } from "@/lib/auth/policy";

// CSV of the viewer's task inbox for one view (mine / overdue / snoozed / done): every page, same order.
const FIELDS = [
  "title",
  "account_external_id",
  "account",
  "due_date",
  "due_in_days",
  "priority",
  "source",
  "status",
  "overdue",
  "completed",
  "outcome",
  "description",
  "rule",
  "reason",
  "snoozed_until",
  "dismiss_reason",
];

async function* rows(viewer: Actor, view: TaskView) {
  for await (const batch of streamTasks(viewer, view)) {
    yield batch.map((t) => [
      t.title,
      t.account?.externalId ?? "",
      t.account?.name ?? "",
      t.dueDate,
      t.dueInDays,
      t.priority,
      t.source,
      t.status,
      t.overdue,
      t.completedAt ?? "",
      t.outcome ?? "",
      t.description ?? "",
      t.rule?.name ?? "",
      t.reason ?? "",
      t.snoozedUntil ?? "",
      t.dismissReason ?? "",
    ]);
  }
}

export const GET = exportRoute({
  action: "tasks:use",
  query: ZTaskQuery,
  build: ({ user, query }) => ({ name: `tasks-${query.view}`, fields: FIELDS, rows: rows(user, query.view) }),
});
