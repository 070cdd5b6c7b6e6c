import { z } from "zod";
import { LIFECYCLE_STAGES } from "@/lib/domain/lifecycle";
import { SCORECARD_METRIC_KEYS, type ScorecardMetricKey } from "@/lib/domain/metrics-catalogue";
import { dateField, finiteNumber, ZId } from "./fields";

// Scorecard measurables, rocks and manual lifecycle stages. Numbers are typed as shown: a "%"
// goal or rock value is typed in percent (25 for 25%) and converted where the metric is known.

const id = ZId;
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const ownerId = z.preprocess(emptyToUndefined, id.optional()).transform((v) => v ?? null);
const optionalNumber = (message: string) =>
  z.preprocess(emptyToUndefined, finiteNumber(message).optional()).transform((v) => v ?? null);
const metricKey = z.enum(SCORECARD_METRIC_KEYS as [ScorecardMetricKey, ...ScorecardMetricKey[]], {
  message: "Pick a metric.",
});
const title = z
  .string()
  .trim()
  .min(3, "Give it a title of at least 3 characters.")
  .max(120, "Keep the title under 120 characters.");

export const ZMeasurableAdd = z.object({
  metricKey,
  // Empty: the metric's own name.
  title: z.preprocess(emptyToUndefined, title.optional()),
  goal: finiteNumber("Enter the goal as a number."),
  direction: z.preprocess(
    emptyToUndefined,
    z.enum(["gte", "lte"], { message: "Pick at least or at most." }).optional(),
  ),
  ownerId,
});
export type TMeasurableAdd = z.infer<typeof ZMeasurableAdd>;

export const ZMeasurableUpdate = z.object({
  id,
  title,
  goal: finiteNumber("Enter the goal as a number."),
  direction: z.enum(["gte", "lte"], { message: "Pick at least or at most." }),
  ownerId,
});

export const ZMeasurableMove = z.object({ id, direction: z.enum(["up", "down"]) });
export const ZMeasurableActive = z.object({ id, active: z.enum(["true", "false"]).transform((v) => v === "true") });

export const ZScorecardRecompute = z.object({
  confirm: z.literal("yes", { message: "Tick the box to confirm: stored weekly figures will be replaced." }),
});

export const ROCK_STATUSES = ["on_track", "off_track", "done"] as const;

export const ZRockSave = z
  .object({
    id: z.preprocess(emptyToUndefined, id.optional()),
    title,
    ownerId,
    dueDate: dateField("Pick a due date."),
    status: z.enum(ROCK_STATUSES, { message: "Pick a status." }).default("on_track"),
    metricKey: z.preprocess(emptyToUndefined, metricKey.optional()).transform((v) => v ?? null),
    startValue: optionalNumber("Enter the start value as a number."),
    targetValue: optionalNumber("Enter the target value as a number."),
  })
  .superRefine((rock, ctx) => {
    if (rock.metricKey === null) return;
    if (rock.startValue === null)
      ctx.addIssue({ code: "custom", path: ["startValue"], message: "A rock linked to a metric needs a start value." });
    if (rock.targetValue === null)
      ctx.addIssue({
        code: "custom",
        path: ["targetValue"],
        message: "A rock linked to a metric needs a target value.",
      });
    if (rock.startValue !== null && rock.startValue === rock.targetValue)
      ctx.addIssue({ code: "custom", path: ["targetValue"], message: "The target must differ from the start value." });
  });
export type TRockSave = z.infer<typeof ZRockSave>;

export const ZRockStatus = z.object({ id, status: z.enum(ROCK_STATUSES, { message: "Pick a status." }) });
export const ZRockDelete = z.object({ id });

export const ZStageOverride = z.object({
  accountId: id,
  // Empty: back to the derived stage.
  stage: z
    .preprocess(emptyToUndefined, z.enum(LIFECYCLE_STAGES, { message: "Pick a stage." }).optional())
    .transform((v) => v ?? null),
  reason: z.string().trim().min(3, "Say why in a few words.").max(500, "Keep the reason under 500 characters."),
});
