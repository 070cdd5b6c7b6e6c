// The renewal process of SPEC §4 as pure rules: which stage a renewal is in and what an outcome
// does to ARR and the next term. Each stage's tasks are the "Renewal preparation" playbook's. The data layer
// (lib/data/renewals/window-job.ts) reads the facts, asks these functions and writes the answer.
import { addMonths, differenceInCalendarMonths, format, parseISO } from "date-fns";
import { daysBetween, type IsoDate } from "./dates";
import { renewalWindow, type RenewalWindow } from "./windows";

export type RenewalOutcomeKind = "renewed" | "expanded" | "downgraded" | "churned";
export type RenewalForecastKind = "commit" | "likely" | "at_risk" | "lost";

/** Window stage of an open renewal as of a day (a closed renewal has no stage). */
export function renewalStage(renewalDate: IsoDate, asOf: IsoDate): RenewalWindow {
  return renewalWindow(daysBetween(asOf, renewalDate));
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** Money in whole cents, so comparisons and differences are exact. */
export type Cents = number;

export function toCents(amount: number): Cents {
  return Math.round(amount * 100);
}

/**
 * What is wrong with an outcome's new ARR given the current ARR, or null. The outcome names the
 * direction, so a mismatch is an input error rather than a silent reclassification.
 */
export function outcomeArrProblem(
  outcome: RenewalOutcomeKind,
  currentCents: Cents,
  newCents: Cents | null,
): string | null {
  if (outcome === "churned")
    return newCents === null || newCents === 0 ? null : "A churned renewal has no new ARR (0 or left out).";
  if (newCents === null) return "Required for this outcome.";
  if (outcome === "renewed" && newCents !== currentCents)
    return "A flat renewal keeps the current ARR; use expanded or downgraded.";
  if (outcome === "expanded" && newCents <= currentCents) return "An expansion needs a new ARR above the current ARR.";
  if (outcome === "downgraded" && newCents >= currentCents) return "A downgrade needs a new ARR below the current ARR.";
  return null;
}

export interface ArrChange {
  type: "expansion" | "contraction" | "churn";
  /** Signed: positive for expansion, negative for contraction and churn. */
  amountCents: Cents;
}

/** The ARR movement an outcome records (SPEC §5 GRR/NRR inputs); none for a flat renewal. */
export function outcomeMovement(outcome: RenewalOutcomeKind, currentCents: Cents, newCents: Cents): ArrChange | null {
  if (outcome === "churned") return currentCents === 0 ? null : { type: "churn", amountCents: -currentCents };
  const delta = newCents - currentCents;
  if (delta === 0) return null;
  return { type: delta > 0 ? "expansion" : "contraction", amountCents: delta };
}

/**
 * The contract term in months: the last term's length rounded to whole years, at least one
 * year. Multi-year deals renew for the same length; odd stub terms renew annually.
 */
export function termMonths(termStart: IsoDate, renewalDate: IsoDate): number {
  const years = Math.round(differenceInCalendarMonths(parseISO(renewalDate), parseISO(termStart)) / 12);
  return Math.max(1, years) * 12;
}

/** The next renewal: one term after this renewal date. */
export function nextRenewalDate(termStart: IsoDate, renewalDate: IsoDate): IsoDate {
  return format(addMonths(parseISO(renewalDate), termMonths(termStart, renewalDate)), "yyyy-MM-dd");
}

/**
 * Splits the new ARR over the lines carried into the new term in proportion to their prices;
 * the last line takes the rounding, so the lines always sum to the new ARR exactly.
 */
export function scaleLinePrices(priceCents: readonly Cents[], newCents: Cents): Cents[] {
  const total = priceCents.reduce((sum, p) => sum + p, 0);
  if (priceCents.length === 0) return [];
  const scaled = priceCents.map((p) => (total === 0 ? 0 : Math.round((p * newCents) / total)));
  const rest = newCents - scaled.slice(0, -1).reduce((sum, p) => sum + p, 0);
  scaled[scaled.length - 1] = rest;
  return scaled;
}

// ---------------------------------------------------------------------------------------------
// Time to renewal signature (SPEC §5: process start → signed, target < 30 days)

export const SIGNATURE_TARGET_DAYS = 30;

export function daysToSignature(processStartedAt: IsoDate, signedAt: IsoDate): number {
  return Math.max(0, daysBetween(processStartedAt, signedAt));
}

/** The median, or null for no values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Pipeline totals

/** Expected-ARR weights per forecast (no forecast counts as likely: open, not yet called). */
export const FORECAST_WEIGHTS: Record<RenewalForecastKind, number> = {
  commit: 1,
  likely: 0.75,
  at_risk: 0.25,
  lost: 0,
};
export const UNFORECAST_WEIGHT = FORECAST_WEIGHTS.likely;

export interface PipelineRenewal {
  arr: number;
  band: "red" | "yellow" | "green" | "purple" | null;
  forecast: RenewalForecastKind | null;
}

// The pipeline's headline figures, defined once. Every page that shows them (the pipeline, the
// forecast, the renewal dashboard, the portfolio, the scorecard) reads them from
// lib/data/renewals/figures.ts and explains them with RENEWAL_FIGURES' help text.

/** "Due in 90 days": renewal dates from today through this many days out. */
export const DUE_HORIZON_DAYS = 90;
/** A renewal is at risk when its account's health is in one of these bands… */
export const AT_RISK_BANDS = ["red", "yellow"] as const;
/** …or the AE forecasts it as one of these. */
export const AT_RISK_FORECASTS = ["at_risk", "lost"] as const satisfies readonly RenewalForecastKind[];

export const RENEWAL_FIGURES = {
  due: {
    label: "ARR due in 90 days",
    help: "Open renewals of active accounts with a renewal date from today to 90 days out. Overdue renewals are counted separately.",
  },
  atRisk: {
    label: "ARR at risk",
    help: "The part of the ARR due in 90 days whose account is in red or yellow health, or whose renewal is forecast at risk or lost.",
  },
} as const;

export function isAtRisk(r: PipelineRenewal): boolean {
  return (
    (AT_RISK_BANDS as readonly string[]).includes(r.band ?? "") ||
    (AT_RISK_FORECASTS as readonly string[]).includes(r.forecast ?? "")
  );
}

export interface PipelineTotals {
  count: number;
  arrDue: number;
  arrAtRisk: number;
  expectedArr: number;
}

/** Several buckets' totals added up (in cents, so exact to the cent). */
export function sumTotals(totals: readonly PipelineTotals[]): PipelineTotals {
  const cents = (key: "arrDue" | "arrAtRisk" | "expectedArr") =>
    totals.reduce((sum, t) => sum + toCents(t[key]), 0) / 100;
  return {
    count: totals.reduce((n, t) => n + t.count, 0),
    arrDue: cents("arrDue"),
    arrAtRisk: cents("arrAtRisk"),
    expectedArr: cents("expectedArr"),
  };
}

/** Totals of a bucket, summed in cents so they are exact to the cent. */
export function pipelineTotals(renewals: readonly PipelineRenewal[]): PipelineTotals {
  let due = 0;
  let risk = 0;
  let expected = 0;
  for (const r of renewals) {
    const cents = toCents(r.arr);
    due += cents;
    if (isAtRisk(r)) risk += cents;
    expected += Math.round(cents * (r.forecast ? FORECAST_WEIGHTS[r.forecast] : UNFORECAST_WEIGHT));
  }
  return { count: renewals.length, arrDue: due / 100, arrAtRisk: risk / 100, expectedArr: expected / 100 };
}

/** Renewal cards per window on a page of the pipeline. */
export const PIPELINE_PAGE_SIZE = 24;
