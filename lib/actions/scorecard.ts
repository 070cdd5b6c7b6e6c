"use server";

import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { addMeasurable, MeasurableNotFound, moveMeasurable, recomputeScorecard, setMeasurableActive, updateMeasurable } from "@/lib/data/scorecard";
import { scorecardMetric } from "@/lib/domain/metrics-catalogue";
import { defaultDirection, goalFromInput } from "@/lib/domain/scorecard";
import { ZMeasurableActive, ZMeasurableAdd, ZMeasurableMove, ZMeasurableUpdate, ZScorecardRecompute } from "@/lib/validation/scorecard";
import { db } from "@/lib/db";
import { defineAction, ExpectedError, type ActionResult } from "./safe-action";

// Managers and admins shape the scorecard; everyone else only reads it (or not at all).
const mayManage = (user: CurrentUser) => can(user, "scorecard:manage");
const REVALIDATE = ["/scorecard"];

async function found<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MeasurableNotFound) throw new ExpectedError("not_found", error.message);
    throw error;
  }
}

async function assertOwner(ownerId: number | null): Promise<void> {
  if (ownerId === null) return;
  const owner = await db.user.findUnique({ where: { id: ownerId }, select: { active: true, role: true } });
  if (!owner?.active || owner.role === "executive") {
    throw new ExpectedError("invalid", "Pick an active team member as the owner.", [{ path: "ownerId", message: "Pick an active team member." }]);
  }
}

const add = defineAction({
  schema: ZMeasurableAdd,
  authorize: mayManage,
  revalidate: REVALIDATE,
  handler: async (input, user) => {
    const metric = scorecardMetric(input.metricKey);
    if (!metric) throw new ExpectedError("invalid", "Pick a metric.");
    await assertOwner(input.ownerId);
    return addMeasurable(
      {
        metricKey: input.metricKey,
        title: input.title ?? metric.label,
        goal: goalFromInput(input.goal, metric.unit),
        direction: input.direction ?? defaultDirection(metric.better),
        ownerId: input.ownerId,
      },
      { userId: user.id },
    );
  },
});

const update = defineAction({
  schema: ZMeasurableUpdate,
  authorize: mayManage,
  revalidate: REVALIDATE,
  handler: async (input, user) => {
    const current = await db.scorecardMeasurable.findUnique({ where: { id: input.id }, select: { metricKey: true, unit: true } });
    if (!current) throw new ExpectedError("not_found", "That measurable no longer exists.");
    await assertOwner(input.ownerId);
    const unit = scorecardMetric(current.metricKey)?.unit ?? "count";
    await found(() => updateMeasurable(input.id, { title: input.title, goal: goalFromInput(input.goal, unit), direction: input.direction, ownerId: input.ownerId }, { userId: user.id }));
    return null;
  },
});

const move = defineAction({
  schema: ZMeasurableMove,
  authorize: mayManage,
  revalidate: REVALIDATE,
  handler: async (input, user) => found(() => moveMeasurable(input.id, input.direction, { userId: user.id })).then(() => null),
});

const activate = defineAction({
  schema: ZMeasurableActive,
  authorize: mayManage,
  revalidate: REVALIDATE,
  handler: async (input, user) => found(() => setMeasurableActive(input.id, input.active, { userId: user.id })).then(() => null),
});

const recompute = defineAction({
  schema: ZScorecardRecompute,
  authorize: mayManage,
  revalidate: REVALIDATE,
  handler: async (_input, user) => recomputeScorecard({ userId: user.id }),
});

export async function addMeasurableAction(_prev: ActionResult<number> | null, form: FormData): Promise<ActionResult<number>> {
  return add(form);
}

export async function updateMeasurableAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return update(form);
}

export async function moveMeasurableAction(form: FormData): Promise<void> {
  await move(form);
}

export async function setMeasurableActiveAction(form: FormData): Promise<void> {
  await activate(form);
}

export async function recomputeScorecardAction(_prev: ActionResult<{ changed: number }> | null, form: FormData): Promise<ActionResult<{ changed: number }>> {
  return recompute(form);
}
