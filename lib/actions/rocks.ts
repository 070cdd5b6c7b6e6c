"use server";

import { createRock, deleteRock, setRockStatus, updateRock } from "@/lib/data/scorecard/rocks";
import { scorecardMetric } from "@/lib/domain/metrics-catalogue";
import { goalFromInput } from "@/lib/domain/scorecard";
import { ZRockDelete, ZRockSave, ZRockStatus } from "@/lib/validation/scorecard";
import { defineAction, type ActionResult } from "./safe-action";
import { assertOwner, mayManageScorecard } from "./scorecard-guards";

const REVALIDATE = ["/scorecard"];

const save = defineAction({
  schema: ZRockSave,
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (input, user) => {
    await assertOwner(input.ownerId);
    // Start and target are typed as shown (percent for a "%" metric) and stored as the metric's values.
    const unit = input.metricKey ? scorecardMetric(input.metricKey)?.unit : undefined;
    const asStored = (v: number | null) => (v === null || !unit ? null : goalFromInput(v, unit));
    const rock = {
      title: input.title,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      status: input.status,
      metricKey: input.metricKey,
      startValue: asStored(input.startValue),
      targetValue: asStored(input.targetValue),
    };
    const actor = { userId: user.id };
    if (input.id === undefined) return createRock(rock, actor);
    const id = input.id;
    await updateRock(id, rock, actor);
    return id;
  },
});

const status = defineAction({
  schema: ZRockStatus,
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (input, user) => setRockStatus(input.id, input.status, { userId: user.id }).then(() => null),
});

const remove = defineAction({
  schema: ZRockDelete,
  authorize: mayManageScorecard,
  revalidate: REVALIDATE,
  handler: async (input, user) => deleteRock(input.id, { userId: user.id }).then(() => null),
});

export async function saveRockAction(
  _prev: ActionResult<number> | null,
  form: FormData,
): Promise<ActionResult<number>> {
  return save(form);
}

export async function setRockStatusAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return status(form);
}

export async function deleteRockAction(form: FormData): Promise<void> {
  await remove(form);
}
