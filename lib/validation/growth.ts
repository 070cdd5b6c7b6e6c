import { z } from "zod";
import { CONVERSATION_STEPS, UPSELL_TRIGGERS } from "@/lib/domain/expansion";
import { ADVOCACY_KINDS, ADVOCACY_STATUSES } from "@/lib/domain/advocacy";
import { FEEDBACK_TYPES, THEME_STATUSES } from "@/lib/domain/feedback";
import { EXPANSION_STAGES, EXPANSION_TYPES, ZEmail } from "./api";
import { text, ZId, ZIsoDate, ZMoney } from "./fields";

// The growth forms (account page, pipeline board, whitespace matrix). FormData arrives as text:
// blank fields are left out, numbers are coerced, a checkbox group arrives as one value or many.

const blankToUndefined = (raw: unknown) =>
  Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== ""));

const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const ZOpenFromTrigger = z.object({ accountId: ZId, trigger: z.enum(UPSELL_TRIGGERS) });

export const ZDealForm = z.preprocess(
  blankToUndefined,
  z.object({
    accountId: ZId,
    key: text(100),
    title: text(200).optional(),
    type: z.enum(EXPANSION_TYPES),
    arr: z.coerce.number({ message: "Enter the ARR." }).pipe(ZMoney),
    stage: z.enum(EXPANSION_STAGES),
    closeDate: ZIsoDate.optional(),
    lossReason: text(500).optional(),
    checklist: z.preprocess(asList, z.array(z.enum(CONVERSATION_STEPS))),
    tradeGave: text(300).optional(),
    tradeGot: text(300).optional(),
  }),
);

export const ZStageMove = z.preprocess(
  blankToUndefined,
  z.object({
    accountId: ZId,
    key: text(100),
    stage: z.enum(EXPANSION_STAGES),
    lossReason: text(500).optional(),
  }),
);

/** PUT /api/v1/products/{key} */
export const ZProductUpsert = z.object({ name: text(200), listArr: ZMoney });
export const ZProductParams = z.object({ key: text(100) });

/** PUT /api/v1/accounts/{id}/whitespace/{product} */
export const ZWhitespaceUpsert = z
  .object({
    impact: ZMoney,
    criticalEventDate: ZIsoDate.nullish(),
    criticalEventReason: text(500).nullish(),
    decisionNotes: text(2000).nullish(),
  })
  .refine((c) => !c.criticalEventReason || c.criticalEventDate, {
    path: ["criticalEventDate"],
    message: "A critical event needs its date.",
  });
export const ZWhitespaceParams = z.object({ externalId: text(200), product: text(100) });
export const ZWhitespaceQuery = z.object({
  product: text(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZProductForm = z.preprocess(
  blankToUndefined,
  z.object({
    key: text(100).regex(/^[a-z0-9][a-z0-9_-]*$/, "Lower-case letters, digits, - and _."),
    name: text(200),
    listArr: z.coerce.number({ message: "Enter the list ARR." }).pipe(ZMoney),
  }),
);

export const ZWhitespaceForm = z.preprocess(
  blankToUndefined,
  z.object({
    accountId: ZId,
    product: text(100),
    impact: z.coerce.number({ message: "Enter the impact." }).pipe(ZMoney),
    criticalEventDate: ZIsoDate.optional(),
    criticalEventReason: text(500).optional(),
    decisionNotes: text(2000).optional(),
  }),
);

export type TWhitespaceUpsert = z.infer<typeof ZWhitespaceUpsert>;
export type TProductUpsert = z.infer<typeof ZProductUpsert>;

/** POST /api/v1/accounts/{id}/advocacy */
export const ZAdvocacyCreate = z.object({
  contactEmail: ZEmail,
  kind: z.enum(ADVOCACY_KINDS),
  date: ZIsoDate,
  status: z.enum(ADVOCACY_STATUSES),
});

export const ZAdvocacyForm = z.preprocess(blankToUndefined, ZAdvocacyCreate.extend({ accountId: ZId }));

/** POST /api/v1/accounts/{id}/feedback (idempotent on externalId) */
export const ZFeedbackCreate = z.object({
  type: z.enum(FEEDBACK_TYPES),
  title: text(200),
  description: text(4000).nullish(),
  contactEmail: ZEmail.nullish(),
  externalId: text(200).optional(),
});

export const ZThemeUpdateForm = z.preprocess(
  blankToUndefined,
  z.object({ themeId: ZId, status: z.enum(THEME_STATUSES), escalationNote: text(1000).optional() }),
);

export const ZThemeMergeForm = z.object({ sourceId: ZId, targetId: ZId });
