// The money side of one account: contract lines, ARR movements, renewals and expansion
// opportunities, all derived from one timeline of events so they agree with each other —
// the lines in force on any day sum to the ARR the movements add up to on that day.
import { lossProbability } from "./renewal-outcomes";
import type { AccountPlan } from "./account-plan";
import { addDays, addYears, daysBetween, minDate } from "./calendar";
import { ADD_ON_NAMES, CHURN_REASONS, type FeatureKey } from "./catalogue";
import type { IdAllocator } from "./ids";
import type { Random } from "./random";
import type { ArrMovementRow, ContractLineRow, ExpansionOpportunityRow, RenewalRow } from "./types";
import type { ExpansionType, RenewalForecast, RenewalOutcome } from "@/lib/generated/prisma/enums";
import { OPEN_STAGES } from "@/lib/domain/expansion";

export interface CommercialRows {
  contractLines: ContractLineRow[];
  arrMovements: ArrMovementRow[];
  renewals: RenewalRow[];
  expansionOpportunities: ExpansionOpportunityRow[];
  /** ARR and seats in force today (for churned accounts: the day before they left). */
  arr: number;
  seats: number;
  /** Every purchased feature and the day it was bought. */
  featureSince: Map<FeatureKey, Date>;
  hasOpenExpansion: boolean;
  /** Taxonomy key of the churn reason (churned accounts only). */
  churnReason: string | null;
}

/** Add-on modules are priced at this share of the base seat price. */
const ADD_ON_PRICE_SHARE = 0.15;

interface Line {
  product: string;
  seats: number;
  price: number;
  start: Date;
  end: Date;
}

type ContractEvent = { kind: "anniversary"; day: Date } | { kind: "add_on"; day: Date; feature: FeatureKey };

export function commercialRows(plan: AccountPlan, ids: IdAllocator): CommercialRows {
  const rng = plan.stream("commercial");
  const history = new ContractHistory(plan, rng, ids);
  for (const event of contractEvents(plan, rng)) {
    if (event.kind === "anniversary") history.renew(event.day);
    else history.addModule(event.feature, event.day);
  }
  const churnReason = plan.churnedAt ? history.churn(plan.churnedAt) : null;
  if (!plan.churnedAt) history.openRenewal();
  const hasOpenExpansion = !plan.churnedAt && history.maybeOpenExpansion();
  return {
    contractLines: history.lines.map((line) => ({
      id: ids.next("contractLines"),
      accountId: plan.id,
      product: line.product,
      seats: line.seats,
      price: money(line.price),
      startDate: line.start,
      endDate: line.end,
    })),
    arrMovements: history.movements,
    renewals: history.renewals,
    expansionOpportunities: history.opportunities,
    arr: history.arrOn(history.asOf),
    seats: history.baseSeats,
    featureSince: history.featureSince,
    hasOpenExpansion,
    churnReason,
  };
}

/** Past renewals at each contract anniversary, and for some thriving accounts a module bought mid-term. */
function contractEvents(plan: AccountPlan, rng: Random): ContractEvent[] {
  const events: ContractEvent[] = [];
  for (let k = 1; addYears(plan.contractStart, k) < plan.renewalDate; k++) {
    events.push({ kind: "anniversary", day: addYears(plan.contractStart, k) });
  }
  const latestDay =
    Math.min(daysBetween(plan.contractStart, plan.today), daysBetween(plan.contractStart, plan.renewalDate)) - 30;
  const candidates = modulesNotBought(plan);
  if (plan.profile === "thriving" && latestDay > 170 && candidates.length > 0 && rng.chance(0.3)) {
    const day = addDays(plan.contractStart, rng.int(120, latestDay));
    events.push({ kind: "add_on", day, feature: rng.pick(candidates) });
  }
  return events.sort((a, b) => a.day.getTime() - b.day.getTime());
}

class ContractHistory {
  readonly lines: Line[] = [];
  readonly movements: ArrMovementRow[] = [];
  readonly renewals: RenewalRow[] = [];
  readonly opportunities: ExpansionOpportunityRow[] = [];
  readonly featureSince = new Map<FeatureKey, Date>();
  baseSeats: number;
  private currentBase: Line;
  /** Where the contract's current term ends (inclusive). */
  private readonly termEnd: Date;
  /** ARR "today": an overdue renewal's lapsed term still counts while it is negotiated. */
  readonly asOf: Date;

  constructor(
    private readonly plan: AccountPlan,
    private readonly rng: Random,
    private readonly ids: IdAllocator,
  ) {
    const start = plan.contractStart;
    this.termEnd = addDays(plan.renewalDate, -1);
    this.asOf = minDate(plan.today, this.termEnd);
    this.baseSeats = plan.startSeats;
    this.currentBase = this.baseLine(plan.startSeats, start);
    this.lines.push(this.currentBase);
    for (const feature of plan.plan.features) this.featureSince.set(feature, start);
    for (const feature of plan.addOns) {
      this.lines.push(this.moduleLine(feature, start));
      this.featureSince.set(feature, start);
    }
    this.move("new", this.arrOn(start), start, `New ${plan.plan.name} contract`);
  }

  arrOn(day: Date): number {
    return this.lines.filter((l) => l.start <= day && day <= l.end).reduce((sum, l) => sum + l.price, 0);
  }

  /** A past renewal: flat, with more seats (thriving), or fewer (docs/health-backtest-demo.md). */
  renew(day: Date): void {
    const before = this.arrOn(addDays(day, -1));
    const change = this.seatChange();
    if (change !== 0) this.changeSeats(day, change);
    const after = this.arrOn(day);
    const outcome: RenewalOutcome = change > 0 ? "expanded" : change < 0 ? "downgraded" : "renewed";
    const started = addDays(day, -this.rng.int(75, 95));
    this.renewals.push({
      id: this.ids.next("renewals"),
      accountId: this.plan.id,
      renewalDate: day,
      status: "closed",
      forecast: change < 0 ? "at_risk" : "commit",
      arr: money(before),
      processStartedAt: started,
      outcome,
      newArr: money(after),
      signedAt: minDate(addDays(started, this.rng.int(8, 50)), this.plan.today),
      churnReason: null,
    });
  }

  addModule(feature: FeatureKey, day: Date): void {
    const line = this.moduleLine(feature, day);
    this.lines.push(line);
    this.featureSince.set(feature, day);
    this.move("expansion", line.price, day, `Added ${line.product}`);
    this.wonOpportunity("add_on", `${ADD_ON_NAMES[feature]} upsell`, line.price, day);
  }

  /** The account left at its renewal: the renewal closes as churned and its ARR leaves. */
  churn(day: Date): string {
    const arr = this.arrOn(addDays(day, -1));
    const [reasonKey, reasonLabel] = this.rng.pick(CHURN_REASONS);
    this.move("churn", -arr, day, `Churned: ${reasonLabel}`);
    this.renewals.push({
      id: this.ids.next("renewals"),
      accountId: this.plan.id,
      renewalDate: day,
      status: "closed",
      forecast: this.rng.chance(0.5) ? "lost" : "at_risk",
      arr: money(arr),
      processStartedAt: addDays(day, -this.rng.int(60, 95)),
      outcome: "churned",
      newArr: money(0),
      signedAt: null,
      churnReason: reasonKey,
    });
    return reasonKey;
  }

  /**
   * Every active account has one open renewal. AEs forecast most renewals within 120 days and
   * some later ones; the process starts when the 90-day window opens.
   */
  openRenewal(): void {
    const { plan, rng } = this;
    const daysAway = daysBetween(plan.today, plan.renewalDate);
    const forecast = rng.chance(daysAway <= 120 ? 0.9 : 0.3) ? forecastFor(plan.health + rng.float(-0.1, 0.1)) : null;
    const windowOpens = addDays(plan.renewalDate, -90 + rng.int(0, 10));
    this.renewals.push({
      id: this.ids.next("renewals"),
      accountId: plan.id,
      renewalDate: plan.renewalDate,
      status: "open",
      forecast,
      arr: money(this.arrOn(this.asOf)),
      processStartedAt: daysAway <= 90 ? minDate(windowOpens, plan.today) : null,
      outcome: null,
      newArr: null,
      signedAt: null,
      churnReason: null,
    });
  }

  /** Healthy accounts are where upsell triggers fire (SPEC §4 expansion); a few deals were lost. */
  maybeOpenExpansion(): boolean {
    const { plan, rng } = this;
    if (rng.chance(0.05)) {
      const closed = addDays(plan.today, -rng.int(30, 200));
      this.opportunity(
        "training",
        "Admin training package",
        this.arrOn(this.asOf) * 0.05,
        "lost",
        addDays(closed, -40),
        closed,
      );
    }
    const odds = { thriving: 0.35, watch: 0.08, at_risk: 0 }[plan.profile];
    if (!rng.chance(odds)) return false;
    const modules = modulesNotBought(plan).filter((f) => !this.featureSince.has(f));
    const type = rng.weighted<ExpansionType>({
      seats: 0.35,
      tier: plan.plan.name === "Enterprise" ? 0 : 0.2,
      add_on: modules.length > 0 ? 0.25 : 0,
      services: 0.1,
      training: 0.1,
    });
    const title = type === "add_on" ? `${ADD_ON_NAMES[rng.pick(modules)]} upsell` : EXPANSION_TITLES[type];
    const arr = this.arrOn(this.asOf) * rng.float(0.08, 0.3);
    this.opportunity(type, title, arr, "open", addDays(plan.today, -rng.int(3, 75)), null);
    return true;
  }

  private seatChange(): number {
    const { plan, rng, baseSeats } = this;
    if (plan.profile === "thriving" && rng.chance(0.4)) return Math.max(1, Math.round(baseSeats * rng.float(0.1, 0.3)));
    return rng.chance(lossProbability(plan)) ? -Math.max(1, Math.round(baseSeats * rng.float(0.08, 0.25))) : 0;
  }

  /** Seat changes end the current base line and start a new one, so history stays reconstructible. */
  private changeSeats(day: Date, change: number): void {
    this.currentBase.end = addDays(day, -1);
    this.baseSeats += change;
    this.currentBase = this.baseLine(this.baseSeats, day);
    this.lines.push(this.currentBase);
    const amount = change * this.plan.seatPrice;
    if (change > 0) {
      this.move("expansion", amount, day, `Renewed with ${change} more seats`);
      this.wonOpportunity("seats", "Seat expansion at renewal", amount, day);
    } else {
      this.move("contraction", amount, day, `Renewed with ${-change} fewer seats`);
    }
  }

  private baseLine(seats: number, start: Date): Line {
    return {
      product: `${this.plan.plan.name} plan`,
      seats,
      price: seats * this.plan.seatPrice,
      start,
      end: this.termEnd,
    };
  }

  private moduleLine(feature: FeatureKey, start: Date): Line {
    const price = Math.round(this.baseSeats * this.plan.seatPrice * ADD_ON_PRICE_SHARE);
    return { product: ADD_ON_NAMES[feature], seats: this.baseSeats, price, start, end: this.termEnd };
  }

  private move(type: ArrMovementRow["type"], amount: number, date: Date, note: string): void {
    this.movements.push({
      id: this.ids.next("arrMovements"),
      accountId: this.plan.id,
      type,
      amount: money(amount),
      date,
      note,
    });
  }

  private wonOpportunity(type: ExpansionType, title: string, arr: number, closedAt: Date): void {
    this.opportunity(type, title, arr, "won", addDays(closedAt, -this.rng.int(20, 60)), closedAt);
  }

  private opportunity(
    type: ExpansionType,
    title: string,
    arr: number,
    status: ExpansionOpportunityRow["status"],
    createdAt: Date,
    closedAt: Date | null,
  ): void {
    this.opportunities.push({
      id: this.ids.next("expansionOpportunities"),
      accountId: this.plan.id,
      key: `exp-${this.opportunities.length + 1}`,
      title,
      type,
      arr: money(Math.round(arr)),
      status,
      // Open demo deals are spread over the pipeline's open stages.
      stage: status === "open" ? OPEN_STAGES[this.opportunities.length % OPEN_STAGES.length] : status,
      createdAt,
      closedAt,
    });
  }
}

const EXPANSION_TITLES: Record<Exclude<ExpansionType, "add_on">, string> = {
  seats: "Seat expansion for new teams",
  tier: "Upgrade to the next plan",
  services: "Professional services: workflow redesign",
  training: "Admin training package",
};

function modulesNotBought(plan: AccountPlan): FeatureKey[] {
  return plan.plan.addOns.filter((f) => !plan.addOns.includes(f));
}

function forecastFor(likelihood: number): RenewalForecast {
  if (likelihood >= 0.8) return "commit";
  if (likelihood >= 0.6) return "likely";
  if (likelihood >= 0.3) return "at_risk";
  return "lost";
}

export function money(amount: number): string {
  return amount.toFixed(2);
}
