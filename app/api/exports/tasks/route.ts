import { csvResponse } from "@/lib/api/csv";
import { getCurrentUser } from "@/lib/auth/session";
import { streamTasks } from "@/lib/data/tasks/tasks";
import { ZTaskQuery, type TaskView } from "@/lib/validation/tasks";
import { can, type Actor } from "@/lib/auth/policy";

// CSV of the viewer's task inbox for one view (mine / overdue / done): every page, same order.
const FIELDS = ["title", "account_external_id", "account", "due_date", "due_in_days", "priority", "source", "status", "overdue", "completed", "outcome", "description"];

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
    ]);
  }
}

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "tasks:use")) return new Response("Not allowed.", { status: 403 });
  const { view } = ZTaskQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return csvResponse(`tasks-${view}`, FIELDS, rows(user, view));
}
