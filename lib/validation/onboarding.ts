import { z } from "zod";
import { CHECKLIST_KEYS, MILESTONE_KEYS } from "@/lib/domain/onboarding";
import { ZExternalId, ZPastDate } from "./api";
import { ZId, ZIsoDate } from "./fields";

// The onboarding plan: one update shape for the API (PUT …/onboarding/{key}) and the account
// page's panel. A checklist item takes `done`; a milestone takes `completedAt` (null reopens it)
// and optionally its due date and notes.

export const ONBOARDING_KEYS = [...CHECKLIST_KEYS, ...MILESTONE_KEYS] as const;
const ZOnboardingKey = z.enum(ONBOARDING_KEYS, { message: "Unknown onboarding item or milestone." });

const note = z
  .string()
  .trim()
  .max(2_000, "At most 2,000 characters.")
  .refine((s) => !s.includes("\u0000"), "Must not contain NUL characters.")
  .nullable()
  .transform((s) => s || null);

export const ZOnboardingUpdate = z
  .object({
    done: z.boolean().optional(),
    completedAt: ZPastDate.nullable().optional(),
    dueDate: ZIsoDate.optional(),
    challenges: note.optional(),
    issues: note.optional(),
  })
  .strict();

export const ZOnboardingParams = z.object({ externalId: ZExternalId, key: ZOnboardingKey });

/** The account page's panel: the same update, addressed by the account's id. */
export const ZOnboardingAction = ZOnboardingUpdate.extend({ accountId: ZId, key: ZOnboardingKey });

export type TOnboardingUpdate = z.infer<typeof ZOnboardingUpdate>;
export type TOnboardingKey = z.infer<typeof ZOnboardingKey>;

export const ONBOARDING_BOARD_PAGE_SIZE = 25;

/** The board's page from the URL: a bad value falls back to the first page. */
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
