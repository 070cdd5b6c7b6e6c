import { z } from "zod";
import { CHURN_REASON_KEYS, OFFBOARDING_ITEM_KEYS } from "@/lib/domain/offboarding";
import { ZCount, ZId, ZIsoDate, ZMoney } from "./fields";

// The offboarding page, the manager's termination and the win-back reactivation: FormData in,
// so blank fields are "not given" and numbers arrive as text.

const id = ZId;

// Forms send "" for an empty field: store no text rather than an empty string.
const notes = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en-US")} characters.`)
    .refine((s) => !s.includes("\u0000"), "Must not contain NUL characters.")
    .optional()
    .transform((s) => s || null);

/** Checkboxes send one value per ticked box: nothing, one string or an array. */
const reasons = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(CHURN_REASON_KEYS, { message: "Pick reasons from the list." })).transform((r) => [...new Set(r)]),
);

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const ZOffboardingDetails = z.object({
  accountId: id,
  accessOffDate: z.preprocess(blankToUndefined, ZIsoDate.optional()).transform((d) => d ?? null),
  churnReasons: reasons,
  churnNotes: notes(2_000),
  exitInterview: notes(10_000),
});

export const ZOffboardingItemToggle = z.object({
  accountId: id,
  key: z.enum(OFFBOARDING_ITEM_KEYS, { message: "Unknown checklist item." }),
  done: z.preprocess((v) => v === true || v === "true", z.boolean()),
});

export const ZTermination = z.object({
  accountId: id,
  terminatedOn: z
    .preprocess(blankToUndefined, ZIsoDate.optional())
    .pipe(z.string({ message: "Pick the termination date." })),
  churnReasons: reasons.refine((r) => r.length > 0, "Pick at least one churn reason."),
  churnNotes: notes(2_000),
  /** The account's name, typed to confirm: a termination churns the account at once. */
  confirmName: z.string().trim().min(1, "Type the account's name to confirm.").max(300),
});

export const ZReactivation = z.object({
  accountId: id,
  contractStart: z
    .preprocess(blankToUndefined, ZIsoDate.optional())
    .pipe(z.string({ message: "Pick the contract start." })),
  renewalDate: z
    .preprocess(blankToUndefined, ZIsoDate.optional())
    .pipe(z.string({ message: "Pick the renewal date." })),
  arr: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: "Enter the ARR." }).pipe(ZMoney.refine((n) => n > 0, "A new contract has ARR above 0.")),
  ),
  seats: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: "Enter the seats." }).pipe(ZCount.min(1, "At least one seat.")),
  ),
});

export type TOffboardingDetails = z.infer<typeof ZOffboardingDetails>;
export type TOffboardingItemToggle = z.infer<typeof ZOffboardingItemToggle>;
export type TTermination = z.infer<typeof ZTermination>;
export type TReactivation = z.infer<typeof ZReactivation>;

/** The former-customer list's URL query. */
export const ZFormerCustomersQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
