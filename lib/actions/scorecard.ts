"use server";

import {
  addMeasurable,
  getMeasurableUnit,
  moveMeasurable,
  recomputeScorecard,
  setMeasurableActive,
  updateMeasurable,
} from "@/lib/data/scorecard/scorecard";
import { scorecardMetric } from "@/lib/domain/metrics-catalogue";
import { defaultDirection, goalFromInput } from "@/lib/domain/scorecard";
import {
  ZMeasurableActive,
  ZMeasurableAdd,
  ZMeasurableMove,
  ZMeasurableUpdate,
  ZScorecardRecompute,
} from "@/lib/validation/scorecard";
import { invalidInput, notFound } from "@/lib/errors";
import { defineAction, type ActionResult } from "./safe-action";
import { assertOwner, mayManageScorecard } from "./scorecard-guards";

const REVALIDATE = ["/scorecard"];

const add = defineAction({
  schema: ZMeasurableAdd,
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (input, user) => {
    const metric = scorecardMetric(input.metricKey);
    if (!metric) throw invalidInput([{ path: "metricKey", message: "Pick a metric." }], "Pick a metric.");
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
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (input, user) => {
    const unit = await getMeasurableUnit(input.id);
    if (!unit) throw notFound("That measurable no longer exists.");
    await assertOwner(input.ownerId);
    await updateMeasurable(
      input.id,
      { title: input.title, goal: goalFromInput(input.goal, unit), direction: input.direction, ownerId: input.ownerId },
      { userId: user.id },
    );
    return null;
  },
});

const move = defineAction({
  schema: ZMeasurableMove,
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (input, user) => moveMeasurable(input.id, input.direction, { userId: user.id }).then(() => null),
});

const activate = defineAction({
  schema: ZMeasurableActive,
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (input, user) => setMeasurableActive(input.id, input.active, { userId: user.id }).then(() => null),
});

const recompute = defineAction({
  schema: ZScorecardRecompute,
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (_input, user) => recomputeScorecard({ userId: user.id }),
});

export async function addMeasurableAction(
  _prev: ActionResult<number> | null,
  form: FormData,
): Promise<ActionResult<number>> {
  return add(form);
}

export async function updateMeasurableAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return update(form);
}

export async function moveMeasurableAction(form: FormData): Promise<void> {
  await move(form);
}

export async function setMeasurableActiveAction(form: FormData): Promise<void> {
  await activate(form);
}

export async function recomputeScorecardAction(
  _prev: ActionResult<{ changed: number }> | null,
  form: FormData,
): Promise<ActionResult<{ changed: number }>> {
  return recompute(form);
}
