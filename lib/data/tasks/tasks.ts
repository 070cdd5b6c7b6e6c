import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskPriority, TaskSource, TaskStatus } from "@/lib/generated/prisma/enums";
import { can, canOnAnyAccount, type Actor } from "@/lib/auth/policy";
import { daysBetween, toIsoDate } from "@/lib/domain/dates";
import { TASK_VIEWS, type TaskView, type TTaskCreate } from "@/lib/validation/tasks";
import { recordAudit } from "../platform/audit";
import { accountNotFound } from "../accounts/write";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";

// The task inbox: each user's open, overdue and done tasks, and the writes on them. Playbook
// tasks are raised by the playbook engine (lib/data/playbooks/engine.ts); manual ones come from the account page.

/** Roles that own and work tasks (executives only read). */

export interface TaskRow {
  id: number;
  title: string;
  description: string | null;
  account: { externalId: string; name: string } | null;
  dueDate: string;
  /** Calendar days from today to the due date (negative when overdue). */
  dueInDays: number;
  priority: TaskPriority;
  source: TaskSource;
  status: TaskStatus;
  outcome: string | null;
  /** The UTC day it was completed. */
  completedAt: string | null;
  overdue: boolean;
  /** The playbook rule that raised it (its name as admins named it), and why. */
  rule: { key: string; name: string } | null;
  reason: string | null;
  /** Hidden from "mine" until this day. */
  snoozedUntil: string | null;
  dismissReason: string | null;
}

/** What a write changed, so the action can refresh the account page too. */
export interface TaskChange {
  id: number;
  accountExternalId: string | null;
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Every view is the viewer's own tasks: managers find the playbook's save plans in "mine". A
// snoozed task leaves "mine" (and "overdue") until its day comes; "done" holds dismissals too.
function viewWhere(viewer: Actor, view: TaskView, today: string): Prisma.TaskWhereInput {
  const own = { ownerId: viewer.id };
  const awake = { OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: dateOnly(today) } }] };
  if (view === "done") return { ...own, status: { in: ["done", "cancelled"] } };
  if (view === "snoozed") return { ...own, status: "open", snoozedUntil: { gt: dateOnly(today) } };
  if (view === "overdue") return { ...own, status: "open", dueDate: { lt: dateOnly(today) }, ...awake };
  return { ...own, status: "open", ...awake };
}

// Open work: soonest due first, the most urgent first within a day (the enum is declared low → urgent).
const OPEN_ORDER: Prisma.TaskOrderByWithRelationInput[] = [{ dueDate: "asc" }, { priority: "desc" }, { id: "asc" }];
const DONE_ORDER: Prisma.TaskOrderByWithRelationInput[] = [{ completedAt: "desc" }, { id: "desc" }];

export const rowSelect = {
  id: true,
  title: true,
  description: true,
  dueDate: true,
  priority: true,
  source: true,
  status: true,
  outcome: true,
  completedAt: true,
  ruleKey: true,
  reason: true,
  snoozedUntil: true,
  dismissReason: true,
  account: { select: { externalId: true, name: true } },
} satisfies Prisma.TaskSelect;

/** Rule key → the name admins gave it, to label playbook tasks. */
export async function playbookNames(): Promise<Map<string, string>> {
  const rules = await db.playbookRule.findMany({ select: { key: true, name: true } });
  return new Map(rules.map((r) => [r.key, r.name]));
}

type SelectedTask = Prisma.TaskGetPayload<{ select: typeof rowSelect }>;

export function toTaskRow(t: SelectedTask, today: string, names: Map<string, string>): TaskRow {
  const { ruleKey, snoozedUntil, ...rest } = t;
  const dueDate = toIsoDate(t.dueDate);
  const dueInDays = daysBetween(today, dueDate);
  return {
    ...rest,
    dueDate,
    dueInDays,
    completedAt: t.completedAt ? toIsoDate(t.completedAt) : null,
    overdue: t.status === "open" && dueInDays < 0,
    rule: ruleKey ? { key: ruleKey, name: names.get(ruleKey) ?? ruleKey } : null,
    snoozedUntil: snoozedUntil && toIsoDate(snoozedUntil) > today ? toIsoDate(snoozedUntil) : null,
  };
}

export async function listTasks(
  viewer: Actor,
  { view, page, pageSize }: { view: TaskView; page: number; pageSize: number },
): Promise<TaskRow[]> {
  const today = clock.today();
  const [rows, names] = await Promise.all([
    db.task.findMany({
      where: viewWhere(viewer, view, today),
      orderBy: view === "done" ? DONE_ORDER : OPEN_ORDER,
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: rowSelect,
    }),
    playbookNames(),
  ]);
  return rows.map((t) => toTaskRow(t, today, names));
}

/** A task as the API shows it: its account, owner, the rule that raised it and why. */
export type ApiTask = Omit<TaskRow, "account"> & { owner: { name: string; email: string } };

/**
 * An account's tasks (only the open ones, soonest due first; or every one, newest first), each
 * with the rule that raised it and why: the API's GET /tasks?account=. At most 500.
 */
export async function listAccountTasks(externalId: string, { open }: { open: boolean }): Promise<ApiTask[]> {
  const account = await db.account.findUnique({ where: { externalId }, select: { id: true } });
  if (!account) throw accountNotFound(externalId);
  const today = clock.today();
  const [rows, names] = await Promise.all([
    db.task.findMany({
      where: { accountId: account.id, ...(open ? { status: "open" as const } : {}) },
      orderBy: open ? OPEN_ORDER : [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
      select: { ...rowSelect, owner: { select: { name: true, email: true } } },
    }),
    playbookNames(),
  ]);
  return rows.map(({ owner, ...t }) => {
    const { account: _account, ...row } = toTaskRow(t, today, names);
    return { ...row, owner };
  });
}

/** Every task of one of the viewer's views, in the inbox's order, a batch at a time (the CSV export). */
export async function* streamTasks(viewer: Actor, view: TaskView, batchSize = 2000): AsyncGenerator<TaskRow[]> {
  for (let page = 1; ; page++) {
    const rows = await listTasks(viewer, { view, page, pageSize: batchSize });
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** How many tasks each tab holds (the tab counts and the pagination total). */
export async function countTasksByView(viewer: Actor): Promise<Record<TaskView, number>> {
  const today = clock.today();
  const [mine, overdue, snoozed, done] = await Promise.all(
    TASK_VIEWS.map((view) => db.task.count({ where: viewWhere(viewer, view, today) })),
  );
  return { mine, overdue, snoozed, done };
}

/** A user works their own tasks; managers and admins may close or reopen anyone's. */
function mayWork(actor: Actor, ownerId: number): boolean {
  return can(actor, "task:work", { ownerId });
}

const auditSelect = {
  status: true,
  outcome: true,
  completedAt: true,
  snoozedUntil: true,
  dismissReason: true,
} satisfies Prisma.TaskSelect;

const taskForWrite = {
  id: true,
  ownerId: true,
  accountId: true,
  kind: true,
  ruleKey: true,
  step: true,
  ...auditSelect,
  account: { select: { externalId: true } },
} satisfies Prisma.TaskSelect;

type TaskForWrite = Prisma.TaskGetPayload<{ select: typeof taskForWrite }>;

async function loadForWrite(tx: Prisma.TransactionClient, id: number, actor: Actor): Promise<TaskForWrite> {
  const task = await tx.task.findUnique({ where: { id }, select: taskForWrite });
  // A missing task and someone else's answer alike unless the actor may change any task.
  if (!task && mayWork(actor, -1)) throw new AppError("not_found", "This task no longer exists.");
  if (!task || !mayWork(actor, task.ownerId))
    throw new AppError("forbidden", "Only the task's owner or a manager can change it.");
  return task;
}

/** Marks an open task done with an optional outcome note. */
export async function completeTask(id: number, outcome: string | null, actor: Actor): Promise<TaskChange> {
  return db.$transaction(async (tx) => {
    const task = await loadForWrite(tx, id, actor);
    // Conditional on "open" so two people completing at once cannot both succeed.
    const { count } = await tx.task.updateMany({
      where: { id, status: "open" },
      data: { status: "done", outcome, completedAt: clock.now() },
    });
    if (count === 0) throw new AppError("conflict", "This task is already closed.");
    await auditUpdate(tx, actor, task, "complete");
    return { id, accountExternalId: task.account?.externalId ?? null };
  });
}

/** Hides an open task until a later day; it stays open, so its playbook does not raise it again. */
export async function snoozeTask(id: number, until: string, actor: Actor): Promise<TaskChange> {
  if (until <= clock.today())
    throw new AppError("invalid", "Pick a day after today.", {
      issues: [{ path: "until", message: "Pick a day after today." }],
    });
  return db.$transaction(async (tx) => {
    const task = await loadForWrite(tx, id, actor);
    const { count } = await tx.task.updateMany({
      where: { id, status: "open" },
      data: { snoozedUntil: dateOnly(until) },
    });
    if (count === 0) throw new AppError("conflict", "Only an open task can be snoozed.");
    await auditUpdate(tx, actor, task, "snooze");
    return { id, accountExternalId: task.account?.externalId ?? null };
  });
}

/**
 * Closes an open task as not needed, with the reason. A dismissed playbook step counts against
 * its rule in the noise report, and is not raised again within the rule's re-arm period.
 */
export async function dismissTask(id: number, reason: string, actor: Actor): Promise<TaskChange> {
  return db.$transaction(async (tx) => {
    const task = await loadForWrite(tx, id, actor);
    const { count } = await tx.task.updateMany({
      where: { id, status: "open" },
      data: { status: "cancelled", dismissReason: reason, completedAt: clock.now(), snoozedUntil: null },
    });
    if (count === 0) throw new AppError("conflict", "This task is already closed.");
    await auditUpdate(tx, actor, task, "dismiss");
    return { id, accountExternalId: task.account?.externalId ?? null };
  });
}

/** Undoes a completion: the task is open again, without its outcome. */
export async function reopenTask(id: number, actor: Actor): Promise<TaskChange> {
  return db.$transaction(async (tx) => {
    const task = await loadForWrite(tx, id, actor);
    if (task.status !== "done") throw new AppError("conflict", "Only a done task can be reopened.");
    // The playbook may have raised the same step again since; one open task per step stays the rule.
    const sameStep = task.ruleKey ? { ruleKey: task.ruleKey, step: task.step } : { kind: task.kind };
    if (
      (task.ruleKey || task.kind) &&
      task.accountId != null &&
      (await tx.task.count({ where: { accountId: task.accountId, ...sameStep, status: "open" } })) > 0
    ) {
      throw new AppError("conflict", "A newer open task for this playbook step already exists.");
    }
    // Conditional on "done" so two reopens at once cannot both succeed (as completeTask is on "open").
    const { count } = await tx.task.updateMany({
      where: { id, status: "done" },
      data: { status: "open", outcome: null, completedAt: null },
    });
    if (count === 0) throw new AppError("conflict", "This task was reopened or changed meanwhile.");
    await auditUpdate(tx, actor, task, "reopen");
    return { id, accountExternalId: task.account?.externalId ?? null };
  });
}

async function auditUpdate(
  tx: Prisma.TransactionClient,
  actor: Actor,
  before: TaskForWrite,
  action: string,
): Promise<void> {
  const after = await tx.task.findUniqueOrThrow({ where: { id: before.id }, select: auditSelect });
  await recordAudit(
    tx,
    { userId: actor.id },
    {
      entity: "task",
      entityId: String(before.id),
      action,
      accountId: before.accountId,
      before: {
        status: before.status,
        outcome: before.outcome,
        completedAt: before.completedAt,
        snoozedUntil: before.snoozedUntil,
        dismissReason: before.dismissReason,
      },
      after,
    },
  );
}

/** A manual task on an account, for someone who may edit the account (a CSM: their own accounts). */
export async function createTask(input: TTaskCreate, actor: Actor): Promise<TaskChange> {
  return db.$transaction(async (tx) => {
    const account = await tx.account.findUnique({
      where: { id: input.accountId },
      select: { id: true, externalId: true, csmId: true, aeId: true },
    });
    if (!account && canOnAnyAccount(actor, "account:edit"))
      throw new AppError("not_found", "This account no longer exists.");
    if (!account || !can(actor, "account:edit", account))
      throw new AppError("forbidden", "You can add tasks only to accounts you own.");
    const ownerId = input.ownerId ?? actor.id;
    if (
      ownerId !== actor.id &&
      !(await tx.user.findFirst({ where: { id: ownerId, active: true }, select: { id: true } }))
    ) {
      throw new AppError("invalid", "Pick an active user to own the task.");
    }
    const task = await tx.task.create({
      data: {
        accountId: account.id,
        ownerId,
        title: input.title,
        description: input.description,
        dueDate: dateOnly(input.dueDate),
        priority: input.priority,
        source: "manual",
      },
      select: {
        id: true,
        title: true,
        description: true,
        ownerId: true,
        dueDate: true,
        priority: true,
        source: true,
        status: true,
      },
    });
    await recordAudit(
      tx,
      { userId: actor.id },
      { entity: "task", entityId: String(task.id), action: "create", accountId: account.id, after: task },
    );
    return { id: task.id, accountExternalId: account.externalId };
  });
}
