import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TaskItem } from "@/components/tasks/task-item";
import { TaskTabs } from "@/components/tasks/task-tabs";
import { requirePermission } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { addDays } from "@/lib/domain/dates";
import { countTasksByView, listTasks } from "@/lib/data/tasks/tasks";
import { countTeamOwners } from "@/lib/data/tasks/team";
import { can } from "@/lib/auth/policy";
import { tasksHref, ZTaskQuery, type TaskView } from "@/lib/validation/tasks";

export const metadata: Metadata = { title: "Tasks" };

const PAGE_SIZE = 25;

const EMPTY: Record<TaskView, { title: string; body: string }> = {
  mine: {
    title: "Nothing on your plate",
    body: "Playbook steps appear here when an account you own needs attention, and manual tasks when someone adds one.",
  },
  overdue: { title: "Nothing overdue", body: "Every open task is on schedule." },
  snoozed: { title: "Nothing snoozed", body: "Snooze a task to hide it until the day you choose." },
  done: {
    title: "No completed tasks yet",
    body: "Tasks you complete or dismiss are kept here with their outcome notes and reasons.",
  },
};

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("tasks:use");
  const query = ZTaskQuery.parse(await searchParams);
  const [rows, counts, team] = await Promise.all([
    listTasks(user, { ...query, pageSize: PAGE_SIZE }),
    countTasksByView(user),
    can(user, "tasks:team") ? countTeamOwners() : undefined,
  ]);
  const empty = EMPTY[query.view];
  const snoozeDefault = addDays(clock.today(), 7);

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Playbook steps and follow-ups assigned to you, soonest due first. Each playbook task says why it was raised."
        actions={
          <Link href={`/api/exports/tasks?view=${query.view}`} className={buttonClass("secondary")} prefetch={false}>
            Export CSV
          </Link>
        }
      />
      <Card>
        <TaskTabs active={query.view} counts={{ ...counts, team }} />
        {rows.length === 0 ? (
          <EmptyState title={empty.title}>{empty.body}</EmptyState>
        ) : (
          <ul aria-label="Tasks" className="divide-y divide-slate-100">
            {rows.map((task) => (
              <TaskItem key={task.id} task={task} snoozeDefault={snoozeDefault} />
            ))}
          </ul>
        )}
        {counts[query.view] > PAGE_SIZE && (
          <Pagination
            page={query.page}
            pageSize={PAGE_SIZE}
            total={counts[query.view]}
            hrefFor={(page) => tasksHref({ view: query.view, page })}
          />
        )}
      </Card>
    </>
  );
}
