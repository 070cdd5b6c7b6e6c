// Expansion (SPEC §4, seeds 001 and 002): upsell triggers, the deal's stages and the
// conversation-framework checklist, the trade log, and how a stage change reads as a status.
import { addDays, daysBetween, type IsoDate } from "./dates";

// ---------------------------------------------------------------------------------------------
// Upsell triggers

export const UPSELL_TRIGGERS = ["health", "adoption", "executive", "promoter", "budget_season"] as const;
export type UpsellTrigger = (typeof UPSELL_TRIGGERS)[number];

export const TRIGGER_LABELS: Record<UpsellTrigger, string> = {
  health: "Health above 80",
  adoption: "High feature adoption",
  executive: "Executive engagement",
  promoter: "Promoter NPS",
  budget_season: "Budget season",
};

/** Health strictly above this is a trigger (green, "thriving, expansion ready"). */
export const TRIGGER_HEALTH_ABOVE = 80;
/** An executive sponsor touched within this many days. */
export const EXEC_ENGAGED_DAYS = 90;
/** A 9–10 NPS answer within this many days (the health model's NPS window). */
export const PROMOTER_DAYS = 180;
/** Budget season: the days before the customer's fiscal year starts, when next year's budget is set. */
export const BUDGET_SEASON_DAYS = 90;

/** What the triggers are decided from, as the data layer reads it for one account. */
export interface TriggerSignals {
  healthScore: number | null;
  /** Feature adoption reached the health model's target in the latest score. */
  adoptionAtTarget: boolean;
  /** The last day an executive sponsor was touched. */
  execTouchedOn: IsoDate | null;
  /** The last day a contact answered NPS 9–10. */
  promoterOn: IsoDate | null;
  /** 1–12, or null when unknown. */
  fiscalYearStartMonth: number | null;
}

/** The next first day of the fiscal year strictly after `today`. */
export function nextFiscalYearStart(today: IsoDate, month: number): IsoDate {
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${String(month).padStart(2, "0")}-01`;
  return thisYear > today ? thisYear : `${year + 1}-${String(month).padStart(2, "0")}-01`;
}

/** In the BUDGET_SEASON_DAYS before the fiscal year starts (the start day itself is not). */
export function inBudgetSeason(today: IsoDate, month: number | null): boolean {
  if (month === null) return false;
  return daysBetween(today, nextFiscalYearStart(today, month)) <= BUDGET_SEASON_DAYS;
}

const within = (date: IsoDate | null, today: IsoDate, days: number) =>
  date !== null && date <= today && date >= addDays(today, -(days - 1));

/** The triggers an account meets today, in UPSELL_TRIGGERS order. */
export function upsellTriggers(s: TriggerSignals, today: IsoDate): UpsellTrigger[] {
  const met: Record<UpsellTrigger, boolean> = {
    health: s.healthScore !== null && s.healthScore > TRIGGER_HEALTH_ABOVE,
    adoption: s.adoptionAtTarget,
    executive: within(s.execTouchedOn, today, EXEC_ENGAGED_DAYS),
    promoter: within(s.promoterOn, today, PROMOTER_DAYS),
    budget_season: inBudgetSeason(today, s.fiscalYearStartMonth),
  };
  return UPSELL_TRIGGERS.filter((t) => met[t]);
}

/**
 * Expansion ready (the playbook's "green + upsell triggers"): health above 80 and at least one
 * other trigger.
 */
export function isExpansionReady(triggers: readonly UpsellTrigger[]): boolean {
  return triggers.includes("health") && triggers.length >= 2;
}

/** The deal a trigger suggests, so one click opens a sensible opportunity. */
export const TRIGGER_DEAL: Record<UpsellTrigger, { type: ExpansionTypeKey; title: string }> = {
  health: { type: "seats", title: "Seat expansion" },
  adoption: { type: "tier", title: "Tier upgrade" },
  executive: { type: "add_on", title: "Add-on module" },
  promoter: { type: "seats", title: "Seat expansion" },
  budget_season: { type: "add_on", title: "Add-on for next year's budget" },
};

// ---------------------------------------------------------------------------------------------
// Deals

export const EXPANSION_TYPE_KEYS = ["seats", "tier", "add_on", "services", "training"] as const;
export type ExpansionTypeKey = (typeof EXPANSION_TYPE_KEYS)[number];
export const EXPANSION_TYPE_LABELS: Record<ExpansionTypeKey, string> = {
  seats: "Seat expansion",
  tier: "Tier upgrade",
  add_on: "Add-on module",
  services: "Professional services",
  training: "Training",
};

export const EXPANSION_STAGES = ["identified", "planning", "proposal", "negotiation", "won", "lost"] as const;
export type ExpansionStage = (typeof EXPANSION_STAGES)[number];
export const OPEN_STAGES = ["identified", "planning", "proposal", "negotiation"] as const;
export const STAGE_LABELS: Record<ExpansionStage, string> = {
  identified: "Identified",
  planning: "Planning",
  proposal: "Proposal",
  negotiation: "Negotiation",
  won: "Won",
  lost: "Lost",
};

export type OpportunityStatusKey = "open" | "won" | "lost";

export function statusOfStage(stage: ExpansionStage): OpportunityStatusKey {
  return stage === "won" || stage === "lost" ? stage : "open";
}

/**
 * The stage a write leaves the deal in: the stage sent, else the status sent read as a stage
 * (an open status keeps an open deal's stage, or reopens a closed one at "identified").
 * Null when the two disagree.
 */
export function resolveStage(
  input: { stage?: ExpansionStage; status?: OpportunityStatusKey },
  current: ExpansionStage | null,
): ExpansionStage | null {
  if (input.stage) return !input.status || statusOfStage(input.stage) === input.status ? input.stage : null;
  if (input.status === "won" || input.status === "lost") return input.status;
  if (current && statusOfStage(current) === "open") return current;
  return "identified";
}

/** Seed 001's conversation framework, worked through as a deal advances. */
export const CONVERSATION_STEPS = [
  "review_success",
  "identify_growth",
  "present_solutions",
  "quantify_value",
  "propose_close",
] as const;
export type ConversationStep = (typeof CONVERSATION_STEPS)[number];
export const CONVERSATION_LABELS: Record<ConversationStep, string> = {
  review_success: "Review current success",
  identify_growth: "Identify growth opportunities",
  present_solutions: "Present relevant solutions",
  quantify_value: "Quantify incremental value",
  propose_close: "Propose and close",
};

/** Seed 002: trade, don't negotiate — each concession is given for something of equal value. */
export interface TradeEntry {
  date: IsoDate;
  gave: string;
  got: string;
}

// ---------------------------------------------------------------------------------------------
// Pipeline figures

export const UPSELL_CONVERSION_TARGET = 0.2;

export interface PipelineDeal {
  stage: ExpansionStage;
  arr: number;
}

export interface StageTotal {
  stage: ExpansionStage;
  deals: number;
  arr: number;
}

/** Deals and ARR per stage, every stage present, in stage order (ARR summed in cents). */
export function stageTotals(deals: readonly PipelineDeal[]): StageTotal[] {
  return EXPANSION_STAGES.map((stage) => {
    const inStage = deals.filter((d) => d.stage === stage);
    const cents = inStage.reduce((sum, d) => sum + Math.round(d.arr * 100), 0);
    return { stage, deals: inStage.length, arr: cents / 100 };
  });
}

/** Won / (won + lost): null when nothing closed. */
export function conversionRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}
