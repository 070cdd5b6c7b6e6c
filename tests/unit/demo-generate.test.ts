import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isoDate } from "@/lib/demo/calendar";
import { DEMO_SEED, generateAccountBatch, generateDemoData, type GenerateOptions } from "@/lib/demo/generate";
import { createRandom, mixSeed, mulberry32 } from "@/lib/demo/random";
import type { DemoData } from "@/lib/demo/types";
import { computeHealth, type HealthFacts } from "@/lib/domain/health";

const today = new Date("2026-11-23T00:00:00Z");
const options: GenerateOptions = { seed: DEMO_SEED, today, users: { csm: [3, 4, 5], ae: [6, 7], manager: [2] } };
const data = generateDemoData(options);
const active = data.accounts.filter((a) => a.status === "active");

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

describe("seeded randomness", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(mulberry32(43)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("mixes seeds so neighbouring streams are unrelated", () => {
    expect(mixSeed(1, 7)).not.toBe(mixSeed(1, 8));
    expect(createRandom(mixSeed(1, 7)).next()).not.toBeCloseTo(createRandom(mixSeed(1, 8)).next(), 3);
  });
});

describe("generateDemoData", () => {
  it("is deterministic: the same options give identical rows", () => {
    expect(generateDemoData(options)).toEqual(data);
  });

  it("depends on the seed", () => {
    const other = generateDemoData({ ...options, seed: DEMO_SEED + 1 });
    expect(other.accounts.map((a) => a.name)).not.toEqual(data.accounts.map((a) => a.name));
  });

  it("generates an account the same way in any batch", () => {
    const whole = generateAccountBatch({ ...options, accountCount: 20 }).data;
    const second = generateAccountBatch({ ...options, accountCount: 10, firstAccountIndex: 10 }).data;
    const strip = <T extends { id: number }>({ id, ...rest }: T) => (void id, rest);
    expect(second.accounts.map(strip)).toEqual(whole.accounts.slice(10).map(strip));
  });

  it("rejects a today that is not a UTC calendar date", () => {
    expect(() => generateDemoData({ ...options, today: new Date("2026-11-23T10:00:00Z") })).toThrow(RangeError);
  });

  it("builds 150 accounts across the three segments, owned by the CSMs and AEs", () => {
    expect(data.accounts).toHaveLength(150);
    const segments = new Set(data.accounts.map((a) => a.segment));
    expect(segments).toEqual(new Set(["enterprise", "mid_market", "smb"]));
    expect(new Set(data.accounts.map((a) => a.csmId))).toEqual(new Set([3, 4, 5]));
    expect(new Set(data.accounts.map((a) => a.aeId))).toEqual(new Set([6, 7]));
    expect(new Set(data.accounts.map((a) => a.externalId)).size).toBe(150);
    expect(new Set(data.accounts.map((a) => a.name)).size).toBe(150);
  });

  it("prices segments apart: Enterprise ARR above Mid-Market above SMB on average", () => {
    const mean = (segment: string) => {
      const arrs = data.accounts.filter((a) => a.segment === segment).map((a) => Number(a.arr));
      return arrs.reduce((s, x) => s + x, 0) / arrs.length;
    };
    expect(mean("enterprise")).toBeGreaterThan(mean("mid_market"));
    expect(mean("mid_market")).toBeGreaterThan(mean("smb"));
  });

  it("spreads contract starts over about three years", () => {
    const ages = data.accounts.map((a) => daysBetween(a.contractStart, today));
    expect(Math.max(...ages)).toBeGreaterThan(2.5 * 365);
    // Three yearly terms at most (an overdue renewal adds a few weeks).
    expect(Math.max(...ages)).toBeLessThanOrEqual(3 * 366 + 25);
    expect(ages.filter((d) => d < 90).length).toBeGreaterThan(0);
  });

  it("has several active renewals in each 30/60/90-day window, and some overdue", () => {
    const daysAway = active.map((a) => daysBetween(today, a.renewalDate));
    const inWindow = (from: number, to: number) => daysAway.filter((d) => d >= from && d <= to).length;
    expect(inWindow(0, 30)).toBeGreaterThanOrEqual(5);
    expect(inWindow(31, 60)).toBeGreaterThanOrEqual(5);
    expect(inWindow(61, 90)).toBeGreaterThanOrEqual(5);
    expect(daysAway.filter((d) => d < 0).length).toBeGreaterThan(0);
  });

  it("gives every active account exactly one open renewal on its renewal date", () => {
    const open = data.renewals.filter((r) => r.status === "open");
    expect(open).toHaveLength(active.length);
    const byAccount = new Map(open.map((r) => [r.accountId, r]));
    for (const account of active) {
      expect(byAccount.get(account.id)?.renewalDate).toEqual(account.renewalDate);
      expect(byAccount.get(account.id)?.arr).toBe(account.arr);
    }
    expect(open.some((r) => r.forecast !== null)).toBe(true);
  });

  it("has churned accounts with their churn recorded everywhere", () => {
    const churned = data.accounts.filter((a) => a.status === "churned");
    expect(churned.length).toBeGreaterThanOrEqual(5);
    expect(churned.length).toBeLessThanOrEqual(12);
    for (const account of churned) {
      expect(account.churnedAt).not.toBeNull();
      expect(account.lifecycleStage).toBe("churned");
      const renewals = data.renewals.filter((r) => r.accountId === account.id);
      expect(renewals.some((r) => r.status === "open")).toBe(false);
      expect(
        renewals.some((r) => r.outcome === "churned" && r.renewalDate.getTime() === account.churnedAt?.getTime()),
      ).toBe(true);
      expect(data.arrMovements.some((m) => m.accountId === account.id && m.type === "churn")).toBe(true);
      expect(data.offboardings.some((o) => o.accountId === account.id)).toBe(true);
    }
  });

  it("keeps ARR consistent: lines in force and ARR movements both sum to the account's ARR", () => {
    const lines = groupBy(data.contractLines, (l) => l.accountId);
    const movements = groupBy(data.arrMovements, (m) => m.accountId);
    for (const account of active) {
      const asOf = account.renewalDate < today ? addDays(account.renewalDate, -1) : today;
      const inForce = (lines.get(account.id) ?? []).filter((l) => l.startDate <= asOf && asOf <= l.endDate);
      expect(inForce.reduce((s, l) => s + Number(l.price), 0).toFixed(2)).toBe(account.arr);
      expect((movements.get(account.id) ?? []).reduce((s, m) => s + Number(m.amount), 0).toFixed(2)).toBe(account.arr);
    }
    for (const account of data.accounts.filter((a) => a.status === "churned")) {
      expect((movements.get(account.id) ?? []).reduce((s, m) => s + Number(m.amount), 0)).toBe(0);
    }
  });

  it("has 13 months of daily usage, one row per account and day, nothing after today", () => {
    const keys = new Set(data.usageDays.map((u) => `${u.accountId}:${isoDate(u.date)}`));
    expect(keys.size).toBe(data.usageDays.length);
    const first = addDays(addMonths(today, -13), 1);
    const oldAccount = active.find((a) => a.contractStart < first);
    const days = data.usageDays.filter((u) => u.accountId === oldAccount?.id).map((u) => u.date.getTime());
    expect(Math.min(...days)).toBe(first.getTime());
    expect(Math.max(...days)).toBe(today.getTime());
    expect(days).toHaveLength(daysBetween(first, today) + 1);
  });

  it("only reports usage of features the account bought", () => {
    const purchased = new Map(data.accounts.map((a) => [a.id, new Set(a.purchasedFeatures)]));
    expect(data.usageDays.every((u) => u.featuresUsed.every((f) => purchased.get(u.accountId)?.has(f)))).toBe(true);
  });

  it("dates every past event on or before today", () => {
    const events: Date[] = [
      ...data.usageDays.map((u) => u.date),
      ...data.supportTickets.flatMap((t) => [t.openedAt, t.closedAt]).filter((d): d is Date => d !== null),
      ...data.surveyResponses.map((s) => s.respondedAt),
      ...data.touchpoints.map((t) => t.occurredAt),
      ...data.arrMovements.map((m) => m.date),
      ...data.successOutcomes.map((o) => o.achievedAt).filter((d): d is Date => d !== null),
      ...data.renewals.map((r) => r.signedAt).filter((d): d is Date => d !== null),
      ...data.accounts
        .flatMap((a) => [a.contractStart, a.churnedAt, a.lastTouchAt])
        .filter((d): d is Date => d !== null),
      ...data.qbrs.filter((q) => q.status !== "scheduled").map((q) => q.scheduledFor),
    ];
    expect(events.every((d) => d.getTime() <= today.getTime())).toBe(true);
    expect(events.every((d) => d.getTime() % 86_400_000 === 0)).toBe(true);
  });

  it("has contacts with executive sponsors, champions, decision makers and references", () => {
    const withSponsor = new Set(data.contacts.filter((c) => c.execSponsor).map((c) => c.accountId));
    expect(withSponsor.size).toBeGreaterThan(data.accounts.length * 0.8);
    expect(data.contacts.some((c) => c.champion)).toBe(true);
    expect(data.contacts.some((c) => c.decisionMaker)).toBe(true);
    expect(data.contacts.some((c) => c.referenceWilling)).toBe(true);
    const emails = data.contacts.map((c) => `${c.accountId}:${c.email}`);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("links rows only to rows that exist, within the same account", () => {
    const accountIds = new Set(data.accounts.map((a) => a.id));
    const contacts = new Map(data.contacts.map((c) => [c.id, c]));
    const touchpoints = new Map(data.touchpoints.map((t) => [t.id, t]));
    for (const table of [
      "contacts",
      "usageDays",
      "supportTickets",
      "touchpoints",
      "renewals",
      "arrMovements",
    ] as const) {
      expect(data[table].every((row) => accountIds.has(row.accountId))).toBe(true);
    }
    for (const link of data.touchpointContacts) {
      expect(contacts.get(link.contactId)?.accountId).toBe(touchpoints.get(link.touchpointId)?.accountId);
    }
    for (const survey of data.surveyResponses)
      expect(contacts.get(survey.contactId ?? -1)?.accountId).toBe(survey.accountId);
  });

  it("assigns unique ids per table, from the given first ids", () => {
    for (const rows of Object.values(data) as DemoData[keyof DemoData][]) {
      const ids = rows.map((row) => ("id" in row ? row.id : 0)).filter((id) => id > 0);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const shifted = generateAccountBatch({ ...options, accountCount: 2, firstIds: { accounts: 1000, contacts: 5000 } });
    expect(shifted.data.accounts.map((a) => a.id)).toEqual([1000, 1001]);
    expect(shifted.data.contacts[0].id).toBe(5000);
    expect(shifted.nextIds.accounts).toBe(1002);
  });

  it("cuts usage to the requested window for scale seeding", () => {
    const { data: scale } = generateAccountBatch({ ...options, accountCount: 20, usageDays: 90 });
    const perAccount = groupBy(scale.usageDays, (u) => u.accountId);
    expect(Math.max(...[...perAccount.values()].map((rows) => rows.length))).toBe(90);
  });

  it("has QBRs with attendance, success outcomes due and achieved, and open expansion deals", () => {
    expect(data.touchpoints.some((t) => (t.type === "qbr" || t.type === "ebr") && t.attended === true)).toBe(true);
    expect(data.touchpoints.some((t) => t.type === "qbr" && t.attended === false)).toBe(true);
    expect(data.successOutcomes.some((o) => o.dueDate <= today && o.achieved)).toBe(true);
    expect(data.successOutcomes.some((o) => o.dueDate <= today && !o.achieved)).toBe(true);
    expect(data.expansionOpportunities.some((e) => e.status === "open")).toBe(true);
    expect(data.surveyResponses.some((s) => s.type === "nps")).toBe(true);
    expect(data.surveyResponses.some((s) => s.type === "csat")).toBe(true);
  });
});

describe("the demo's health mix (SPEC §3 default model)", () => {
  it("lands about half green (some purple), a quarter yellow and a fifth red", () => {
    const asOf = isoDate(today);
    const bands = active.map((account) => computeHealth(healthFacts(data, account.id), asOf).band);
    const share = (...names: string[]) => bands.filter((b) => b !== null && names.includes(b)).length / bands.length;
    expect(share("green", "purple")).toBeGreaterThanOrEqual(0.45);
    expect(share("green", "purple")).toBeLessThanOrEqual(0.57);
    expect(share("yellow")).toBeGreaterThanOrEqual(0.22);
    expect(share("yellow")).toBeLessThanOrEqual(0.32);
    expect(share("red")).toBeGreaterThanOrEqual(0.15);
    expect(share("red")).toBeLessThanOrEqual(0.25);
    expect(share("purple")).toBeGreaterThan(0.1);
    expect(share("purple")).toBeLessThan(share("green", "purple") * 0.6);
  });
});

/** What the health score reads about one account, from the generated rows. */
function healthFacts(d: DemoData, accountId: number): HealthFacts {
  const account = d.accounts.find((a) => a.id === accountId);
  if (!account) throw new Error(`No account ${accountId}`);
  const mine = <T extends { accountId: number }>(rows: readonly T[]) => rows.filter((r) => r.accountId === accountId);
  const touchpointContacts = groupBy(d.touchpointContacts, (l) => l.touchpointId);
  return {
    segment: account.segment,
    seats: account.seats,
    arr: Number(account.arr),
    contractStart: isoDate(account.contractStart),
    purchasedFeatures: account.purchasedFeatures,
    usage: mine(d.usageDays).map((u) => ({ ...u, date: isoDate(u.date) })),
    tickets: mine(d.supportTickets).map((t) => ({ openedAt: isoDate(t.openedAt) })),
    surveys: mine(d.surveyResponses).map((s) => ({
      type: s.type,
      score: s.score,
      respondedAt: isoDate(s.respondedAt),
    })),
    touchpoints: mine(d.touchpoints).map((t) => ({
      type: t.type,
      occurredAt: isoDate(t.occurredAt),
      attended: t.attended,
      contactIds: (touchpointContacts.get(t.id) ?? []).map((l) => l.contactId),
    })),
    contacts: mine(d.contacts),
    outcomes: mine(d.successOutcomes).map((o) => ({
      dueDate: isoDate(o.dueDate),
      achieved: o.achieved,
      achievedAt: o.achievedAt ? isoDate(o.achievedAt) : null,
    })),
    renewalForecast: mine(d.renewals).find((r) => r.status === "open")?.forecast ?? null,
    openExpansionArr: mine(d.expansionOpportunities)
      .filter((e) => e.status === "open")
      .reduce((sum, e) => sum + Number(e.arr), 0),
  };
}
