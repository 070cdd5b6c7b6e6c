// The people side of one account: contacts, touchpoints on the segment's cadence, QBRs/EBRs,
// NPS and CSAT responses and support tickets. The plan's measure levels decide how recent the
// last executive-sponsor touch is, how many reviews were attended, how surveys come out and
// how many tickets the account raises (SPEC §3 relationship measures and ticket volume).
import type { AccountPlan } from "./account-plan";
import { addDays, daysBetween, isoDate, maxDate } from "./calendar";
import {
  FIRST_NAMES,
  LAST_NAMES,
  QBR_CHECKLIST,
  SURVEY_COMMENTS,
  TICKET_SUBJECTS,
  TITLES,
  TOUCHPOINT_NOTES,
} from "./catalogue";
import type { IdAllocator } from "./ids";
import type { Random } from "./random";
import type {
  ContactRow,
  QbrRow,
  SupportTicketRow,
  SurveyResponseRow,
  TouchpointContactRow,
  TouchpointRow,
} from "./types";
import { shapeAt } from "./usage";
import type { Segment, TicketPriority, TouchpointType, Sentiment } from "@/lib/generated/prisma/enums";

export interface RelationshipRows {
  contacts: ContactRow[];
  touchpoints: TouchpointRow[];
  touchpointContacts: TouchpointContactRow[];
  qbrs: QbrRow[];
  surveyResponses: SurveyResponseRow[];
  supportTickets: SupportTicketRow[];
  /** The latest touchpoint, for the account's lastTouchAt. */
  lastTouchAt: Date | null;
}

interface People {
  all: ContactRow[];
  execSponsor: ContactRow | null;
  champion: ContactRow;
  decisionMaker: ContactRow | null;
}

/** QBR/EBR reviews per year by segment (SPEC §3: Enterprise 4, Mid-Market 2, SMB none). */
const REVIEWS_PER_YEAR: Record<Segment, number> = { enterprise: 4, mid_market: 2, smb: 0 };

/**
 * `seats` are the account's current seats. `eventsFrom` bounds touchpoints and surveys,
 * `ticketsFrom` bounds tickets (the scale seed keeps a year of relationship history but only
 * its short usage window of tickets).
 */
export function relationshipRows(
  plan: AccountPlan,
  seats: number,
  ids: IdAllocator,
  eventsFrom: Date,
  ticketsFrom: Date,
): RelationshipRows {
  const rng = plan.stream("relationship");
  const people = contacts(plan, rng, ids);
  const log = new TouchpointLog(plan, ids);
  const end = plan.churnedAt ?? plan.today;
  regularTouches(plan, rng, people, maxDate(eventsFrom, plan.contractStart), end, log);
  reviewsAndExecTouch(plan, rng, people, eventsFrom, end, log);
  const qbrs = [...log.qbrs, ...upcomingReview(plan, rng, ids, log.lastReview())];
  const supportTickets = tickets(plan, seats, rng, ids, maxDate(ticketsFrom, plan.contractStart), end);
  const surveyResponses = [
    ...npsResponses(plan, rng, ids, people, eventsFrom, end),
    ...csatResponses(plan, rng, ids, people, supportTickets, end),
  ];
  return {
    contacts: people.all,
    touchpoints: log.touchpoints,
    touchpointContacts: log.links,
    qbrs,
    surveyResponses,
    supportTickets,
    lastTouchAt: log.lastTouch(),
  };
}

// ----------------------------------------------------------------------------------------------
// Contacts

function contacts(plan: AccountPlan, rng: Random, ids: IdAllocator): People {
  const count = { enterprise: rng.int(6, 10), mid_market: rng.int(4, 6), smb: rng.int(2, 4) }[plan.segment];
  const emails = new Set<string>();
  const person = (title: string, flags: Partial<ContactRow> = {}): ContactRow => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const local = `${first}.${last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "");
    let email = `${local}@${plan.domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${plan.domain}`;
    emails.add(email);
    return {
      id: ids.next("contacts"),
      accountId: plan.id,
      name: `${first} ${last}`,
      email,
      title,
      execSponsor: false,
      champion: false,
      decisionMaker: false,
      // Only advocates (and a few yellow accounts) volunteer as references, so purple stays special.
      referenceWilling: false,
      lastTouchAt: null,
      ...flags,
    };
  };
  const smb = plan.segment === "smb";
  const execSponsor = plan.hasExecSponsor
    ? person(rng.pick(smb ? TITLES.smbExecSponsor : TITLES.execSponsor), { execSponsor: true, decisionMaker: smb })
    : null;
  const champion = person(rng.pick(TITLES.champion), { champion: true });
  const decisionMaker = execSponsor?.decisionMaker
    ? null
    : person(rng.pick(TITLES.decisionMaker), { decisionMaker: true });
  const all = [execSponsor, champion, decisionMaker].filter((c): c is ContactRow => c !== null);
  while (all.length < count) all.push(person(rng.pick(TITLES.user)));
  if (plan.advocate ? rng.chance(0.5) : plan.profile === "watch" && rng.chance(0.1)) champion.referenceWilling = true;
  return { all, execSponsor, champion, decisionMaker };
}

// ----------------------------------------------------------------------------------------------
// Touchpoints

/** Collects touchpoints with their contacts and keeps each contact's lastTouchAt current. */
class TouchpointLog {
  readonly touchpoints: TouchpointRow[] = [];
  readonly links: TouchpointContactRow[] = [];
  readonly qbrs: QbrRow[] = [];

  constructor(
    private readonly plan: AccountPlan,
    private readonly ids: IdAllocator,
  ) {}

  add(
    type: TouchpointType,
    day: Date,
    present: readonly ContactRow[],
    notes: string,
    attended: boolean | null = null,
  ): TouchpointRow {
    const touchpoint: TouchpointRow = {
      id: this.ids.next("touchpoints"),
      accountId: this.plan.id,
      type,
      occurredAt: day,
      attended,
      notes,
      createdById: this.plan.csmId,
      createdAt: day,
    };
    this.touchpoints.push(touchpoint);
    for (const contact of new Set(present)) {
      this.links.push({ touchpointId: touchpoint.id, contactId: contact.id });
      if (!contact.lastTouchAt || contact.lastTouchAt < day) contact.lastTouchAt = day;
    }
    return touchpoint;
  }

  addReview(type: "qbr" | "ebr", day: Date, present: readonly ContactRow[], attended: boolean, notes: string): void {
    const touchpoint = this.add(type, day, attended ? present : [], notes, attended);
    this.qbrs.push({
      id: this.ids.next("qbrs"),
      accountId: this.plan.id,
      kind: type,
      scheduledFor: day,
      status: attended ? "held" : "cancelled",
      checklist: checklist(attended ? QBR_CHECKLIST.length : 2),
      touchpointId: touchpoint.id,
    });
  }

  lastReview(): Date | null {
    return this.qbrs.reduce<Date | null>((last, q) => (!last || q.scheduledFor > last ? q.scheduledFor : last), null);
  }

  lastTouch(): Date | null {
    return this.touchpoints.reduce<Date | null>(
      (last, t) => (!last || t.occurredAt > last ? t.occurredAt : last),
      null,
    );
  }
}

function checklist(done: number): Record<string, boolean> {
  return Object.fromEntries(QBR_CHECKLIST.map((key, i) => [key, i < done]));
}

/**
 * SPEC §4 cadence: Enterprise weekly check-ins for the first 90 days, then monthly calls and
 * meetings; Mid-Market a shared CSM every month or so; SMB tech touch (automated emails).
 * Struggling accounts skip more of them.
 */
function regularTouches(
  plan: AccountPlan,
  rng: Random,
  people: People,
  from: Date,
  end: Date,
  log: TouchpointLog,
): void {
  const keep = 0.6 + 0.4 * Math.min(1, plan.health);
  const onboardingEnd = addDays(plan.contractStart, 90);
  for (let day = plan.contractStart; day <= end;) {
    const onboarding = day < onboardingEnd;
    const type = touchType(plan.segment, onboarding, rng);
    if (day >= from && rng.chance(keep)) {
      const present = type === "email" || rng.chance(0.5) ? [people.champion] : [people.champion, rng.pick(people.all)];
      log.add(
        type,
        day,
        present.filter((c) => !c.execSponsor),
        rng.pick(TOUCHPOINT_NOTES[type]),
      );
    }
    day = addDays(day, touchInterval(plan.segment, onboarding, rng));
  }
}

function touchType(segment: Segment, onboarding: boolean, rng: Random): TouchpointType {
  if (segment === "smb") return onboarding || rng.chance(0.8) ? "email" : "call";
  if (onboarding) return "check_in";
  if (segment === "enterprise") return rng.pick(["call", "meeting", "check_in"] as const);
  return rng.pick(["call", "email", "check_in"] as const);
}

function touchInterval(segment: Segment, onboarding: boolean, rng: Random): number {
  if (onboarding) return segment === "enterprise" ? 7 : 14;
  if (segment === "enterprise") return rng.int(25, 35);
  if (segment === "mid_market") return rng.int(35, 50);
  return rng.int(28, 32);
}

/**
 * QBRs/EBRs on the segment's cadence, attended as often as the plan says, with the executive
 * sponsor present only up to the account's last exec touch; then that last exec touch itself
 * (30 → 120 days ago: the measure's target → floor).
 */
function reviewsAndExecTouch(
  plan: AccountPlan,
  rng: Random,
  people: People,
  from: Date,
  end: Date,
  log: TouchpointLog,
): void {
  const { levels } = plan;
  const execGap = Math.max(2, Math.round(30 + 90 * (1 - Math.min(1.15, levels.execSponsor))) + rng.int(-5, 5));
  const lastExecDay = addDays(end, -execGap);
  const perYear = REVIEWS_PER_YEAR[plan.segment];
  const attendance = Math.min(1, 0.1 + 0.9 * levels.qbrAttendance);
  reviewDays(plan, rng, end).forEach((day, n) => {
    if (day < from) return;
    const present = [people.champion];
    if (people.execSponsor && day <= lastExecDay) present.push(people.execSponsor);
    if (people.decisionMaker && rng.chance(0.5)) present.push(people.decisionMaker);
    const type = perYear === 4 && n % 4 === 3 ? "ebr" : "qbr";
    log.addReview(type, day, present, rng.chance(attendance), rng.pick(TOUCHPOINT_NOTES[type]));
  });
  const sponsor = people.execSponsor;
  if (!sponsor) return;
  const start = maxDate(from, plan.contractStart);
  const type = plan.segment === "smb" ? "call" : "meeting";
  const kickoff = addDays(plan.contractStart, rng.int(0, 7));
  if (plan.contractStart >= from && kickoff <= end) log.add(type, kickoff, [sponsor, people.champion], KICKOFF_NOTE);
  if (plan.profile === "at_risk" && !rng.chance(0.4)) return;
  // Touches spaced about twice the planned gap apart keep the recency near the gap at any date,
  // so the score 30 days ago (the trend) is as good as today's.
  for (let day = lastExecDay; day >= start; day = addDays(day, -rng.int(execGap + 10, 2 * execGap + 25))) {
    log.add(type, day, [sponsor, people.champion], rng.pick(TOUCHPOINT_NOTES.meeting));
  }
}

const KICKOFF_NOTE = "Kickoff call: goals, implementation plan and success metrics agreed";

function reviewDays(plan: AccountPlan, rng: Random, end: Date): Date[] {
  const perYear = REVIEWS_PER_YEAR[plan.segment];
  if (perYear === 0) return [];
  const interval = Math.round(365 / perYear);
  const days: Date[] = [];
  const first = addDays(plan.contractStart, interval - rng.int(0, 14));
  for (let k = 0; ; k++) {
    const day = addDays(first, k * interval + rng.int(-7, 7));
    if (day > end) return days;
    days.push(day);
  }
}

/** The next review on the calendar for active Enterprise and Mid-Market accounts. */
function upcomingReview(plan: AccountPlan, rng: Random, ids: IdAllocator, lastReview: Date | null): QbrRow[] {
  const perYear = REVIEWS_PER_YEAR[plan.segment];
  if (perYear === 0 || plan.churnedAt) return [];
  const interval = Math.round(365 / perYear);
  let day = addDays(lastReview ?? plan.contractStart, interval);
  if (day <= plan.today) day = addDays(plan.today, rng.int(5, 20));
  const daysAway = daysBetween(plan.today, day);
  return [
    {
      id: ids.next("qbrs"),
      accountId: plan.id,
      kind: "qbr",
      scheduledFor: day,
      status: "scheduled",
      checklist: checklist(daysAway <= 21 ? rng.int(1, 4) : 0),
      touchpointId: null,
    },
  ];
}

// ----------------------------------------------------------------------------------------------
// Support tickets

/** Monthly ticket ceilings: beyond these, a support team would have escalated long ago. */
const MAX_TICKETS_PER_MONTH: Record<Segment, number> = { enterprise: 12, mid_market: 6, smb: 3 };

/**
 * Ticket volume per 30 days ≈ seats / 10 × (0.4 → 4.0): the inverse measure's target → floor,
 * so healthier accounts file fewer (capped per segment).
 */
function tickets(
  plan: AccountPlan,
  seats: number,
  rng: Random,
  ids: IdAllocator,
  from: Date,
  end: Date,
): SupportTicketRow[] {
  const quiet = Math.min(1, plan.levels.tickets);
  const perMonth = Math.min(MAX_TICKETS_PER_MONTH[plan.segment], (seats / 10) * (0.4 + 3.6 * (1 - quiet)));
  const rows: SupportTicketRow[] = [];
  for (let day = from; day <= end; day = addDays(day, 1)) {
    const rate = (perMonth / 30) * (shapeAt(plan, day, end) === 0 ? 0.1 : 1);
    const count = Math.floor(rate) + (rng.chance(rate - Math.floor(rate)) ? 1 : 0);
    for (let i = 0; i < count; i++) rows.push(ticket(plan, rng, ids, day, end, rows.length + 1));
  }
  return rows;
}

function ticket(plan: AccountPlan, rng: Random, ids: IdAllocator, day: Date, end: Date, n: number): SupportTicketRow {
  const h = Math.min(1, plan.health);
  const priority = rng.weighted<TicketPriority>({
    low: 0.1 + 0.2 * h,
    normal: 0.5,
    high: 0.3 - 0.13 * h,
    urgent: 0.15 - 0.12 * h,
  });
  const sentiment = rng.weighted<Sentiment>({ positive: 0.5 * h, neutral: 0.4, negative: 0.05 + 0.6 * (1 - h) });
  const resolveDays = priority === "urgent" ? rng.int(0, 2) : rng.int(0, 12);
  const closedAt = addDays(day, resolveDays);
  return {
    id: ids.next("supportTickets"),
    accountId: plan.id,
    externalId: `ZD-${plan.index + 1}-${n}`,
    subject: rng.pick(TICKET_SUBJECTS[sentiment]),
    openedAt: day,
    closedAt: closedAt <= end ? closedAt : plan.churnedAt ? end : null,
    priority,
    sentiment,
  };
}

// ----------------------------------------------------------------------------------------------
// Surveys

/**
 * NPS campaigns every six months. Promoters and detractors are drawn so the account NPS lands
 * between the measure's floor (−20) and target (50) per the plan. Thriving accounts that are
 * not meant to be purple skipped the latest campaign: a 9–10 within 180 days would make them so.
 */
function npsResponses(
  plan: AccountPlan,
  rng: Random,
  ids: IdAllocator,
  people: People,
  from: Date,
  end: Date,
): SurveyResponseRow[] {
  const rows: SurveyResponseRow[] = [];
  const promoterAdvocate = plan.advocate && !people.champion.referenceWilling;
  const earliest = maxDate(from, addDays(plan.contractStart, 45));
  const latest = addDays(end, -rng.int(10, 70));
  for (let campaign = 0, day = latest; day >= earliest; campaign++, day = addDays(latest, -182 * campaign)) {
    if (campaign === 0 && plan.profile === "thriving" && !promoterAdvocate) continue;
    const respondents = rng.shuffle(people.all).slice(0, rng.int(1, plan.segment === "enterprise" ? 4 : 2));
    respondents.forEach((contact, i) => {
      const score = campaign === 0 && promoterAdvocate && i === 0 ? rng.int(9, 10) : npsScore(rng, plan.levels.surveys);
      const respondedAt = addDays(day, rng.int(0, 6));
      if (respondedAt > end) return;
      rows.push({
        id: ids.next("surveyResponses"),
        accountId: plan.id,
        contactId: contact.id,
        type: "nps",
        score,
        respondedAt,
        comment: rng.chance(0.4) ? npsComment(rng, score) : null,
        externalId: `nps-${isoDate(respondedAt)}-${contact.id}`,
      });
    });
  }
  return rows;
}

function npsScore(rng: Random, level: number): number {
  const promoter = Math.min(0.95, 0.1 + 0.7 * level);
  const detractor = Math.max(0, 0.55 - 0.55 * level);
  const u = rng.next();
  if (u < promoter) return rng.int(9, 10);
  if (u < promoter + detractor) return rng.int(level < 0.3 ? 0 : 3, 6);
  return rng.int(7, 8);
}

function npsComment(rng: Random, score: number): string {
  if (score >= 9) return rng.pick(SURVEY_COMMENTS.promoter);
  return rng.pick(score >= 7 ? SURVEY_COMMENTS.passive : SURVEY_COMMENTS.detractor);
}

/** A CSAT (1–5) after some closed tickets, averaging from the floor (3.0) to the target (4.5). */
function csatResponses(
  plan: AccountPlan,
  rng: Random,
  ids: IdAllocator,
  people: People,
  supportTickets: readonly SupportTicketRow[],
  end: Date,
): SurveyResponseRow[] {
  const mean = 3 + 1.5 * Math.min(1.1, plan.levels.surveys);
  return supportTickets
    .filter((t) => t.closedAt !== null && rng.chance(0.2))
    .map((t) => {
      const score = Math.min(5, Math.max(1, Math.round(mean + rng.float(-0.9, 0.9))));
      const respondedAt = addDays(t.closedAt as Date, rng.int(0, 2));
      return {
        id: ids.next("surveyResponses"),
        accountId: plan.id,
        contactId: rng.pick(people.all).id,
        type: "csat" as const,
        score,
        respondedAt: respondedAt > end ? end : respondedAt,
        comment: null,
        externalId: `csat-${t.externalId}`,
      };
    });
}
