// The revenue and customer-success metrics of SPEC §5 over a period, as pure functions of
// plain facts (lib/data/dashboards/metrics.ts loads them with a handful of aggregate queries).
//
// Period: `from`..`to`, calendar days, both included. The ARR "at the start" is the sum of every
// movement dated before `from`; the period's movements are those dated `from` to `to`.
//
// Precision: money is summed in integer cents (the database's Decimal(14,2) strings are parsed
// exactly, never through a float) and only the outputs are rounded half up: money to the cent,
// "%" ratios to 4 decimals (0.9333 = 93.33%), NPS/CSAT and ratios "x : 1" to 2, medians of days
// to 1. A ratio whose denominator is 0 is null ("not measurable"), never 0 or Infinity.
import { addDays, daysBetween, isWithin, type DateWindow, type IsoDate } from "./dates";
import { isDetractor, isPromoter, roundHalfUp } from "./health";
import type { MetricKey } from "./metrics-catalogue";

export {
  METRIC_CATALOGUE,
  METRIC_KEYS,
  type MetricDefinition,
  type MetricKey,
  type MetricTarget,
  type MetricUnit,
} from "./metrics-catalogue";

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export type ArrMovementType = "new" | "expansion" | "contraction" | "churn" | "reactivation";

/** One ARR movement; `amount` is signed (churn and contraction are negative), as stored. */
export interface MovementFact {
  accountId: number;
  type: ArrMovementType;
  amount: string;
  date: IsoDate;
}

/** The ARR ledger of a period, in cents; losses are positive magnitudes. */
export interface ArrFacts {
  startArrCents: number;
  /** Accounts whose ARR was above 0 at the start. */
  startAccounts: number;
  newCents: number;
  reactivationCents: number;
  expansionCents: number;
  contractionCents: number;
  churnedCents: number;
  /** Distinct accounts with a churn movement in the period. */
  churnedAccounts: number;
  /** ARR after every movement up to and including `to`. */
  endArrCents: number;
  endAccounts: number;
}

export interface BandCounts {
  red: number;
  yellow: number;
  green: number;
  purple: number;
}

/** How many answers, or accounts, had each value (a histogram: the SQL groups, this code reads). */
export type Tally = readonly { value: number; count: number }[];

/** The onboarding milestones (SPEC §4) of one account that has them. */
export interface OnboardingFact {
  contractStart: IsoDate;
  /** Milestone key → day reached (null or absent: not reached). */
  reached: Readonly<Record<string, IsoDate | null>>;
}

/** A CS cost entered for a span of days (CsCost). */
export interface CsCostFact {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amount: string;
  grossMarginPct: number;
}

export interface MetricFacts {
  arr: ArrFacts;
  /** ARR of the renewals dated in the period, whatever their outcome ("eligible" ARR). */
  arrDueForRenewalCents: number;
  /** Expansion opportunities closed in the period. */
  opportunities: { won: number; lost: number };
  /** Health bands of active scored accounts at the period end. */
  bands: BandCounts;
  /** Accounts whose onboarding ends in the period or whose initial value falls in it. */
  onboarding: readonly OnboardingFact[];
  /** Scores of the answers given in the period. */
  nps: Tally;
  csat: Tally;
  /** Days from process start to signature of the renewals signed in the period. */
  signatureDays: Tally;
  referenceContacts: number;
  /** CS cost entries overlapping the period. */
  csCosts: readonly CsCostFact[];
}

export type MetricValues = { [K in MetricKey]: number | null };

export interface MetricsReport {
  period: Period & { days: number };
  /** The ledger in dollars (losses as positive amounts). */
  arr: {
    start: number;
    end: number;
    new: number;
    reactivation: number;
    expansion: number;
    contraction: number;
    churned: number;
    dueForRenewal: number;
  };
  counts: { startAccounts: number; endAccounts: number; churnedLogos: number };
  /** The CS cost prorated to the period's days; null when none was entered for them. */
  csCost: number | null;
  metrics: MetricValues;
}

// ---------------------------------------------------------------------------------------------
// Money and rounding

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450: exact, as a Decimal(14,2) string must not pass through a float. */
export function toCents(amount: string): number {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new RangeError(`Expected an amount with at most 2 decimals, got "${amount}"`);
  const [, sign, whole, fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount out of range: "${amount}"`);
  return sign ? -cents : cents;
}

const dollars = (cents: number) => roundHalfUp(cents) / 100;

/** numerator / denominator unrounded; null when the denominator is 0. */
function quotient(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

const rounded = (value: number | null, digits: number) => (value === null ? null : roundHalfUp(value, digits));
const ratio = (numerator: number, denominator: number) => rounded(quotient(numerator, denominator), 4);

/** Calendar days in the period, both ends included. */
export function periodDays({ from, to }: Period): number {
  return daysBetween(from, to) + 1;
}

const asWindow = ({ from, to }: Period): DateWindow => ({ start: from, end: to });

// ---------------------------------------------------------------------------------------------
// The ARR ledger

/** Sums a ledger of movements into the period's ArrFacts (the SQL of lib/data/dashboards/metrics.ts does the same). */
export function summarizeLedger(movements: readonly MovementFact[], period: Period): ArrFacts {
  const startBalance = new Map<number, number>();
  const endBalance = new Map<number, number>();
  const inPeriod: Record<ArrMovementType, number> = { new: 0, reactivation: 0, expansion: 0, contraction: 0, churn: 0 };
  const churned = new Set<number>();
  for (const m of movements) {
    if (m.date > period.to) continue;
    const cents = toCents(m.amount);
    endBalance.set(m.accountId, (endBalance.get(m.accountId) ?? 0) + cents);
    if (m.date < period.from) {
      startBalance.set(m.accountId, (startBalance.get(m.accountId) ?? 0) + cents);
      continue;
    }
    inPeriod[m.type] += cents;
    if (m.type === "churn") churned.add(m.accountId);
  }
  const total = (balances: Map<number, number>) => [...balances.values()].reduce((sum, cents) => sum + cents, 0);
  const positive = (balances: Map<number, number>) => [...balances.values()].filter((cents) => cents > 0).length;
  return {
    startArrCents: total(startBalance),
    startAccounts: positive(startBalance),
    newCents: inPeriod.new,
    reactivationCents: inPeriod.reactivation,
    expansionCents: inPeriod.expansion,
    contractionCents: -inPeriod.contraction,
    churnedCents: -inPeriod.churn,
    churnedAccounts: churned.size,
    endArrCents: total(endBalance),
    endAccounts: positive(endBalance),
  };
}

/** The part of the ledger GRR and NRR read (a trend over many periods needs no account counts). */
export type RetentionFacts = Pick<ArrFacts, "startArrCents" | "expansionCents" | "contractionCents" | "churnedCents">;

/** Start ARR that stayed: start − churned − contraction (GRR's numerator). */
const retainedCents = (arr: RetentionFacts) => arr.startArrCents - arr.churnedCents - arr.contractionCents;

/** GRR = (start ARR − churned − contraction) / start ARR. */
export function grossRevenueRetention(arr: RetentionFacts): number | null {
  return ratio(retainedCents(arr), arr.startArrCents);
}

/** NRR = (start ARR − churned − contraction + expansion) / start ARR; new and reactivated ARR are not retention. */
export function netRevenueRetention(arr: RetentionFacts): number | null {
  return ratio(retainedCents(arr) + arr.expansionCents, arr.startArrCents);
}

/** Accounts churned in the period / accounts with ARR at its start. */
export function logoChurnRate(arr: ArrFacts): number | null {
  return ratio(arr.churnedAccounts, arr.startAccounts);
}

/** "Eligible churn": ARR lost (churned + contraction) / ARR of the renewals due in the period. */
export function revenueChurnRate(arr: ArrFacts, arrDueForRenewalCents: number): number | null {
  return ratio(arr.churnedCents + arr.contractionCents, arrDueForRenewalCents);
}

/** Unrounded cents of MRR per account with ARR at the period end. */
const averageMrrCents = (arr: ArrFacts) => quotient(arr.endArrCents, 12 * arr.endAccounts);

/** ARR / 12 per account with ARR at the period end, in dollars. */
export function averageMrrPerAccount(arr: ArrFacts): number | null {
  const cents = averageMrrCents(arr);
  return cents === null ? null : dollars(cents);
}

/** Expansion ARR in the period / start ARR. */
export function expansionRate(arr: ArrFacts): number | null {
  return ratio(arr.expansionCents, arr.startArrCents);
}

// ---------------------------------------------------------------------------------------------
// Pipeline, health, onboarding

/** Opportunities won / opportunities closed (won or lost) in the period. */
export function upsellConversion({ won, lost }: { won: number; lost: number }): number | null {
  return ratio(won, won + lost);
}

/** Red + yellow / active accounts that have a band (unscored accounts are left out). */
export function unhealthyShare(bands: BandCounts): number | null {
  return ratio(bands.red + bands.yellow, bands.red + bands.yellow + bands.green + bands.purple);
}

/** SPEC §4: onboarding is days 0–90 after the contract start. */
export const ONBOARDING_DAYS = 90;

/** The milestones due within the onboarding stage (week 1, 4, 8, 10); "achievement" runs to week 52. */
export const ONBOARDING_COMPLETE_MILESTONES = ["technical_setup", "active", "initial_value", "full_speed"] as const;

/** The day an account's onboarding stage ends. */
export const onboardingEnd = (contractStart: IsoDate): IsoDate => addDays(contractStart, ONBOARDING_DAYS);

/**
 * Of the accounts whose onboarding stage ended in the period, the share that reached every
 * milestone of the stage (technical set-up, active, initial value, full speed) by its end. Each
 * account counts once, in the period its 90 days run out, so a month's figure is final.
 */
export function onboardingCompletion(accounts: readonly OnboardingFact[], period: Period): number | null {
  const due = accounts.filter((a) => isWithin(onboardingEnd(a.contractStart), asWindow(period)));
  const completed = due.filter((a) => {
    const end = onboardingEnd(a.contractStart);
    return ONBOARDING_COMPLETE_MILESTONES.every((key) => {
      const reached = a.reached[key];
      return reached != null && reached <= end;
    });
  });
  return ratio(completed.length, due.length);
}

/** Median days from contract start to "initial value" of the accounts that reached it in the period. */
export function timeToValueDays(accounts: readonly OnboardingFact[], period: Period): number | null {
  const days = new Map<number, number>();
  for (const { contractStart, reached } of accounts) {
    const initialValue = reached.initial_value;
    if (initialValue == null || !isWithin(initialValue, asWindow(period))) continue;
    const value = daysBetween(contractStart, initialValue);
    days.set(value, (days.get(value) ?? 0) + 1);
  }
  return median([...days].map(([value, count]) => ({ value, count })));
}

// ---------------------------------------------------------------------------------------------
// Surveys and renewals

/** The middle value (mean of the two middle ones for an even count), to 1 decimal; null when empty. */
export function median(tally: Tally): number | null {
  const sorted = [...tally].filter((t) => t.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, t) => sum + t.count, 0);
  if (n === 0) return null;
  // The values at 0-based positions ⌊(n−1)/2⌋ and ⌊n/2⌋: the same one when n is odd.
  const at = (position: number) => {
    let seen = 0;
    for (const t of sorted) {
      seen += t.count;
      if (position < seen) return t.value;
    }
    throw new Error("unreachable: position < n");
  };
  return roundHalfUp((at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2))) / 2, 1);
}

/** NPS = % promoters (9–10) − % detractors (0–6), in points from −100 to 100. */
export function netPromoterScore(scores: Tally): number | null {
  const count = (keep: (score: number) => boolean) =>
    scores.filter((t) => keep(t.value)).reduce((sum, t) => sum + t.count, 0);
  const share = quotient(
    count(isPromoter) - count(isDetractor),
    count(() => true),
  );
  return rounded(share === null ? null : share * 100, 2);
}

/** Mean CSAT (1–5) of the answers in the period. */
export function csatMean(scores: Tally): number | null {
  const total = scores.reduce((sum, t) => sum + t.value * t.count, 0);
  return rounded(
    quotient(
      total,
      scores.reduce((sum, t) => sum + t.count, 0),
    ),
    2,
  );
}

/** Reference-willing contacts per churned logo (SPEC §4: referrals ≥ churned logos). */
export function referencesVsChurnedLogos(referenceContacts: number, churnedLogos: number): number | null {
  return rounded(quotient(referenceContacts, churnedLogos), 2);
}

// ---------------------------------------------------------------------------------------------
// CS cost, ROI and LTV

export interface PeriodCsCost {
  /** The entries' cost prorated to the period's days, in cents. */
  cents: number;
  /** Days of the period some entry covers. */
  coveredDays: number;
  /** The entries' gross margin, weighted by the days each covers. */
  grossMarginPct: number;
}

const DAYS_PER_YEAR = 365;

/**
 * The CS cost of the period: each entry contributes its amount × (days it shares with the
 * period / its days), so a quarter's entry gives a month a third or so. Entries are assumed not
 * to overlap each other. Null when no entry covers any day of the period.
 */
export function csCostForPeriod(costs: readonly CsCostFact[], period: Period): PeriodCsCost | null {
  let cents = 0;
  let coveredDays = 0;
  let marginDays = 0;
  for (const cost of costs) {
    const start = cost.periodStart > period.from ? cost.periodStart : period.from;
    const end = cost.periodEnd < period.to ? cost.periodEnd : period.to;
    const shared = daysBetween(start, end) + 1;
    if (shared <= 0) continue;
    cents += roundHalfUp((toCents(cost.amount) * shared) / (daysBetween(cost.periodStart, cost.periodEnd) + 1));
    coveredDays += shared;
    marginDays += cost.grossMarginPct * shared;
  }
  return coveredDays === 0 ? null : { cents, coveredDays, grossMarginPct: marginDays / coveredDays };
}

/** The period's CS cost at a yearly rate (ARR is yearly), from the days entries cover. */
const annualCsCostCents = (cost: PeriodCsCost) => (cost.cents * DAYS_PER_YEAR) / cost.coveredDays;

/** Yearly CS cost / start ARR (ACV): SPEC's example is 12%. */
export function csCostPctOfAcv(cost: PeriodCsCost | null, arr: ArrFacts): number | null {
  return cost === null ? null : ratio(annualCsCostCents(cost), arr.startArrCents);
}

/** CS ROI = (retained start ARR + expansion) / yearly CS cost, as x in "x : 1" (target 5 : 1). */
export function csRoi(cost: PeriodCsCost | null, arr: ArrFacts): number | null {
  return cost === null ? null : rounded(quotient(retainedCents(arr) + arr.expansionCents, annualCsCostCents(cost)), 2);
}

/**
 * LTV = average MRR × gross margin / monthly churn rate, in dollars. The monthly rate scales the
 * period's logo churn linearly to a month (365 / 12 days). Null when nothing churned, nothing
 * was active or no CS cost entry gives the gross margin.
 */
export function lifetimeValue(cost: PeriodCsCost | null, arr: ArrFacts, period: Period): number | null {
  const mrrCents = averageMrrCents(arr);
  const churn = quotient(arr.churnedAccounts, arr.startAccounts);
  if (cost === null || mrrCents === null || !churn) return null;
  const monthlyChurn = (churn * DAYS_PER_YEAR) / 12 / periodDays(period);
  return dollars((mrrCents * cost.grossMarginPct) / 100 / monthlyChurn);
}

// ---------------------------------------------------------------------------------------------
// The report

export function computeMetrics(facts: MetricFacts, period: Period): MetricsReport {
  const { arr } = facts;
  const cost = csCostForPeriod(facts.csCosts, period);
  return {
    period: { ...period, days: periodDays(period) },
    arr: {
      start: dollars(arr.startArrCents),
      end: dollars(arr.endArrCents),
      new: dollars(arr.newCents),
      reactivation: dollars(arr.reactivationCents),
      expansion: dollars(arr.expansionCents),
      contraction: dollars(arr.contractionCents),
      churned: dollars(arr.churnedCents),
      dueForRenewal: dollars(facts.arrDueForRenewalCents),
    },
    counts: { startAccounts: arr.startAccounts, endAccounts: arr.endAccounts, churnedLogos: arr.churnedAccounts },
    csCost: cost === null ? null : dollars(cost.cents),
    metrics: {
      grr: grossRevenueRetention(arr),
      nrr: netRevenueRetention(arr),
      logoChurnRate: logoChurnRate(arr),
      revenueChurnRate: revenueChurnRate(arr, facts.arrDueForRenewalCents),
      averageMrrPerAccount: averageMrrPerAccount(arr),
      expansionRate: expansionRate(arr),
      upsellConversion: upsellConversion(facts.opportunities),
      unhealthyShare: unhealthyShare(facts.bands),
      onboardingCompletion: onboardingCompletion(facts.onboarding, period),
      timeToValueDays: timeToValueDays(facts.onboarding, period),
      nps: netPromoterScore(facts.nps),
      csat: csatMean(facts.csat),
      timeToSignatureDays: median(facts.signatureDays),
      referencesGenerated: facts.referenceContacts,
      referencesVsChurnedLogos: referencesVsChurnedLogos(facts.referenceContacts, arr.churnedAccounts),
      csCostPctOfAcv: csCostPctOfAcv(cost, arr),
      csRoi: csRoi(cost, arr),
      ltv: lifetimeValue(cost, arr, period),
    },
  };
}
