import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TaskItem } from "@/components/tasks/task-item";
import { TaskTabs } from "@/components/tasks/task-tabs";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { countTasksByView } from "@/lib/data/tasks/tasks";
import { listTeamTasks } from "@/lib/data/tasks/team";
import { ZTaskQuery } from "@/lib/validation/tasks";
import { addDays } from "@/lib/domain/dates";
import { clock } from "@/lib/clock";

export const metadata: Metadata = { title: "Team tasks" };

const OWNERS_PER_PAGE = 10;
const TASKS_PER_OWNER = 5;

export default async function TeamTasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("tasks:team");
  const { page } = ZTaskQuery.parse(await searchParams);
  const [{ owners, total }, counts] = await Promise.all([
    listTeamTasks({ page, pageSize: OWNERS_PER_PAGE, perOwner: TASKS_PER_OWNER }),
    countTasksByView(user),
  ]);
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Everyone's open tasks by owner: the people with overdue work first, each person's most overdue task on top."
      />
      <Card>
        <TaskTabs active="team" counts={{ ...counts, team: total }} />
        {owners.length === 0 ? (
          <EmptyState title="No open tasks on the team">
            Playbook steps and follow-ups appear here as they are raised.
          </EmptyState>
        ) : (
          owners.map((owner) => (
            <section
              key={owner.id}
              aria-labelledby={`owner-${owner.id}`}
              className="border-b border-slate-100 last:border-0"
            >
              <header className="flex flex-wrap items-center gap-x-3 gap-y-1 bg-slate-50 px-5 py-2.5">
                <h2 id={`owner-${owner.id}`} className="text-sm font-semibold text-slate-900">
                  {owner.name}
                </h2>
                <span className="text-xs text-slate-500">{ROLE_LABELS[owner.role]}</span>
                {!owner.active && <Badge>Deactivated</Badge>}
                <span className="ml-auto flex items-center gap-2 text-xs">
                  {owner.overdue > 0 && <Badge tone="red">{owner.overdue} overdue</Badge>}
                  <span className="text-slate-600">{owner.open} open</span>
                </span>
              </header>
              <ul aria-label={`Open tasks of ${owner.name}`} className="divide-y divide-slate-100">
                {owner.tasks.map((task) => (
                  <TaskItem key={task.id} task={task} snoozeDefault={addDays(clock.today(), 7)} />
                ))}
              </ul>
              {owner.open > owner.tasks.length && (
                <p className="px-5 pb-3 text-xs text-slate-500">
                  and {owner.open - owner.tasks.length} more.{" "}
                  {!owner.active && (
                    <Link href="/reassign" className="text-brand-700 hover:underline">
                      Reassign their accounts
                    </Link>
                  )}
                </p>
              )}
            </section>
          ))
        )}
        {total > OWNERS_PER_PAGE && (
          <Pagination
            page={page}
            pageSize={OWNERS_PER_PAGE}
            total={total}
            hrefFor={(p) => (p > 1 ? `/tasks/team?page=${p}` : "/tasks/team")}
          />
        )}
      </Card>
    </>
  );
}
