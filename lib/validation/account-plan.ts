import { z } from "zod";
import { ZIsoDate, text } from "./fields";

// The account plan (SPEC §4, seed 002): one living document per account. The same schema
// validates the API body (PUT /api/v1/accounts/{id}/account-plan), the page's form and what is
// stored, so a version read back is always a valid plan.

export const INFLUENCE_LEVELS = ["high", "medium", "low"] as const;
export type Influence = (typeof INFLUENCE_LEVELS)[number];

const ZStakeholder = z.object({
  name: text(200),
  role: text(200),
  influence: z.enum(INFLUENCE_LEVELS, { message: "Choose high, medium or low." }),
  whatMatters: text(1000)
    .nullish()
    .transform((v) => v ?? null),
});

const ZRisk = z.object({
  description: text(1000),
  mitigation: text(1000)
    .nullish()
    .transform((v) => v ?? null),
});

const ZNextStep = z.object({
  action: text(500),
  owner: text(200),
  dueDate: ZIsoDate,
});

/** The whole plan; PUT replaces it. Text sections may be null (not written yet). */
export const ZAccountPlan = z.object({
  impact: text(4000)
    .nullish()
    .transform((v) => v ?? null),
  criticalEvent: z
    .object({ date: ZIsoDate.nullish().transform((v) => v ?? null), reason: text(1000) })
    .nullish()
    .transform((v) => v ?? null),
  decisionProcess: text(4000)
    .nullish()
    .transform((v) => v ?? null),
  stakeholders: z.array(ZStakeholder).max(100).default([]),
  risks: z.array(ZRisk).max(100).default([]),
  nextSteps: z.array(ZNextStep).max(100).default([]),
});

export type TAccountPlan = z.output<typeof ZAccountPlan>;
export type TAccountPlanInput = z.input<typeof ZAccountPlan>;

/** The page's save: the account by id plus the plan. */
export const ZAccountPlanForm = ZAccountPlan.extend({ accountId: z.coerce.number().int().positive() });
