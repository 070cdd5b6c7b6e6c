// Bowtie's demo data: a deterministic book of customer accounts with everything the product
// reads about them (SPEC §2), built so the health score (SPEC §3) lands in believable bands.
// Pure functions: no I/O, no clock, no Math.random — the same options give the same rows.
//
// Per account, four generators share one plan (account-plan.ts):
//   commercial.ts       contract lines, ARR movements, renewals, expansion opportunities
//   relationship.ts     contacts, touchpoints, QBRs, NPS/CSAT, support tickets
//   usage.ts            one usage row per day
//   success-records.ts  success-plan outcomes, onboarding milestones, offboarding, feedback, overrides
import { planAccount, planContext, type AccountPlan } from "./account-plan";
import { addDays, addMonths } from "./calendar";
import { FEATURES } from "./catalogue";
import { commercialRows, money, type CommercialRows } from "./commercial";
import { IdAllocator, type FirstIds } from "./ids";
import { createRandom, mixSeed } from "./random";
import { relationshipRows } from "./relationship";
import { successRecordRows } from "./success-records";
import type { AccountRow, CsCostRow, DemoData, RockRow, UserIdsByRole } from "./types";
import { usageRows } from "./usage";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import { deriveLifecycleStage } from "@/lib/domain/lifecycle";

export const DEMO_SEED = 20_260_101;
export const DEFAULT_ACCOUNT_COUNT = 150;
/** Months of history the demo shows (a year plus the month before, for year-over-year trends). */
export const HISTORY_MONTHS = 13;

export interface GenerateOptions {
  seed: number;
  /** The UTC calendar day the data ends on (a Date at 00:00Z). */
  today: Date;
  users: UserIdsByRole;
  accountCount?: number;
  /** Ordinal of the first account, for batches: names and external ids continue from there. */
  firstAccountIndex?: number;
  /** Days of usage (and tickets) per account, ending today; default: 13 months. */
  usageDays?: number;
  /** First primary key per table, for writing into tables that already hold rows. */
  firstIds?: FirstIds;
}

export interface GeneratedBatch {
  data: DemoData;
  /** Pass as firstIds to the next batch. */
  nextIds: FirstIds;
}

/** The full demo: the accounts and everything about them, plus CS costs and quarterly rocks. */
export function generateDemoData(options: GenerateOptions): DemoData {
  const { data, nextIds } = generateAccountBatch(options);
  const ids = new IdAllocator(nextIds);
  data.csCosts = csCosts(options, data.accounts, ids);
  data.rocks = rocks(options, ids);
  return data;
}

/**
 * Accounts [firstAccountIndex, firstAccountIndex + accountCount) and their rows. An account
 * comes out the same whichever batch it is generated in (apart from its ids).
 */
export function generateAccountBatch(options: GenerateOptions): GeneratedBatch {
  assertCalendarDay(options.today);
  const { seed, today, users, accountCount = DEFAULT_ACCOUNT_COUNT, firstAccountIndex = 0 } = options;
  const ctx = planContext(seed, today, users);
  const ids = new IdAllocator(options.firstIds);
  const eventsFrom = addDays(addMonths(today, -HISTORY_MONTHS), 1);
  const usageFrom = options.usageDays ? addDays(today, -(options.usageDays - 1)) : eventsFrom;
  const data = emptyDemoData();
  for (let index = firstAccountIndex; index < firstAccountIndex + accountCount; index++) {
    const plan = planAccount(ctx, index, ids.next("accounts"));
    const commercial = commercialRows(plan, ids);
    const relationship = relationshipRows(plan, commercial.seats, ids, eventsFrom, usageFrom);
    const records = successRecordRows(plan, ids, commercial.churnReason);
    data.accounts.push(accountRow(plan, commercial, relationship.lastTouchAt));
    appendDemoData(data, commercial, relationship, records);
    appendDemoData(data, { usageDays: usageRows(plan, commercial.seats, commercial.featureSince, usageFrom) });
  }
  return { data, nextIds: ids.snapshot() };
}

export function emptyDemoData(): DemoData {
  return {
    accounts: [],
    contacts: [],
    contractLines: [],
    usageDays: [],
    supportTickets: [],
    surveyResponses: [],
    touchpoints: [],
    touchpointContacts: [],
    qbrs: [],
    successOutcomes: [],
    onboardingMilestones: [],
    renewals: [],
    expansionOpportunities: [],
    arrMovements: [],
    offboardings: [],
    offboardingItems: [],
    feedbackItems: [],
    sentimentOverrides: [],
    csCosts: [],
    rocks: [],
  };
}

/** Appends every table-named array of the parts to the data (other fields are ignored). */
export function appendDemoData(data: DemoData, ...parts: object[]): void {
  for (const part of parts) {
    for (const [key, rows] of Object.entries(part)) {
      if (!(key in data) || !Array.isArray(rows)) continue;
      const target = data[key as keyof DemoData] as object[];
      // A loop, not push(...rows): spreading 100k+ arguments overflows the stack.
      for (const row of rows) target.push(row);
    }
  }
}

function accountRow(plan: AccountPlan, commercial: CommercialRows, lastTouchAt: Date | null): AccountRow {
  return {
    id: plan.id,
    externalId: plan.externalId,
    name: plan.name,
    domain: plan.domain,
    industry: plan.industry,
    segment: plan.segment,
    plan: plan.plan.name,
    seats: commercial.seats,
    arr: money(commercial.arr),
    contractStart: plan.contractStart,
    renewalDate: plan.renewalDate,
    lifecycleStage: lifecycleStage(plan, commercial.hasOpenExpansion),
    status: plan.churnedAt ? "churned" : "active",
    churnedAt: plan.churnedAt,
    purchasedFeatures: FEATURES.filter((f) => commercial.featureSince.has(f)),
    csmId: plan.csmId,
    aeId: plan.aeId,
    lastTouchAt,
  };
}

/** SPEC §4 stages from the dates, by the same rules as the stage sync (lib/domain/lifecycle.ts). */
function lifecycleStage(plan: AccountPlan, hasOpenExpansion: boolean): LifecycleStage {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return deriveLifecycleStage(
    {
      contractStart: day(plan.contractStart),
      renewalDate: day(plan.renewalDate),
      churnedAt: plan.churnedAt ? day(plan.churnedAt) : null,
      hasOpenExpansion,
    },
    day(plan.today),
  );
}

/** CS cost for the last four complete quarters, at about 12% of ACV (SPEC §5's example). */
function csCosts(options: GenerateOptions, accounts: readonly AccountRow[], ids: IdAllocator): CsCostRow[] {
  const rng = createRandom(mixSeed(options.seed, 0xc05));
  const activeArr = accounts.filter((a) => a.status === "active").reduce((sum, a) => sum + Number(a.arr), 0);
  const quarterStart = startOfQuarter(options.today);
  return [4, 3, 2, 1].map((quartersAgo) => {
    const periodStart = addMonths(quarterStart, -3 * quartersAgo);
    return {
      id: ids.next("csCosts"),
      periodStart,
      periodEnd: addDays(addMonths(periodStart, 3), -1),
      amount: money(Math.round(((activeArr * 0.12) / 4) * rng.float(0.92, 1.08))),
      grossMarginPct: 80,
    };
  });
}

/** This quarter's goals (EOS rocks), including SPEC §5's unhealthy-share example. */
function rocks(options: GenerateOptions, ids: IdAllocator): RockRow[] {
  const { users, today } = options;
  const manager = users.manager?.[0] ?? users.csm[0];
  const dueDate = addDays(addMonths(startOfQuarter(today), 3), -1);
  const rock = (
    title: string,
    ownerId: number,
    status: RockRow["status"],
    metric: Pick<RockRow, "metricKey" | "startValue" | "targetValue"> = {
      metricKey: null,
      startValue: null,
      targetValue: null,
    },
  ): RockRow => ({
    id: ids.next("rocks"),
    title,
    ownerId,
    dueDate,
    status,
    ...metric,
  });
  return [
    // A "%" metric's values are fractions, as the scorecard stores them.
    rock("Cut the unhealthy share of accounts from 34% to 25%", manager, "on_track", {
      metricKey: "unhealthyShare",
      startValue: 0.34,
      targetValue: 0.25,
    }),
    rock("An executive-sponsor touch on every Enterprise account this quarter", users.csm[0], "on_track"),
    rock("Launch the SMB onboarding webinar series", users.csm[1 % users.csm.length], "off_track"),
  ];
}

function startOfQuarter(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) * 3, 1));
}

function assertCalendarDay(day: Date): void {
  if (Number.isNaN(day.getTime()) || day.getTime() % 86_400_000 !== 0) {
    throw new RangeError(`today must be a UTC calendar date (00:00Z), got ${String(day)}`);
  }
}
