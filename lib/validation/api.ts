import { z } from "zod";
import { BACKTEST_HORIZONS } from "@/lib/domain/backtest";
import { CHURN_REASON_KEYS } from "@/lib/domain/offboarding";
import { clock } from "@/lib/clock";
import { SEGMENTS } from "@/lib/domain/segments";
import { MAX_INT4, text, ZCount, ZIsoDate, ZMoney } from "./fields";

export { text, ZCount, ZIsoDate, ZMoney } from "./fields";

// The inputs of the REST API (docs/api.md), shared with the CSV import and UI actions that
// accept the same records. Conventions every write follows:
// - an optional field left out keeps its stored value on update (and its default on create);
//   an explicit null clears it;
// - strings are trimmed; text, numbers and dates are bounded by the building blocks in
//   ./fields.ts, so no input can overflow a column and turn bad input into a server error;
// - an array over its limit is "too many items" (the API answers 413, not 400).

/** Days one usage call may carry; more is refused whole. */
export { SEGMENTS };

export const MAX_USAGE_DAYS = 10_000;
/** Page size of GET /accounts. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export const BANDS = ["red", "yellow", "green", "purple"] as const;
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export const SURVEY_TYPES = ["nps", "csat"] as const;
export const TOUCHPOINT_TYPES = ["check_in", "qbr", "ebr", "call", "email", "meeting"] as const;
export const RENEWAL_FORECASTS = ["commit", "likely", "at_risk", "lost"] as const;
export const EXPANSION_TYPES = ["seats", "tier", "add_on", "services", "training"] as const;
export const RENEWAL_OUTCOMES = ["renewed", "expanded", "downgraded", "churned"] as const;
export const OPPORTUNITY_STATUSES = ["open", "won", "lost"] as const;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Expected an email address.").max(254, "At most 254 characters."));

/** Keys such as feature or integration names: distinct, in first-seen order. */
export const ZKeys = z
  .array(text(100))
  .max(500, "At most 500 items.")
  .transform((keys) => [...new Set(keys)]);

// ---------------------------------------------------------------------------------------------
// Path and query parameters

export const ZExternalId = text(200);
export const ZAccountParams = z.object({ externalId: ZExternalId });
export const ZContactParams = z.object({ externalId: ZExternalId, email: ZEmail });
/** Outcomes and expansion deals are addressed by a key the caller chooses. */
export const ZKeyParams = z.object({ externalId: ZExternalId, key: text(100) });

export const ZAccountListQuery = z.object({
  band: z.enum(BANDS).optional(),
  segment: z.enum(SEGMENTS).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  // The cursor is the last id of the previous page (opaque to callers).
  cursor: z
    .string()
    .regex(/^\d{1,10}$/, "Pass the nextCursor of the previous page.")
    .transform(Number)
    .pipe(z.number().max(MAX_INT4, "Pass the nextCursor of the previous page."))
    .optional(),
});

export const ZHealthQuery = z.object({
  asOf: ZIsoDate.refine((date) => date <= clock.today(), "Cannot be in the future.").optional(),
});

/** GET /health/backtest: a horizon of BACKTEST_HORIZONS (default 90) and a segment (none = all). */
export const ZBacktestQuery = z.object({
  horizon: z.coerce
    .number()
    .refine((h) => (BACKTEST_HORIZONS as readonly number[]).includes(h), "Expected 30, 60, 90 or 180.")
    .default(90),
  segment: z
    .enum(SEGMENTS)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

// ---------------------------------------------------------------------------------------------
// Bodies

export const ZAccountUpsert = z
  .object({
    name: text(200),
    segment: z.enum(SEGMENTS),
    arr: ZMoney,
    seats: ZCount.min(1, "At least one seat."),
    contractStart: ZIsoDate,
    renewalDate: ZIsoDate,
    purchasedFeatures: ZKeys.optional(),
    domain: text(253).nullish(),
    industry: text(100).nullish(),
    csmEmail: ZEmail.nullish(),
    aeEmail: ZEmail.nullish(),
    /** The month (1–12) the customer's fiscal year starts: budget season is the quarter before it. */
    fiscalYearStartMonth: z
      .number()
      .int("A month from 1 to 12.")
      .min(1, "A month from 1 to 12.")
      .max(12, "A month from 1 to 12.")
      .nullish(),
    /** When an ARR change took effect (its expansion or contraction is dated so); default today. */
    arrChangedAt: ZIsoDate.optional(),
  })
  .refine((a) => a.renewalDate > a.contractStart, { path: ["renewalDate"], message: "Must be after contractStart." })
  .refine((a) => a.arrChangedAt === undefined || a.arrChangedAt <= clock.today(), {
    path: ["arrChangedAt"],
    message: "Cannot be in the future.",
  })
  .refine((a) => a.arrChangedAt === undefined || a.arrChangedAt >= a.contractStart, {
    path: ["arrChangedAt"],
    message: "Cannot be before contractStart.",
  });

export const ZUsageDay = z.object({
  date: ZIsoDate,
  activeUsers: ZCount,
  logins: ZCount,
  sessions: ZCount,
  sessionMinutes: ZCount,
  featuresUsed: ZKeys,
  workflowsStarted: ZCount,
  workflowsCompleted: ZCount,
  integrationsActive: ZKeys,
  dataQuality: z.number().min(0).max(1).nullish(),
});

export const ZUsageBatch = z.object({
  days: z
    .array(ZUsageDay)
    .min(1, "Send at least one day.")
    .max(MAX_USAGE_DAYS, `At most ${MAX_USAGE_DAYS} days per call.`)
    .superRefine((days, ctx) => {
      // One row per account and day: a date twice in one call is ambiguous, not "last wins".
      const firstIndex = new Map<string, number>();
      days.forEach((day, index) => {
        const first = firstIndex.get(day.date);
        if (first === undefined) firstIndex.set(day.date, index);
        else
          ctx.addIssue({ code: "custom", path: [index, "date"], message: `Duplicate date (also at days.${first}).` });
      });
    }),
});

export const ZContactUpsert = z.object({
  name: text(200),
  title: text(200).nullish(),
  execSponsor: z.boolean().optional(),
  champion: z.boolean().optional(),
  decisionMaker: z.boolean().optional(),
  referenceWilling: z.boolean().optional(),
});

export const ZTicketUpsert = z
  .object({
    externalId: text(200),
    subject: text(500).nullish(),
    openedAt: ZIsoDate,
    closedAt: ZIsoDate.nullish(),
    priority: z.enum(TICKET_PRIORITIES),
    sentiment: z.enum(SENTIMENTS).nullish(),
  })
  .refine((t) => !t.closedAt || t.closedAt >= t.openedAt, {
    path: ["closedAt"],
    message: "Cannot be before openedAt.",
  });

const SURVEY_SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 } } as const;

export const ZSurveyCreate = z
  .object({
    type: z.enum(SURVEY_TYPES),
    score: z.number().int("Expected a whole number."),
    respondedAt: ZIsoDate,
    contactEmail: ZEmail.nullish(),
    comment: text(5000).nullish(),
    externalId: text(200).optional(),
  })
  .superRefine((survey, ctx) => {
    const { min, max } = SURVEY_SCALES[survey.type];
    if (survey.score < min || survey.score > max) {
      ctx.addIssue({ code: "custom", path: ["score"], message: `A ${survey.type} score is from ${min} to ${max}.` });
    }
  });

export const ZTouchpointCreate = z.object({
  type: z.enum(TOUCHPOINT_TYPES),
  occurredAt: ZIsoDate,
  contactEmails: z.array(ZEmail).max(100, "At most 100 contacts.").optional(),
  attended: z.boolean().nullish(),
  notes: text(10_000).nullish(),
  /** The sender's id for the touchpoint: a repeat with the same id updates it instead of adding another. */
  externalId: text(200).optional(),
});

/** The day something happened: a calendar date, today at the latest (read from the clock when validated). */
export const ZPastDate = ZIsoDate.refine((date) => date <= clock.today(), "Cannot be in the future.");

/**
 * A success-plan outcome. `achievedAt` dates the achievement (backfills, ROI achievement as of a
 * past date); left out, it is today when the outcome becomes achieved and kept while it stays so.
 */
const outcomeFields = {
  title: text(300),
  dueDate: ZIsoDate,
  achieved: z.boolean(),
  achievedAt: ZPastDate.optional(),
};
const achievedAtOnlyWhenAchieved: [
  (o: { achieved: boolean; achievedAt?: string }) => boolean,
  { path: string[]; message: string },
] = [
  (o) => o.achieved || o.achievedAt === undefined,
  { path: ["achievedAt"], message: "Only an achieved outcome has an achievedAt." },
];

export const ZOutcomeUpsert = z.object(outcomeFields).refine(...achievedAtOnlyWhenAchieved);

const planNumber = z.number().finite().min(-1e12).max(1e12).nullable().optional();

/**
 * A success-plan outcome (PUT /accounts/{id}/success-plan/{key}): the outcome plus what is
 * measured, its baseline, target and current value, and the yearly value to the customer once
 * achieved (the value report's ROI). Left out, these keep their stored values; null clears them.
 */
export const ZSuccessPlanUpsert = z
  .object({
    ...outcomeFields,
    metric: text(200).nullable().optional(),
    baseline: planNumber,
    target: planNumber,
    current: planNumber,
    annualValue: ZMoney.nullable().optional(),
  })
  .refine(...achievedAtOnlyWhenAchieved);

/** The open renewal's forecast (renewal likelihood in the health score). */
export const ZRenewalForecast = z.object({
  forecast: z.enum(RENEWAL_FORECASTS).nullable(),
});

/**
 * A renewal's outcome. The new ARR must agree with the outcome's direction against the current
 * ARR (checked by the data layer, which knows it): renewed =, expanded >, downgraded <, churned 0.
 */
export const ZRenewalOutcome = z.object({
  outcome: z.enum(RENEWAL_OUTCOMES),
  newArr: ZMoney.nullish(),
  signedAt: ZIsoDate,
  /** A churn-reason taxonomy key (lib/domain/offboarding.ts); it starts the offboarding's reasons. */
  churnReason: z.enum(CHURN_REASON_KEYS, { message: `Expected one of: ${CHURN_REASON_KEYS.join(", ")}.` }).nullish(),
});

/**
 * PUT /accounts/{externalId}/renewal: either a forecast or an outcome. One object with every
 * field rather than a union, so a bad body gets per-field issues instead of "invalid input".
 */
export const ZRenewalUpdate = z
  .object({
    forecast: ZRenewalForecast.shape.forecast.optional(),
    outcome: ZRenewalOutcome.shape.outcome.optional(),
    newArr: ZRenewalOutcome.shape.newArr,
    signedAt: ZRenewalOutcome.shape.signedAt.optional(),
    churnReason: ZRenewalOutcome.shape.churnReason,
  })
  .superRefine((body, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (body.outcome === undefined) {
      if (body.forecast === undefined) issue("forecast", "Send a forecast, or an outcome with its signed date.");
      return;
    }
    if (body.forecast !== undefined) issue("forecast", "Send a forecast or an outcome, not both.");
    if (body.signedAt === undefined) issue("signedAt", "Required with an outcome.");
  })
  // Runs only when the refinement passed, so an outcome always has its signedAt here.
  .transform((body): TRenewalUpdate =>
    body.outcome === undefined
      ? { kind: "forecast", forecast: body.forecast ?? null }
      : {
          kind: "outcome",
          outcome: body.outcome,
          newArr: body.newArr,
          signedAt: body.signedAt ?? "",
          churnReason: body.churnReason,
        },
  );

/** GET /renewals?within=N: open renewals due within N days, and overdue ones. */
/** GET /tasks: one account's tasks; open=false lists closed ones too. */
export const ZTaskListQuery = z.object({
  account: z.string().min(1, "Name the account: ?account={externalId}.").max(200),
  open: z
    .enum(["true", "false"], { message: "Expected true or false." })
    .default("true")
    .transform((v) => v === "true"),
});

export const ZRenewalListQuery = z.object({
  within: z.coerce.number().int("Expected a whole number of days.").min(0).max(3660).default(90),
});

export const EXPANSION_STAGES = ["identified", "planning", "proposal", "negotiation", "won", "lost"] as const;

/**
 * An expansion deal. `stage` (identified → planning → proposal → negotiation → won / lost) or
 * `status` (open / won / lost, which an open deal's stage keeps) — one of them is required and
 * they must agree. `closedAt` dates a win or loss (upsell conversion by period); left out, it is
 * today when the deal closes and kept while it stays closed. `owner` is a user's email;
 * `closeDate` the expected close. Optional fields left out keep their value; null clears them.
 */
export const ZExpansionUpsert = z
  .object({
    type: z.enum(EXPANSION_TYPES),
    arr: ZMoney,
    status: z.enum(OPPORTUNITY_STATUSES).optional(),
    stage: z.enum(EXPANSION_STAGES).optional(),
    title: text(200).nullish(),
    closedAt: ZPastDate.optional(),
    owner: ZEmail.nullish(),
    closeDate: ZIsoDate.nullish(),
    lossReason: text(500).nullish(),
  })
  .refine((e) => e.status !== undefined || e.stage !== undefined, {
    path: ["stage"],
    message: "Send a stage (or a status).",
  })
  .refine(
    (e) =>
      e.status === undefined ||
      e.stage === undefined ||
      (e.stage === "won" || e.stage === "lost" ? e.stage : "open") === e.status,
    {
      path: ["status"],
      message: "The status must match the stage (open for identified to negotiation).",
    },
  )
  .refine(
    (e) =>
      (e.status ?? (e.stage === "won" || e.stage === "lost" ? e.stage : "open")) !== "open" || e.closedAt === undefined,
    {
      path: ["closedAt"],
      message: "Only a won or lost deal has a closedAt.",
    },
  );

export const ZApiKeyCreate = z.object({ name: text(100) });

export type TAccountUpsert = z.infer<typeof ZAccountUpsert>;
export type TUsageDay = z.infer<typeof ZUsageDay>;
export type TContactUpsert = z.infer<typeof ZContactUpsert>;
export type TTicketUpsert = z.infer<typeof ZTicketUpsert>;
export type TSurveyCreate = z.infer<typeof ZSurveyCreate>;
export type TTouchpointCreate = z.infer<typeof ZTouchpointCreate>;
export type TOutcomeUpsert = z.infer<typeof ZOutcomeUpsert>;
export type TSuccessPlanUpsert = z.infer<typeof ZSuccessPlanUpsert>;
export type TRenewalForecast = z.infer<typeof ZRenewalForecast>;
export type TRenewalOutcome = z.infer<typeof ZRenewalOutcome>;
export type TRenewalUpdate = ({ kind: "forecast" } & TRenewalForecast) | ({ kind: "outcome" } & TRenewalOutcome);
export type TExpansionUpsert = z.infer<typeof ZExpansionUpsert>;
export type TRenewalListQuery = z.infer<typeof ZRenewalListQuery>;
export type TAccountListQuery = z.infer<typeof ZAccountListQuery>;
