"use server";

import { revalidatePath } from "next/cache";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { completeTask, createTask, dismissTask, reopenTask, snoozeTask, type TaskChange } from "@/lib/data/tasks/tasks";
import { ZTaskComplete, ZTaskCreate, ZTaskDismiss, ZTaskReopen, ZTaskSnooze } from "@/lib/validation/tasks";
import { defineAction, type ActionResult } from "./safe-action";

// The role check here is a first filter; whose task or account it is gets decided in
// lib/data/tasks/tasks.ts from the stored record.
const mayHaveTasks = (user: CurrentUser) => can(user, "tasks:use");

// The triage list shows open-task counts; the account page lists the account's tasks.
const REVALIDATE = ["/tasks", "/accounts"];

/** Runs a task write and refreshes the account page. */
async function write(run: () => Promise<TaskChange>): Promise<TaskChange> {
  const change = await run();
  if (change.accountExternalId) revalidatePath(`/accounts/${encodeURIComponent(change.accountExternalId)}`);
  return change;
}

const complete = defineAction({
  schema: ZTaskComplete,
  authorize: mayHaveTasks,
  revalidate: REVALIDATE,
  handler: (input, user) => write(() => completeTask(input.id, input.outcome, user)),
});

const reopen = defineAction({
  schema: ZTaskReopen,
  authorize: mayHaveTasks,
  revalidate: REVALIDATE,
  handler: (input, user) => write(() => reopenTask(input.id, user)),
});

const snooze = defineAction({
  schema: ZTaskSnooze,
  authorize: mayHaveTasks,
  revalidate: REVALIDATE,
  handler: (input, user) => write(() => snoozeTask(input.id, input.until, user)),
});

const dismiss = defineAction({
  schema: ZTaskDismiss,
  authorize: mayHaveTasks,
  revalidate: [...REVALIDATE, "/settings/playbooks"],
  handler: (input, user) => write(() => dismissTask(input.id, input.reason, user)),
});

const create = defineAction({
  schema: ZTaskCreate,
  authorize: mayHaveTasks,
  revalidate: REVALIDATE,
  handler: (input, user) => write(() => createTask(input, user)),
});

export async function completeTaskAction(
  _prev: ActionResult<TaskChange> | null,
  form: FormData,
): Promise<ActionResult<TaskChange>> {
  return complete(form);
}

export async function reopenTaskAction(
  _prev: ActionResult<TaskChange> | null,
  form: FormData,
): Promise<ActionResult<TaskChange>> {
  return reopen(form);
}

export async function createTaskAction(
  _prev: ActionResult<TaskChange> | null,
  form: FormData,
): Promise<ActionResult<TaskChange>> {
  return create(form);
}

export async function snoozeTaskAction(
  _prev: ActionResult<TaskChange> | null,
  form: FormData,
): Promise<ActionResult<TaskChange>> {
  return snooze(form);
}

export async function dismissTaskAction(
  _prev: ActionResult<TaskChange> | null,
  form: FormData,
): Promise<ActionResult<TaskChange>> {
  return dismiss(form);
}
