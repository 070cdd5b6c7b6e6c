import { z } from "zod";
import { dateField, ZId } from "./fields";

export const TASK_VIEWS = ["mine", "overdue", "snoozed", "done"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const TASK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;

// Forms send "" for an empty field: store no text rather than an empty string.
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((s) => s || null);

const id = ZId;

/** The inbox's URL query (?view=&page=); anything malformed falls back to the first page of "mine". */
export const ZTaskQuery = z.object({
  view: z.enum(TASK_VIEWS).catch("mine"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type TTaskQuery = z.infer<typeof ZTaskQuery>;

export const ZTaskComplete = z.object({
  id,
  outcome: optionalText(2_000, "Keep the outcome under 2,000 characters."),
});

export type TTaskComplete = z.infer<typeof ZTaskComplete>;

export const ZTaskReopen = z.object({ id });

/** Hide an open task until a later day; it stays open, so the playbook does not raise it again. */
export const ZTaskSnooze = z.object({ id, until: dateField("Pick the day it should come back.") });
export type TTaskSnooze = z.infer<typeof ZTaskSnooze>;

/** Close a task as not needed, saying why: the reasons feed each playbook's noise report. */
export const ZTaskDismiss = z.object({
  id,
  reason: z
    .string()
    .trim()
    .min(1, "Say why this task is not needed.")
    .max(500, "Keep the reason under 500 characters."),
});
export type TTaskDismiss = z.infer<typeof ZTaskDismiss>;

export const ZTaskCreate = z.object({
  accountId: id,
  title: z.string().trim().min(1, "Enter what needs doing.").max(200, "Keep the title under 200 characters."),
  dueDate: dateField("Pick a due date."),
  priority: z.enum(TASK_PRIORITIES, { message: "Pick a priority." }).default("normal"),
  // Empty means "me": the person creating the task owns it.
  ownerId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
  description: optionalText(2_000, "Keep the description under 2,000 characters."),
});

export type TTaskCreate = z.infer<typeof ZTaskCreate>;

/** The inbox URL of a view and page, omitting defaults. */
export function tasksHref({ view, page }: Partial<TTaskQuery>): string {
  const params = new URLSearchParams();
  if (view && view !== "mine") params.set("view", view);
  if (page && page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `/tasks?${qs}` : "/tasks";
}
