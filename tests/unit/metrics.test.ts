// SPEC §5 metrics against small hand-computed ledgers: every expected value is worked out in
// the comments, in cents where money is involved.
import { describe, expect, test } from "vitest";
import {
  averageMrrPerAccount,
  computeMetrics,
  csatMean,
  csCostForPeriod,
  csCostPctOfAcv,
  csRoi,
  expansionRate,
  grossRevenueRetention,
  lifetimeValue,
  logoChurnRate,
  median,
  METRIC_CATALOGUE,
  METRIC_KEYS,
  netPromoterScore,
  netRevenueRetention,
  onboardingCompletion,
  referencesVsChurnedLogos,
  revenueChurnRate,
  summarizeLedger,
  timeToValueDays,
  toCents,
  unhealthyShare,
  upsellConversion,
  type ArrFacts,
  type MetricFacts,
  type MovementFact,
  type OnboardingFact,
  type Period,
  type Tally,
} from "@/lib/domain/metrics";

const Q2: Period = { from: "2026-04-01", to: "2026-06-30" };
const APRIL: Period = { from: "2026-04-01", to: "2026-04-30" };

const move = (accountId: number, type: MovementFact["type"], amount: string, date: string): MovementFact => ({
  accountId,
  type,
  amount,
  date,
});

/** Each value once: [3, 1] → tally {3: 1, 1: 1}. */
const tally = (...values: number[]): Tally => values.map((value) => ({ value, count: 1 }));

const arrFacts = (overrides: Partial<ArrFacts> = {}): ArrFacts => ({
  startArrCents: 0,
  startAccounts: 0,
  newCents: 0,
  reactivationCents: 0,
  expansionCents: 0,
  contractionCents: 0,
  churnedCents: 0,
  churnedAccounts: 0,
  endArrCents: 0,
  endAccounts: 0,
  ...overrides,
});

// Q2 2026. Start ARR = everything dated up to 2026-03-31.
//   account 1: new 100,000.00 (2025-04-01), expansion +20,000.50 on `from`
//   account 2: new  50,000.00 (2025-06-15), contraction −5,000.25 on `to`
//   account 3: new  30,000.00 the day before `from` (start ARR), churns −30,000.00 on 2026-05-15
//   account 4: new  12,000.00 inside the period (not start ARR, not retention)
//   account 5: new   8,000.00 the day after `to` (ignored)
const LEDGER: MovementFact[] = [
  move(1, "new", "100000.00", "2025-04-01"),
  move(1, "expansion", "20000.50", "2026-04-01"),
  move(2, "new", "50000", "2025-06-15"),
  move(2, "contraction", "-5000.25", "2026-06-30"),
  move(3, "new", "30000.00", "2026-03-31"),
  move(3, "churn", "-30000.00", "2026-05-15"),
  move(4, "new", "12000.00", "2026-05-01"),
  move(5, "new", "8000.00", "2026-07-01"),
];

describe("toCents", () => {
  test.each([
    ["100000.00", 10_000_000],
    ["50000", 5_000_000],
    ["0.1", 10],
    ["-5000.25", -500_025],
    ["999999999999.99", 99_999_999_999_999],
  ])("%s → %i cents", (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });

  test.each(["1.234", "1e3", "", "12,50"])("refuses %j", (amount) => {
    expect(() => toCents(amount)).toThrow(RangeError);
  });
});

describe("the ARR ledger of a period", () => {
  const arr = summarizeLedger(LEDGER, Q2);

  test("start ARR is every movement before `from`, including the day before", () => {
    // 100,000.00 + 50,000.00 + 30,000.00 = 180,000.00, over accounts 1–3
    expect(arr.startArrCents).toBe(18_000_000);
    expect(arr.startAccounts).toBe(3);
  });

  test("movements dated `from` and `to` are in the period, the day after is not", () => {
    expect(arr).toMatchObject({
      newCents: 1_200_000, // account 4 only; account 5's is after `to`
      expansionCents: 2_000_050, // on `from`
      contractionCents: 500_025, // on `to`
      churnedCents: 3_000_000,
      churnedAccounts: 1,
      reactivationCents: 0,
    });
  });

  test("end ARR is every movement up to `to`", () => {
    // 180,000.00 + 20,000.50 − 5,000.25 − 30,000.00 + 12,000.00 = 177,000.25 over accounts 1, 2, 4
    expect(arr.endArrCents).toBe(17_700_025);
    expect(arr.endAccounts).toBe(3);
  });

  test("GRR, NRR and the rates from the ledger", () => {
    // GRR = (180,000.00 − 30,000.00 − 5,000.25) / 180,000.00 = 144,999.75 / 180,000 = 0.805554… → 0.8056
    expect(grossRevenueRetention(arr)).toBe(0.8056);
    // NRR = (144,999.75 + 20,000.50) / 180,000 = 165,000.25 / 180,000 = 0.916668… → 0.9167
    expect(netRevenueRetention(arr)).toBe(0.9167);
    // 1 churned logo of 3 at the start
    expect(logoChurnRate(arr)).toBe(0.3333);
    // 20,000.50 / 180,000.00 = 0.111113… → 0.1111
    expect(expansionRate(arr)).toBe(0.1111);
    // 177,000.25 / 12 / 3 accounts = 4,916.6736… → 4,916.67
    expect(averageMrrPerAccount(arr)).toBe(4916.67);
    // (30,000.00 + 5,000.25) lost / 60,000.00 due = 0.5833375 → 0.5833
    expect(revenueChurnRate(arr, 6_000_000)).toBe(0.5833);
  });
});

describe("GRR and NRR to the cent", () => {
  test.each([
    // (1,000,000 − 50,000 − 20,000) / 1,000,000 = 0.93; + 150,000 → 1.08
    [{ start: 100_000_000, churned: 5_000_000, contraction: 2_000_000, expansion: 15_000_000 }, 0.93, 1.08],
    // nothing lost, 10% expansion: 1 and 1.1
    [{ start: 100_000_000, churned: 0, contraction: 0, expansion: 10_000_000 }, 1, 1.1],
    // 199.99 / 200.00 = 0.99995 exactly: half up → 1.0000 (a float would give 0.9999)
    [{ start: 20_000, churned: 0, contraction: 1, expansion: 0 }, 1, 1],
    // 600.00 / 700.00 = 0.857142… → 0.8571; (600.00 + 0.01) / 700.00 = 0.857157… → 0.8572
    [{ start: 70_000, churned: 10_000, contraction: 0, expansion: 1 }, 0.8571, 0.8572],
    // everything churned and no expansion
    [{ start: 5_000, churned: 5_000, contraction: 0, expansion: 0 }, 0, 0],
  ])("%j → GRR %s, NRR %s", ({ start, churned, contraction, expansion }, grr, nrr) => {
    const arr = arrFacts({
      startArrCents: start,
      churnedCents: churned,
      contractionCents: contraction,
      expansionCents: expansion,
    });
    expect(grossRevenueRetention(arr)).toBe(grr);
    expect(netRevenueRetention(arr)).toBe(nrr);
  });
});

describe("zero denominators are null", () => {
  const empty = arrFacts({ newCents: 1_000_000, endArrCents: 0, endAccounts: 0 });

  test("ARR ratios with no start ARR or no accounts", () => {
    expect(grossRevenueRetention(empty)).toBeNull();
    expect(netRevenueRetention(empty)).toBeNull();
    expect(logoChurnRate(empty)).toBeNull();
    expect(expansionRate(empty)).toBeNull();
    expect(averageMrrPerAccount(empty)).toBeNull();
    expect(revenueChurnRate(arrFacts({ churnedCents: 100 }), 0)).toBeNull();
  });

  test("counts and tallies with nothing in them", () => {
    expect(upsellConversion({ won: 0, lost: 0 })).toBeNull();
    expect(unhealthyShare({ red: 0, yellow: 0, green: 0, purple: 0 })).toBeNull();
    expect(netPromoterScore([])).toBeNull();
    expect(csatMean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(median([{ value: 4, count: 0 }])).toBeNull();
    expect(referencesVsChurnedLogos(3, 0)).toBeNull();
    expect(onboardingCompletion([], APRIL)).toBeNull();
    expect(timeToValueDays([], APRIL)).toBeNull();
  });
});

describe("conversion, health and advocacy ratios", () => {
  test.each([
    [{ won: 1, lost: 3 }, 0.25],
    [{ won: 2, lost: 1 }, 0.6667], // 0.666… → 0.6667
    [{ won: 4, lost: 0 }, 1],
  ])("upsell conversion %j → %s", (closed, expected) => {
    expect(upsellConversion(closed)).toBe(expected);
  });

  test("unhealthy share is red + yellow over every scored band", () => {
    // (2 + 3) / (2 + 3 + 4 + 1) = 0.5
    expect(unhealthyShare({ red: 2, yellow: 3, green: 4, purple: 1 })).toBe(0.5);
    // 1 / 3 → 0.3333
    expect(unhealthyShare({ red: 0, yellow: 1, green: 2, purple: 0 })).toBe(0.3333);
  });

  test("references per churned logo", () => {
    expect(referencesVsChurnedLogos(3, 2)).toBe(1.5);
    expect(referencesVsChurnedLogos(1, 3)).toBe(0.33);
  });
});

describe("medians", () => {
  test.each([
    [tally(3, 1, 2), 2], // odd: 1 2 3
    [tally(7), 7],
    [tally(10, 1, 3, 2), 2.5], // even: 1 2 | 3 10 → (2 + 3) / 2
    [tally(1, 2), 1.5],
    [
      [
        { value: 5, count: 2 },
        { value: 9, count: 1 },
        { value: 1, count: 1 },
      ],
      5,
    ], // 1 5 | 5 9 → 5
    [
      [
        { value: 30, count: 3 },
        { value: 10, count: 2 },
      ],
      30,
    ], // 10 10 30 30 30 → 30
  ])("median of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("NPS and CSAT", () => {
  test.each([
    [tally(9, 9, 10, 10, 10), 100], // all promoters
    [tally(0, 3, 6), -100], // all detractors (6 is a detractor)
    [tally(7, 8, 8), 0], // all passives
    [
      [
        { value: 10, count: 5 },
        { value: 8, count: 3 },
        { value: 3, count: 2 },
      ],
      30,
    ], // (5 − 2) / 10 = 30 points
    [tally(9, 9, 5), 33.33], // (2 − 1) / 3 = 33.333… points
  ])("NPS of %j is %s", (scores, expected) => {
    expect(netPromoterScore(scores)).toBe(expected);
  });

  test.each([
    [tally(5, 5, 5, 4), 4.75], // 19 / 4
    [tally(5, 4, 4), 4.33], // 13 / 3 = 4.333…
    [
      [
        { value: 1, count: 1 },
        { value: 5, count: 1 },
      ],
      3,
    ],
  ])("CSAT of %j is %s", (scores, expected) => {
    expect(csatMean(scores)).toBe(expected);
  });
});

describe("onboarding", () => {
  const all = (day: string) => ({ technical_setup: day, active: day, initial_value: day, full_speed: day });
  // Onboarding ends 90 days after the contract start; April's cohort ends 04-01 … 04-30.
  const accounts: OnboardingFact[] = [
    // ends 2026-04-01 (`from`), every milestone reached before: complete
    { contractStart: "2026-01-01", reached: { ...all("2026-03-20"), initial_value: "2026-02-26" } },
    // ends 2026-04-30 (`to`), full speed two days late: incomplete; initial value on 04-05 = 65 days
    { contractStart: "2026-01-30", reached: { ...all("2026-04-05"), full_speed: "2026-05-02" } },
    // ends 2026-04-10, technical set-up never reached: incomplete
    { contractStart: "2026-01-10", reached: { ...all("2026-03-01"), technical_setup: null } },
    // ends 2026-04-15, everything reached that very day: complete; initial value = 90 days
    { contractStart: "2026-01-15", reached: all("2026-04-15") },
    // ends 2026-05-01 (after `to`): not in April's cohort; initial value on 04-01 = 60 days
    { contractStart: "2026-01-31", reached: { initial_value: "2026-04-01" } },
    // ends 2026-03-31 (before `from`): not in April's cohort
    { contractStart: "2025-12-31", reached: {} },
  ];

  test("completion: accounts whose 90 days ended in the period and reached every stage milestone by then", () => {
    // due: 01-01, 01-30, 01-10, 01-15 → complete: 01-01, 01-15 → 2 / 4
    expect(onboardingCompletion(accounts, APRIL)).toBe(0.5);
  });

  test("time to value: median days to initial value reached in the period", () => {
    // 60, 65, 90 → 65 (01-01's initial value was in February)
    expect(timeToValueDays(accounts, APRIL)).toBe(65);
    // add 01-30 again: 60 65 | 65 90 → 65; drop it instead: 60 | 90 → 75
    expect(timeToValueDays([...accounts, accounts[1]], APRIL)).toBe(65);
    expect(
      timeToValueDays(
        accounts.filter((_, i) => i !== 1),
        APRIL,
      ),
    ).toBe(75);
  });
});

describe("CS cost, ROI and LTV", () => {
  const q2Cost = { periodStart: "2026-04-01", periodEnd: "2026-06-30", amount: "9100.00", grossMarginPct: 80 };

  test("a quarter's entry is prorated by day to a month", () => {
    // 9,100.00 × 30 / 91 days = 3,000.00
    expect(csCostForPeriod([q2Cost], APRIL)).toEqual({ cents: 300_000, coveredDays: 30, grossMarginPct: 80 });
  });

  test("entries either side of the period start add up, margins weighted by days", () => {
    const q1 = { periodStart: "2026-01-01", periodEnd: "2026-03-31", amount: "900.00", grossMarginPct: 70 };
    const q2 = { periodStart: "2026-04-01", periodEnd: "2026-06-30", amount: "910.00", grossMarginPct: 80 };
    // 03-22..03-31: 900.00 × 10 / 90 = 100.00; 04-01..04-10: 910.00 × 10 / 91 = 100.00; margin (70×10 + 80×10) / 20
    expect(csCostForPeriod([q1, q2], { from: "2026-03-22", to: "2026-04-10" })).toEqual({
      cents: 20_000,
      coveredDays: 20,
      grossMarginPct: 75,
    });
  });

  test("no entry covering the period is null, and so are the ratios built on it", () => {
    expect(csCostForPeriod([q2Cost], { from: "2026-07-01", to: "2026-07-31" })).toBeNull();
    const arr = arrFacts({
      startArrCents: 100,
      churnedAccounts: 1,
      startAccounts: 1,
      endArrCents: 100,
      endAccounts: 1,
    });
    expect(csCostPctOfAcv(null, arr)).toBeNull();
    expect(csRoi(null, arr)).toBeNull();
    expect(lifetimeValue(null, arr, APRIL)).toBeNull();
  });

  test("cost as % of ACV and ROI compare a yearly cost rate with ARR", () => {
    const cost = csCostForPeriod([q2Cost], APRIL);
    // start 365,000.00; retained 365,000.00 − 10,000.00 churned = 355,000.00; expansion 10,000.00
    const arr = arrFacts({ startArrCents: 36_500_000, churnedCents: 1_000_000, expansionCents: 1_000_000 });
    // yearly cost = 3,000.00 × 365 / 30 days = 36,500.00 → 36,500 / 365,000 = 0.1
    expect(csCostPctOfAcv(cost, arr)).toBe(0.1);
    // (355,000.00 + 10,000.00) / 36,500.00 = 10 : 1
    expect(csRoi(cost, arr)).toBe(10);
    // an entry covering half the month gives the same yearly rate: 1,500.00 × 365 / 15 = 36,500.00
    const half = csCostForPeriod(
      [{ periodStart: "2026-04-16", periodEnd: "2026-05-15", amount: "3000.00", grossMarginPct: 80 }],
      APRIL,
    );
    expect(half).toEqual({ cents: 150_000, coveredDays: 15, grossMarginPct: 80 });
    expect(csCostPctOfAcv(half, arr)).toBe(0.1);
  });

  test("LTV = average MRR × gross margin / monthly churn", () => {
    const year: Period = { from: "2025-01-01", to: "2025-12-31" };
    const cost = csCostForPeriod(
      [{ periodStart: "2025-01-01", periodEnd: "2025-12-31", amount: "50000.00", grossMarginPct: 80 }],
      year,
    );
    // MRR = 360,000.00 / 12 / 3 = 10,000.00; churn 1 of 4 over 365 days → 0.25 × (365 / 12) / 365 = 0.25 / 12 a month
    // LTV = 10,000.00 × 0.8 / (0.25 / 12) = 8,000 × 48 = 384,000.00
    const arr = arrFacts({ startAccounts: 4, churnedAccounts: 1, endArrCents: 36_000_000, endAccounts: 3 });
    expect(lifetimeValue(cost, arr, year)).toBe(384_000);
    expect(lifetimeValue(cost, { ...arr, churnedAccounts: 0 }, year)).toBeNull();
  });
});

describe("the report", () => {
  const facts = (overrides: Partial<MetricFacts> = {}): MetricFacts => ({
    arr: arrFacts(),
    arrDueForRenewalCents: 0,
    opportunities: { won: 0, lost: 0 },
    bands: { red: 0, yellow: 0, green: 0, purple: 0 },
    onboarding: [],
    nps: [],
    csat: [],
    signatureDays: [],
    referenceContacts: 0,
    csCosts: [],
    ...overrides,
  });

  test("an empty portfolio: every ratio is null, counts are 0", () => {
    const report = computeMetrics(facts(), APRIL);
    expect(report.period).toEqual({ ...APRIL, days: 30 });
    expect(report.csCost).toBeNull();
    expect(Object.entries(report.metrics).filter(([, value]) => value !== null)).toEqual([["referencesGenerated", 0]]);
  });

  test("the Q2 ledger in dollars, with every metric key", () => {
    const report = computeMetrics(
      facts({
        arr: summarizeLedger(LEDGER, Q2),
        arrDueForRenewalCents: 6_000_000,
        signatureDays: tally(12, 40),
        referenceContacts: 2,
      }),
      Q2,
    );
    expect(report.arr).toEqual({
      start: 180_000,
      end: 177_000.25,
      new: 12_000,
      reactivation: 0,
      expansion: 20_000.5,
      contraction: 5_000.25,
      churned: 30_000,
      dueForRenewal: 60_000,
    });
    expect(report.counts).toEqual({ startAccounts: 3, endAccounts: 3, churnedLogos: 1 });
    expect(report.metrics).toMatchObject({
      grr: 0.8056,
      nrr: 0.9167,
      revenueChurnRate: 0.5833,
      timeToSignatureDays: 26,
      referencesVsChurnedLogos: 2,
    });
    expect(Object.keys(report.metrics).sort()).toEqual([...METRIC_KEYS].sort());
  });

  test("the catalogue describes every metric once", () => {
    expect(METRIC_CATALOGUE.map((m) => m.key)).toEqual([...METRIC_KEYS]);
    expect(METRIC_CATALOGUE.find((m) => m.key === "grr")?.target).toMatchObject({ min: 0.9, max: 0.95 });
  });
});
