import "server-only";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import type { Role } from "@/lib/generated/prisma/enums";
import { playbookNames, rowSelect, toTaskRow, type TaskRow } from "./tasks";

// The manager's team view: every owner's open tasks, grouped by owner. Owners with overdue work
// come first (most overdue first), and within an owner the most overdue task is on top.

export interface TeamOwner {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  open: number;
  overdue: number;
  /** The owner's first open tasks, soonest (most overdue) due first. */
  tasks: TaskRow[];
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function listTeamTasks({
  page,
  pageSize,
  perOwner,
}: {
  page: number;
  pageSize: number;
  perOwner: number;
}): Promise<{ owners: TeamOwner[]; total: number }> {
  const today = clock.today();
  // Two grouped counts over the (ownerId, status, dueDate) index, whatever the number of tasks.
  const [open, overdue] = await Promise.all([
    db.task.groupBy({ by: ["ownerId"], where: { status: "open" }, _count: { _all: true } }),
    db.task.groupBy({
      by: ["ownerId"],
      where: { status: "open", dueDate: { lt: dateOnly(today) } },
      _count: { _all: true },
    }),
  ]);
  const overdueBy = new Map(overdue.map((o) => [o.ownerId, o._count._all]));
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: open.map((o) => o.ownerId) } },
        select: { id: true, name: true, role: true, active: true },
      })
    ).map((u) => [u.id, u]),
  );
  const ranked = open
    .flatMap((o) => {
      const user = users.get(o.ownerId);
      return user ? [{ ...user, open: o._count._all, overdue: overdueBy.get(o.ownerId) ?? 0 }] : [];
    })
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name) || a.id - b.id);
  const slice = ranked.slice((page - 1) * pageSize, page * pageSize);
  const names = await playbookNames();
  const owners = await Promise.all(
    slice.map(async (owner) => {
      const tasks = await db.task.findMany({
        where: { ownerId: owner.id, status: "open" },
        orderBy: [{ dueDate: "asc" }, { priority: "desc" }, { id: "asc" }],
        take: perOwner,
        select: rowSelect,
      });
      return { ...owner, tasks: tasks.map((t) => toTaskRow(t, today, names)) };
    }),
  );
  return { owners, total: ranked.length };
}

/** How many people have open tasks (the team tab's count). */
export async function countTeamOwners(): Promise<number> {
  const owners = await db.task.groupBy({ by: ["ownerId"], where: { status: "open" } });
  return owners.length;
}
