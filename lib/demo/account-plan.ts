// Who each demo account is and how healthy it should look: the decisions the other generators
// (commercial, relationship, usage, success records) read. One account's plan depends only on (seed, index,
// today), so any batch of accounts comes out the same as in a full run.
import { addDays, addYears, daysBetween } from "./calendar";
import {
  COMPANY_NAMES,
  PLANS,
  SEASONAL_INDUSTRIES,
  SEGMENT_ECONOMICS,
  type FeatureKey,
  type Plan,
  type PlanKey,
} from "./catalogue";
import { createRandom, mixSeed, spread, type Random } from "./random";
import type { UserIdsByRole } from "./types";
import type { Segment } from "@/lib/generated/prisma/enums";

/** The band an account is built to land in (SPEC §3: green 80+, yellow 60–79, red < 60). */
export type Profile = "thriving" | "watch" | "at_risk";
export type UsagePattern = "growing" | "steady" | "declining" | "dormant" | "seasonal";

const STREAMS = { usage: 1, relationship: 2, commercial: 3, success: 4 } as const;
export type StreamPurpose = keyof typeof STREAMS;

/**
 * How good each health measure should look, as a fraction of the way from its floor (0) to its
 * target (1); values above 1 overshoot the target, which the score clamps.
 */
export interface MeasureLevels {
  activeUsers: number;
  sessionLength: number;
  featureDepth: number;
  featureAdoption: number;
  workflowCompletion: number;
  dataQuality: number;
  integrations: number;
  tickets: number;
  execSponsor: number;
  qbrAttendance: number;
  surveys: number;
  roi: number;
}

export interface UsageShape {
  pattern: UsagePattern;
  /** growing: the level the account started at, as a share of today's. */
  startLevel: number;
  /** declining: how much higher than today usage was a few months ago (0.8 = 80% higher). */
  drop: number;
  /** dormant: the last day with activity. */
  lastActiveDay: Date | null;
  /** seasonal: amplitude and the day of the year usage peaks. */
  amplitude: number;
  peakDay: number;
}

export interface AccountPlan {
  index: number;
  id: number;
  /**
   * A fresh random stream per purpose, so e.g. a shorter usage history (the scale seed) leaves
   * the account's contacts and contracts unchanged.
   */
  stream(purpose: StreamPurpose): Random;
  today: Date;
  externalId: string;
  name: string;
  domain: string;
  industry: string;
  segment: Segment;
  plan: Plan;
  /** Seats bought with the first contract (renewals may change them: see commercial.ts). */
  startSeats: number;
  seatPrice: number;
  /** Add-on modules bought with the first contract. */
  addOns: FeatureKey[];
  contractStart: Date;
  /** The open renewal's date; for churned accounts the renewal at which they left. */
  renewalDate: Date;
  churnedAt: Date | null;
  profile: Profile;
  /** Target overall health, 0..1 (≈ score / 100). */
  health: number;
  levels: MeasureLevels;
  usage: UsageShape;
  /** Green accounts meant to be purple: a reference-willing contact or a recent 9–10 NPS. */
  advocate: boolean;
  hasExecSponsor: boolean;
  csmId: number;
  aeId: number;
}

export interface PlanContext {
  seed: number;
  today: Date;
  users: UserIdsByRole;
  /** Offsets of the low-discrepancy sequences, derived from the seed. */
  offsets: { renewal: number; profile: number; churn: number };
}

export function planContext(seed: number, today: Date, users: UserIdsByRole): PlanContext {
  const rng = createRandom(mixSeed(seed, 0x5eed));
  return { seed, today, users, offsets: { renewal: rng.next(), profile: rng.next(), churn: rng.next() } };
}

// Irrational steps for spread(): each sequence covers [0, 1) evenly and independently.
const GOLDEN = 0.6180339887;
const SQRT2 = 0.4142135624;
const SQRT3 = 0.7320508076;

/** About 8 in 150 accounts have churned (SPEC: churn feeds GRR/NRR and the offboarding flow). */
const CHURNED_SHARE = 0.055;
const OVERDUE_SHARE = 0.03;

export function planAccount(ctx: PlanContext, index: number, id: number): AccountPlan {
  const rng = createRandom(mixSeed(ctx.seed, index));
  const { name, industry, domain } = companyIdentity(ctx.seed, index);
  const segment = rng.weighted<Segment>({ enterprise: 0.22, mid_market: 0.36, smb: 0.42 });
  const churned = spread(index, SQRT3, ctx.offsets.churn) < CHURNED_SHARE;
  const dates = churned ? churnedDates(ctx.today, rng) : activeDates(ctx, index, rng);
  const profile = churned ? "at_risk" : profileFor(spread(index, SQRT2, ctx.offsets.profile));
  const health = healthFor(profile, rng);
  const ageDays = daysBetween(dates.contractStart, ctx.today);
  const economics = SEGMENT_ECONOMICS[segment];
  const plan = PLANS[planFor(segment, rng)];
  return {
    index,
    id,
    stream: (purpose) => createRandom(mixSeed(ctx.seed, index, STREAMS[purpose])),
    today: ctx.today,
    externalId: `CRM-${String(index + 1).padStart(6, "0")}`,
    name,
    domain,
    industry,
    segment,
    plan,
    startSeats: rng.int(...economics.seats),
    seatPrice: Math.round(rng.float(...economics.seatPrice)),
    addOns: plan.addOns.filter(() => rng.chance(economics.addOnOdds)),
    ...dates,
    profile,
    health,
    levels: measureLevels(health, rng),
    usage: usageShape(profile, industry, ageDays, dates.churnedAt, ctx.today, rng),
    advocate: profile === "thriving" && rng.chance(0.35),
    hasExecSponsor: profile !== "at_risk" || rng.chance(0.7),
    csmId: pickOwner(ctx.users.csm, index, rng),
    aeId: pickOwner(ctx.users.ae, index, rng),
  };
}

/** Names cycle through the 1,000 combinations in a seed-shuffled order; later cycles get a number. */
function companyIdentity(seed: number, index: number): { name: string; industry: string; domain: string } {
  const order = shuffledNameOrder(seed);
  const base = COMPANY_NAMES[order[index % order.length]];
  const cycle = Math.floor(index / order.length);
  const name = cycle === 0 ? base.name : `${base.name} ${cycle + 1}`;
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`;
  return { name, industry: base.industry, domain };
}

const nameOrders = new Map<number, number[]>();
function shuffledNameOrder(seed: number): number[] {
  let order = nameOrders.get(seed);
  if (!order) {
    order = createRandom(mixSeed(seed, 0x4a3e)).shuffle(COMPANY_NAMES.map((_, i) => i));
    nameOrders.set(seed, order);
  }
  return order;
}

/**
 * Active accounts renew on their contract anniversary. Renewal days are spread evenly over the
 * coming year, so every 30/60/90-day window holds several; a few renewals are already overdue.
 */
function activeDates(ctx: PlanContext, index: number, rng: Random) {
  const overdue = rng.chance(OVERDUE_SHARE);
  const daysAhead = overdue ? -rng.int(3, 25) : 1 + Math.floor(spread(index, GOLDEN, ctx.offsets.renewal) * 365);
  const renewalDate = addDays(ctx.today, daysAhead);
  const u = rng.next();
  const termsSoFar = u < 0.35 ? 1 : u < 0.7 ? 2 : 3;
  return { renewalDate, contractStart: addYears(renewalDate, -termsSoFar), churnedAt: null };
}

/** Churned accounts left at a renewal in the last eleven months, after one or two years. */
function churnedDates(today: Date, rng: Random) {
  const churnedAt = addDays(today, -rng.int(20, 330));
  return { renewalDate: churnedAt, contractStart: addYears(churnedAt, -rng.int(1, 2)), churnedAt };
}

function profileFor(u: number): Profile {
  if (u < 0.48) return "thriving";
  if (u < 0.78) return "watch";
  return "at_risk";
}

function planFor(segment: Segment, rng: Random): PlanKey {
  if (segment === "enterprise") return "enterprise";
  if (segment === "mid_market") return rng.chance(0.3) ? "enterprise" : "professional";
  return rng.chance(0.35) ? "professional" : "starter";
}

function healthFor(profile: Profile, rng: Random): number {
  if (profile === "thriving") return rng.float(0.9, 1.12);
  if (profile === "watch") return rng.float(0.62, 0.76);
  return rng.float(0.15, 0.5);
}

/** Each measure scatters around the account's health, so accounts differ in where they are weak. */
function measureLevels(health: number, rng: Random): MeasureLevels {
  const around = () => Math.max(0, health + (rng.next() + rng.next() + rng.next() - 1.5) * 0.25);
  return {
    activeUsers: around(),
    sessionLength: around(),
    featureDepth: around(),
    featureAdoption: around(),
    workflowCompletion: around(),
    dataQuality: around(),
    integrations: around(),
    tickets: around(),
    execSponsor: around(),
    qbrAttendance: around(),
    surveys: around(),
    roi: around(),
  };
}

function usageShape(
  profile: Profile,
  industry: string,
  ageDays: number,
  churnedAt: Date | null,
  today: Date,
  rng: Random,
): UsageShape {
  const shape: UsageShape = {
    pattern: patternFor(profile, industry, ageDays, churnedAt !== null, rng),
    startLevel: rng.float(0.35, 0.65),
    drop: rng.float(0.6, 1.2),
    lastActiveDay: null,
    amplitude: rng.float(0.25, 0.45),
    peakDay: rng.int(0, 364),
  };
  if (shape.pattern === "dormant") {
    // Usage stopped a while ago (for churned accounts, before they left).
    const end = churnedAt ?? today;
    shape.lastActiveDay = addDays(end, -rng.int(35, Math.min(120, Math.max(35, ageDays - 30))));
  }
  return shape;
}

function patternFor(profile: Profile, industry: string, ageDays: number, churned: boolean, rng: Random): UsagePattern {
  if (churned) return rng.chance(0.6) ? "declining" : "dormant";
  // New customers are still ramping up; a struggling one has stalled rather than declined.
  if (ageDays < 120) return profile === "at_risk" ? "steady" : "growing";
  if (SEASONAL_INDUSTRIES.has(industry) && profile !== "at_risk" && rng.chance(0.6)) return "seasonal";
  if (profile === "thriving") return rng.weighted<UsagePattern>({ growing: 0.4, steady: 0.45, seasonal: 0.15 });
  if (profile === "watch") return rng.weighted<UsagePattern>({ steady: 0.5, seasonal: 0.2, declining: 0.3 });
  return rng.weighted<UsagePattern>({ declining: 0.5, dormant: 0.3, steady: 0.2 });
}

/** Books are balanced: accounts go round-robin to owners, with a little randomness. */
function pickOwner(ids: readonly number[], index: number, rng: Random): number {
  if (ids.length === 0) throw new Error("The demo needs at least one CSM and one AE to own accounts.");
  return rng.chance(0.8) ? ids[index % ids.length] : rng.pick(ids);
}
