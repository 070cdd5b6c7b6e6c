// The health score of one account (SPEC §3), as a pure function of what is known about it.
//
// It runs in two steps so the batch recompute can do the first one in SQL for every account:
//   healthInputsFromFacts(facts, asOf) → HealthInputs: the per-measure aggregates over each window
//   scoreHealth(inputs, model)          → HealthResult: floors/targets, components, weights, band
// computeHealth(facts, asOf, model) runs both.
//
// Precision: every number in a HealthResult is kept at full precision, except the overall score,
// which is rounded half up to an integer. Displays round with roundHalfUp(value, digits), so the
// overall score never depends on an intermediate rounding.
import { assertIsoDate, daysBetween, isWithin, lastNDays, type IsoDate } from "./dates";
import {
  COMPONENT_KEYS,
  COMPONENT_MEASURES,
  DEFAULT_HEALTH_MODEL,
  MEASURE_LABELS,
  type ComponentKey,
  modelForSegment,
  type HealthModel,
  type MeasureKey,
  type Scale,
  type SegmentModel,
} from "./health-model";

import type { Segment } from "./segments";

export type { Segment };
export type RenewalForecast = "commit" | "likely" | "at_risk" | "lost";
export type TouchpointType = "check_in" | "qbr" | "ebr" | "call" | "email" | "meeting";
export type Band = "red" | "yellow" | "green" | "purple";

// ---------------------------------------------------------------------------------------------
// Facts: what is known about one account. Dates are YYYY-MM-DD (see toIsoDate); facts dated
// after the as-of date are ignored, so a past score can be reproduced from today's data.

export interface UsageDayFact {
  date: IsoDate;
  activeUsers: number;
  logins: number;
  sessions: number;
  sessionMinutes: number;
  featuresUsed: readonly string[];
  workflowsStarted: number;
  workflowsCompleted: number;
  integrationsActive: readonly string[];
  /** 0..1, null when the source did not report it. */
  dataQuality: number | null;
}

export interface TicketFact {
  openedAt: IsoDate;
}

export interface SurveyFact {
  type: "nps" | "csat";
  /** NPS 0–10, CSAT 1–5. */
  score: number;
  respondedAt: IsoDate;
}

export interface TouchpointFact {
  type: TouchpointType;
  occurredAt: IsoDate;
  /** Recorded for QBR/EBR; false means the meeting did not take place with the customer. */
  attended: boolean | null;
  /** The contacts present. */
  contactIds: readonly number[];
}

export interface ContactFact {
  id: number;
  execSponsor: boolean;
  referenceWilling: boolean;
}

export interface OutcomeFact {
  dueDate: IsoDate;
  achieved: boolean;
  /** When known, an outcome achieved after the as-of date does not count as achieved yet. */
  achievedAt?: IsoDate | null;
}

/**
 * Everything the health score reads about one account. Contacts' flags, the renewal forecast,
 * the open expansion pipeline, seats and ARR carry no history here: pass their values as of
 * the as-of date when reproducing a past score.
 */
export interface HealthFacts {
  segment: Segment;
  seats: number;
  arr: number;
  contractStart: IsoDate;
  purchasedFeatures: readonly string[];
  /** May hold any dates: rows outside a window are filtered out here. */
  usage: readonly UsageDayFact[];
  tickets: readonly TicketFact[];
  surveys: readonly SurveyFact[];
  touchpoints: readonly TouchpointFact[];
  contacts: readonly ContactFact[];
  outcomes: readonly OutcomeFact[];
  /** The forecast of the open renewal; null when there is none or it is unset. */
  renewalForecast: RenewalForecast | null;
  /** Σ ARR of open expansion opportunities. */
  openExpansionArr: number;
}

/** The windows of SPEC §3, in days ending on the as-of date inclusive. */
export const HEALTH_WINDOW_DAYS = { usage: 30, nps: 180, csat: 90, reviews: 365 } as const;

/** NPS: promoters answer 9–10, detractors 0–6, passives the rest. */
export const NPS_PROMOTER_MIN = 9;
export const NPS_DETRACTOR_MAX = 6;
export const isPromoter = (score: number) => score >= NPS_PROMOTER_MIN;
export const isDetractor = (score: number) => score <= NPS_DETRACTOR_MAX;

// ---------------------------------------------------------------------------------------------
// Inputs: flat per-measure aggregates. The batch recompute produces the same object in SQL, so
// each field states its exact rule. "Usage window" = HEALTH_WINDOW_DAYS.usage (tickets too).

export interface HealthInputs {
  segment: Segment;
  seats: number;
  arr: number;
  /** asOf − contract start, in days (negative before the contract starts). */
  daysSinceContractStart: number;
  /** At least one usage row dated on or before asOf (any date, not only in the window). */
  hasUsage: boolean;
  /** Distinct purchased feature keys. */
  purchasedFeatureCount: number;
  /** Σ over the usage window; days without a row add nothing. */
  logins: number;
  activeUsers: number;
  sessions: number;
  sessionMinutes: number;
  workflowsStarted: number;
  workflowsCompleted: number;
  /** Mean over usage-window days with activeUsers > 0 of |featuresUsed ∩ purchased| / |purchased|; 0 if none. */
  meanFeatureDepth: number;
  /** |∪ featuresUsed over the usage window ∩ purchased|. */
  featuresAdopted: number;
  /** dataQuality of the latest usage-window row that has one; null if none. */
  latestDataQuality: number | null;
  /** Distinct integrationsActive keys over the usage window. */
  integrations: number;
  /** Tickets opened in the usage window. */
  tickets: number;
  /**
   * asOf − date of the latest touchpoint on or before asOf that lists an exec-sponsor contact,
   * not counting touchpoints marked not attended; null if there is none.
   */
  daysSinceExecSponsorTouch: number | null;
  /** QBR/EBR touchpoints with attended = true in the reviews window. */
  attendedReviews: number;
  /** NPS responses in the NPS window: count, 9–10, 0–6. */
  npsResponses: number;
  npsPromoters: number;
  npsDetractors: number;
  /** CSAT responses in the CSAT window: count and Σ scores. */
  csatResponses: number;
  csatSum: number;
  /** Outcomes due on or before asOf, and those of them achieved by asOf. */
  outcomesDue: number;
  outcomesAchieved: number;
  renewalForecast: RenewalForecast | null;
  openExpansionArr: number;
  /** Some contact is reference-willing. */
  referenceWilling: boolean;
}

export function healthInputsFromFacts(facts: HealthFacts, asOf: IsoDate): HealthInputs {
  assertIsoDate(asOf);
  const purchased = new Set(facts.purchasedFeatures);
  const usageWindow = lastNDays(asOf, HEALTH_WINDOW_DAYS.usage);
  const usage = facts.usage.filter((day) => isWithin(day.date, usageWindow));
  return {
    segment: facts.segment,
    seats: facts.seats,
    arr: facts.arr,
    daysSinceContractStart: daysBetween(facts.contractStart, asOf),
    hasUsage: facts.usage.some((day) => day.date <= asOf),
    purchasedFeatureCount: purchased.size,
    ...usageTotals(usage),
    meanFeatureDepth: meanFeatureDepth(usage, purchased),
    featuresAdopted: new Set(usage.flatMap((day) => day.featuresUsed).filter((f) => purchased.has(f))).size,
    latestDataQuality: latestDataQuality(usage),
    integrations: new Set(usage.flatMap((day) => day.integrationsActive)).size,
    tickets: facts.tickets.filter((ticket) => isWithin(ticket.openedAt, usageWindow)).length,
    daysSinceExecSponsorTouch: daysSinceExecSponsorTouch(facts, asOf),
    attendedReviews: attendedReviews(facts.touchpoints, asOf),
    ...surveyTotals(facts.surveys, asOf),
    ...outcomeTotals(facts.outcomes, asOf),
    renewalForecast: facts.renewalForecast,
    openExpansionArr: facts.openExpansionArr,
    referenceWilling: facts.contacts.some((contact) => contact.referenceWilling),
  };
}

function usageTotals(days: readonly UsageDayFact[]) {
  const total = (pick: (day: UsageDayFact) => number) => sum(days.map(pick));
  return {
    logins: total((day) => day.logins),
    activeUsers: total((day) => day.activeUsers),
    sessions: total((day) => day.sessions),
    sessionMinutes: total((day) => day.sessionMinutes),
    workflowsStarted: total((day) => day.workflowsStarted),
    workflowsCompleted: total((day) => day.workflowsCompleted),
  };
}

function meanFeatureDepth(days: readonly UsageDayFact[], purchased: ReadonlySet<string>): number {
  const activeDays = days.filter((day) => day.activeUsers > 0);
  if (activeDays.length === 0 || purchased.size === 0) return 0;
  const depths = activeDays.map(
    (day) => new Set(day.featuresUsed.filter((f) => purchased.has(f))).size / purchased.size,
  );
  return sum(depths) / depths.length;
}

function latestDataQuality(days: readonly UsageDayFact[]): number | null {
  const newestFirst = days.filter((day) => day.dataQuality !== null).sort((a, b) => (a.date < b.date ? 1 : -1));
  return newestFirst[0]?.dataQuality ?? null;
}

function daysSinceExecSponsorTouch(facts: HealthFacts, asOf: IsoDate): number | null {
  const sponsors = new Set(facts.contacts.filter((contact) => contact.execSponsor).map((contact) => contact.id));
  const dates = facts.touchpoints
    .filter((touch) => touch.occurredAt <= asOf && touch.attended !== false)
    .filter((touch) => touch.contactIds.some((id) => sponsors.has(id)))
    .map((touch) => touch.occurredAt);
  if (dates.length === 0) return null;
  const latest = dates.reduce((a, b) => (b > a ? b : a));
  return daysBetween(latest, asOf);
}

function attendedReviews(touchpoints: readonly TouchpointFact[], asOf: IsoDate): number {
  const window = lastNDays(asOf, HEALTH_WINDOW_DAYS.reviews);
  const counts = (touch: TouchpointFact) =>
    (touch.type === "qbr" || touch.type === "ebr") && touch.attended === true && isWithin(touch.occurredAt, window);
  return touchpoints.filter(counts).length;
}

function surveyTotals(surveys: readonly SurveyFact[], asOf: IsoDate) {
  const scoresOf = (type: SurveyFact["type"], days: number) => {
    const window = lastNDays(asOf, days);
    return surveys.filter((s) => s.type === type && isWithin(s.respondedAt, window)).map((s) => s.score);
  };
  const nps = scoresOf("nps", HEALTH_WINDOW_DAYS.nps);
  const csat = scoresOf("csat", HEALTH_WINDOW_DAYS.csat);
  return {
    npsResponses: nps.length,
    npsPromoters: nps.filter(isPromoter).length,
    npsDetractors: nps.filter(isDetractor).length,
    csatResponses: csat.length,
    csatSum: sum(csat),
  };
}

function outcomeTotals(outcomes: readonly OutcomeFact[], asOf: IsoDate) {
  const due = outcomes.filter((outcome) => outcome.dueDate <= asOf);
  const achievedByAsOf = (outcome: OutcomeFact) =>
    outcome.achieved && (outcome.achievedAt == null || outcome.achievedAt <= asOf);
  return { outcomesDue: due.length, outcomesAchieved: due.filter(achievedByAsOf).length };
}

// ---------------------------------------------------------------------------------------------
// Result

/** One side of the NPS / CSAT measure. */
export interface ScaleResult {
  key: "nps" | "csat";
  label: string;
  raw: number | null;
  score: number | null;
  floor: number;
  target: number;
}

export interface MeasureResult {
  key: MeasureKey;
  label: string;
  /** null when the raw value cannot be computed (then the score is 0 or null, see SPEC §3). */
  raw: number | null;
  /** 0..100; null = no data (the measure is left out of its component's mean). */
  score: number | null;
  /** null for nps_csat, which blends two scales: see `parts`. */
  floor: number | null;
  target: number | null;
  /** Points of the overall 100 this measure carries after re-normalisation; 0 without data. */
  weight: number;
  /** weight × score / 100: the points it adds to the overall score. */
  contribution: number;
  /** weight − contribution: the points it costs against a perfect score. */
  lost: number;
  /** nps_csat only: the NPS and CSAT scales, each with or without data. */
  parts?: ScaleResult[];
}

export interface ComponentResult {
  /** The model's weight (of 100). */
  weight: number;
  /** The weight after re-normalising over the components with data; 0 without data. */
  effectiveWeight: number;
  /** Mean of its measures' scores that have data; null if none has. */
  score: number | null;
  measures: MeasureResult[];
}

export interface HealthResult {
  /** 0..100 rounded half up; null only when no component with a weight has data. */
  score: number | null;
  /** From the score, also when the data is insufficient; null when the score is null. */
  band: Band | null;
  /** Components with data carry less than 50 of the 100 weight: the score is shown flagged. */
  insufficientData: boolean;
  components: Record<ComponentKey, ComponentResult>;
  /** The measure that loses the most points (first in SPEC order on a tie); null if none loses any. */
  biggestDetractor: MeasureKey | null;
}

const MIN_WEIGHT_WITH_DATA = 50;

export function computeHealth(
  facts: HealthFacts,
  asOf: IsoDate,
  model: HealthModel = DEFAULT_HEALTH_MODEL,
): HealthResult {
  return scoreHealth(healthInputsFromFacts(facts, asOf), model);
}

export function scoreHealth(inputs: HealthInputs, config: HealthModel = DEFAULT_HEALTH_MODEL): HealthResult {
  const model = modelForSegment(config, inputs.segment);
  const readings = mapComponents((c) => readComponent(c, inputs, model));
  const withData = COMPONENT_KEYS.filter((c) => readings[c].score !== null);
  const weightWithData = sum(withData.map((c) => model.weights[c]));
  // Σ weight·component / Σ weight of the components with data, from unrounded components.
  const weighted = sum(withData.map((c) => model.weights[c] * (readings[c].score ?? 0)));
  const score = weightWithData > 0 ? roundHalfUp(weighted / weightWithData) : null;
  const components = mapComponents((c) => componentResult(readings[c], model.weights[c], weightWithData, model));
  return {
    score,
    band: score === null ? null : bandFor(score, isReferenceable(inputs)),
    insufficientData: weightWithData < MIN_WEIGHT_WITH_DATA,
    components,
    biggestDetractor: biggestDetractor(components),
  };
}

/** Score now − score 30 days earlier; null unless both exist. */
export function healthTrend(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/**
 * Rounds half up (towards +∞): 2.5 → 3, −2.5 → −2, 1.005 to 2 digits → 1.01. Binary floating
 * error would turn 1.005 × 100 into 100.49999999999999: keeping 15 significant digits (what a
 * double holds reliably) restores the decimal half before rounding.
 */
export function roundHalfUp(value: number, digits = 0): number {
  const factor = 10 ** digits;
  const shifted = Number((value * factor).toPrecision(15));
  return Math.floor(shifted + 0.5) / factor;
}

// ---------------------------------------------------------------------------------------------
// Measures

interface Reading {
  raw: number | null;
  score: number | null;
  parts?: ScaleResult[];
}

interface ComponentReading {
  score: number | null;
  measures: { key: MeasureKey; reading: Reading }[];
}

type Scales = SegmentModel["measures"];

const NO_DATA: Reading = { raw: null, score: null };
/** A measure that has data but no computable raw value, and scores 0 (SPEC §3). */
const SCORES_ZERO: Reading = { raw: null, score: 0 };

/** QBR/EBR reviews per year by segment (SPEC §4 cadence; SMB is tech-touch, no reviews). */
export const REVIEW_CADENCE: Record<Segment, number | null> = { enterprise: 4, mid_market: 2, smb: null };
const RENEWAL_FORECAST_POINTS: Record<RenewalForecast, number> = { commit: 100, likely: 75, at_risk: 25, lost: 0 };
const USAGE_WEEKS = HEALTH_WINDOW_DAYS.usage / 7;

/** Linear from floor (0) to target (100), clamped; works for inverse scales (floor > target) too. */
function linearScore(raw: number, { floor, target }: Scale): number {
  return Math.min(100, Math.max(0, ((raw - floor) / (target - floor)) * 100));
}

function scaled(raw: number, scale: Scale): Reading {
  return { raw, score: linearScore(raw, scale) };
}

/** Per-seat measures have no data for an account without seats rather than dividing by zero. */
function perSeat(inputs: HealthInputs, value: number, scale: Scale): Reading {
  return inputs.seats > 0 ? scaled(value / inputs.seats, scale) : NO_DATA;
}

const READERS: Record<MeasureKey, (inputs: HealthInputs, scales: Scales) => Reading> = {
  login_frequency: (i, s) => perSeat(i, i.logins / USAGE_WEEKS, s.login_frequency),
  // Measures about purchased features have no data without any.
  feature_usage_depth: (i, s) =>
    i.purchasedFeatureCount > 0 ? scaled(i.meanFeatureDepth, s.feature_usage_depth) : NO_DATA,
  active_user_ratio: (i, s) => perSeat(i, i.activeUsers / HEALTH_WINDOW_DAYS.usage, s.active_user_ratio),
  session_duration: (i, s) =>
    i.sessions > 0 ? scaled(i.sessionMinutes / i.sessions, s.session_duration) : SCORES_ZERO,
  support_ticket_volume: (i, s) => perSeat(i, i.tickets * 10, s.support_ticket_volume),
  feature_adoption: (i, s) =>
    i.purchasedFeatureCount > 0 ? scaled(i.featuresAdopted / i.purchasedFeatureCount, s.feature_adoption) : NO_DATA,
  workflow_completion: (i, s) =>
    i.workflowsStarted > 0 ? scaled(i.workflowsCompleted / i.workflowsStarted, s.workflow_completion) : NO_DATA,
  data_quality: (i, s) => (i.latestDataQuality === null ? NO_DATA : scaled(i.latestDataQuality, s.data_quality)),
  integration_usage: (i, s) => scaled(i.integrations, s.integration_usage),
  exec_sponsor_engagement: (i, s) =>
    i.daysSinceExecSponsorTouch === null ? SCORES_ZERO : scaled(i.daysSinceExecSponsorTouch, s.exec_sponsor_engagement),
  qbr_attendance: readQbrAttendance,
  nps_csat: readNpsCsat,
  roi_achievement: (i, s) =>
    i.outcomesDue > 0 ? scaled(i.outcomesAchieved / i.outcomesDue, s.roi_achievement) : NO_DATA,
  renewal_likelihood: (i, s) =>
    i.renewalForecast === null ? NO_DATA : scaled(RENEWAL_FORECAST_POINTS[i.renewalForecast], s.renewal_likelihood),
  expansion_potential: (i, s) => (i.arr > 0 ? scaled(i.openExpansionArr / i.arr, s.expansion_potential) : SCORES_ZERO),
};

function readQbrAttendance(inputs: HealthInputs, scales: Scales): Reading {
  const cadence = REVIEW_CADENCE[inputs.segment];
  if (cadence === null) return NO_DATA;
  // A young account is expected to have had fewer reviews, but always at least one.
  const daysInForce = Math.min(HEALTH_WINDOW_DAYS.reviews, Math.max(0, inputs.daysSinceContractStart));
  const expected = Math.max(1, roundHalfUp((cadence * daysInForce) / HEALTH_WINDOW_DAYS.reviews));
  return scaled(Math.min(1, inputs.attendedReviews / expected), scales.qbr_attendance);
}

function readNpsCsat(inputs: HealthInputs, scales: Scales): Reading {
  const nps =
    inputs.npsResponses > 0 ? ((inputs.npsPromoters - inputs.npsDetractors) / inputs.npsResponses) * 100 : null;
  const csat = inputs.csatResponses > 0 ? inputs.csatSum / inputs.csatResponses : null;
  const parts = [scalePart("nps", nps, scales.nps), scalePart("csat", csat, scales.csat)];
  return { raw: null, score: meanOfScores(parts), parts };
}

function scalePart(key: ScaleResult["key"], raw: number | null, scale: Scale): ScaleResult {
  return {
    key,
    label: MEASURE_LABELS[key],
    raw,
    score: raw === null ? null : linearScore(raw, scale),
    ...scale,
  };
}

function meanOfScores(items: readonly { score: number | null }[]): number | null {
  const scores = items.map((item) => item.score).filter((score) => score !== null);
  return scores.length === 0 ? null : sum(scores) / scores.length;
}

/** Engagement and product read usage: they have no data until the account has a usage row. */
const USAGE_COMPONENTS: ReadonlySet<ComponentKey> = new Set(["engagement", "product"]);

function readComponent(component: ComponentKey, inputs: HealthInputs, model: SegmentModel): ComponentReading {
  const withoutUsage = USAGE_COMPONENTS.has(component) && !inputs.hasUsage;
  const measures = COMPONENT_MEASURES[component].map((key) => ({
    key,
    reading: withoutUsage ? NO_DATA : READERS[key](inputs, model.measures),
  }));
  return { score: meanOfScores(measures.map((m) => m.reading)), measures };
}

function componentResult(
  reading: ComponentReading,
  weight: number,
  weightWithData: number,
  model: SegmentModel,
): ComponentResult {
  const effectiveWeight = reading.score === null || weightWithData === 0 ? 0 : (weight * 100) / weightWithData;
  const measuresWithData = reading.measures.filter((m) => m.reading.score !== null).length;
  const measureWeight = measuresWithData === 0 ? 0 : effectiveWeight / measuresWithData;
  return {
    weight,
    effectiveWeight,
    score: reading.score,
    measures: reading.measures.map((m) =>
      measureResult(m.key, m.reading, m.reading.score === null ? 0 : measureWeight, model),
    ),
  };
}

function measureResult(key: MeasureKey, reading: Reading, weight: number, model: SegmentModel): MeasureResult {
  const scale = key === "nps_csat" ? null : model.measures[key];
  const contribution = (weight * (reading.score ?? 0)) / 100;
  return {
    key,
    label: MEASURE_LABELS[key],
    raw: reading.raw,
    score: reading.score,
    floor: scale?.floor ?? null,
    target: scale?.target ?? null,
    weight,
    contribution,
    lost: weight - contribution,
    ...(reading.parts && { parts: reading.parts }),
  };
}

// ---------------------------------------------------------------------------------------------
// Band and detractor

/** Purple: green and referenceable — a reference-willing contact or a recent NPS promoter. */
function isReferenceable(inputs: HealthInputs): boolean {
  return inputs.referenceWilling || inputs.npsPromoters > 0;
}

function bandFor(score: number, referenceable: boolean): Band {
  if (score >= 80) return referenceable ? "purple" : "green";
  if (score >= 60) return "yellow";
  return "red";
}

/** Lost points closer than this are a tie, so floating noise cannot pick the detractor. */
const TIE_TOLERANCE = 1e-9;

function biggestDetractor(components: Record<ComponentKey, ComponentResult>): MeasureKey | null {
  let worst: MeasureResult | null = null;
  for (const measure of COMPONENT_KEYS.flatMap((c) => components[c].measures)) {
    if (measure.lost > (worst?.lost ?? 0) + TIE_TOLERANCE) worst = measure;
  }
  return worst?.key ?? null;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mapComponents<T>(fn: (component: ComponentKey) => T): Record<ComponentKey, T> {
  return Object.fromEntries(COMPONENT_KEYS.map((c) => [c, fn(c)])) as Record<ComponentKey, T>;
}
