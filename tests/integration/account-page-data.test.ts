// What the account page reads (lib/data/accounts/triage.ts getAccount, getAccountHealthView,
// getAccountChanges, and the advocacy panel), each in one statement: the lists are in the page's
// order, cut to the page's lengths, and carry the names the page shows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAccount, getAccountChanges, getAccountHealthView } from "@/lib/data/accounts/triage";
import { getAccountAdvocacy, listAccountActivities } from "@/lib/data/advocacy/advocacy";
import { getAccountRenewals } from "@/lib/data/renewals/commercial";
import { addDays } from "@/lib/domain/dates";
import { accountBody, apiClient, createTestKey, createTestUser, usageDays } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let accountId: number;
let ownerName: string;

beforeAll(async () => {
  const api = apiClient((await createTestKey("page key")).key);
  const csm = await createTestUser("csm");
  ownerName = csm.name;
  expect(
    (
      await api.put(
        "/accounts/page-co",
        accountBody({ name: "Page Co", arr: 123_456.78, seats: 42, csmEmail: csm.email }),
      )
    ).status,
  ).toBe(201);
  accountId = (await db.account.update({ where: { externalId: "page-co" }, data: { plan: "Pro" } })).id;
  const contact = (name: string, email: string, extra: object = {}) =>
    db.contact.create({ data: { accountId, name, email, ...extra } });
  const zed = await contact("Zed Sponsor", "zed@page.example", { execSponsor: true, title: "CEO" });
  await contact("Amy Plain", "amy@page.example");
  await contact("Bea Champion", "bea@page.example", { champion: true, lastTouchAt: day(addDays(today, -3)) });
  for (let i = 0; i < 12; i++)
    await db.touchpoint.create({
      data: { accountId, type: "call", occurredAt: day(addDays(today, -i * 7)), notes: `call ${i}` },
    });
  for (let i = 0; i < 9; i++)
    await db.supportTicket.create({
      data: {
        accountId,
        externalId: `T-${i}`,
        subject: i === 0 ? null : `ticket ${i}`,
        openedAt: day(addDays(today, -i)),
        closedAt: i % 2 ? day(addDays(today, -i + 1)) : null,
        priority: i === 0 ? "urgent" : "normal",
        sentiment: i === 0 ? "negative" : null,
      },
    });
  await db.surveyResponse.create({
    data: {
      accountId,
      contactId: zed.id,
      type: "nps",
      score: 9,
      respondedAt: day(addDays(today, -2)),
      comment: "great",
    },
  });
  await db.surveyResponse.create({ data: { accountId, type: "csat", score: 2, respondedAt: day(addDays(today, -1)) } });
  await db.contractLine.create({
    data: {
      accountId,
      product: "Core",
      seats: 40,
      price: 99_999.5,
      startDate: day(addDays(today, -365)),
      endDate: day(addDays(today, 60)),
    },
  });
  await db.task.create({ data: { accountId, ownerId: csm.id, title: "Later", dueDate: day(addDays(today, 9)) } });
  await db.task.create({
    data: {
      accountId,
      ownerId: csm.id,
      title: "Sooner",
      dueDate: day(addDays(today, 2)),
      reason: "Health fell.",
      priority: "high",
    },
  });
  await db.task.create({
    data: { accountId, ownerId: csm.id, title: "Done", dueDate: day(today), status: "done", completedAt: clock.now() },
  });
  expect((await api.put("/accounts/page-co/usage", { days: usageDays(30) })).status).toBe(200);
});

describe("the account page's data", () => {
  it("the account with its lists in the page's order and lengths", async () => {
    const a = await getAccount("page-co");
    expect(a).toMatchObject({
      id: accountId,
      externalId: "page-co",
      name: "Page Co",
      arr: 123_456.78,
      seats: 42,
      plan: "Pro",
      contractStart: addDays(today, -365),
      renewalDate: addDays(today, 60),
      daysToRenewal: 60,
      status: "active",
      csm: { name: ownerName },
      ae: null,
      purchasedFeatures: ["reports", "dashboards", "alerts", "api"],
      stageIsManual: false,
    });
    expect(a!.contacts.map((c) => c.name)).toEqual(["Zed Sponsor", "Bea Champion", "Amy Plain"]);
    expect(a!.contacts[0]).toMatchObject({ title: "CEO", execSponsor: true, lastTouchAt: null });
    expect(a!.contacts[1].lastTouchAt).toBe(addDays(today, -3));
    expect(a!.touchpoints.map((t) => t.notes)).toEqual(Array.from({ length: 10 }, (_, i) => `call ${i}`));
    expect(a!.touchpoints[0]).toMatchObject({ type: "call", occurredAt: today, attended: null });
    expect(a!.tickets.map((t) => t.externalId)).toEqual(["T-0", "T-1", "T-2", "T-3", "T-4", "T-5", "T-6", "T-7"]);
    expect(a!.tickets[0]).toMatchObject({ subject: null, closedAt: null, priority: "urgent", sentiment: "negative" });
    expect(a!.tickets[1]).toMatchObject({ subject: "ticket 1", closedAt: today });
    expect(a!.surveys).toMatchObject([
      { type: "csat", score: 2, respondedAt: addDays(today, -1), contactName: null, comment: null },
      { type: "nps", score: 9, respondedAt: addDays(today, -2), contactName: "Zed Sponsor", comment: "great" },
    ]);
    expect(a!.contractLines).toMatchObject([
      { product: "Core", seats: 40, price: 99_999.5, endDate: addDays(today, 60) },
    ]);
    // Open tasks only (playbooks add theirs beside these), soonest due first.
    const dues = a!.openTasks.map((t) => t.dueDate);
    expect(dues).toEqual([...dues].sort());
    expect(a!.openTasks.map((t) => t.title)).not.toContain("Done");
    expect(a!.openTasks.filter((t) => ["Sooner", "Later"].includes(t.title))).toMatchObject([
      {
        title: "Sooner",
        dueDate: addDays(today, 2),
        priority: "high",
        ownerName,
        reason: "Health fell.",
        snoozedUntil: null,
      },
      { title: "Later", dueDate: addDays(today, 9), priority: "normal", ownerName, reason: null },
    ]);
    expect(await getAccount("no-such-account")).toBeNull();
  });

  it("the score explained, its history and weekly usage", async () => {
    const view = await getAccountHealthView(accountId);
    const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(view.health?.score).toBe(account.healthScore);
    expect(view.asOf).toBe(today);
    expect(view.trend).toBe(account.healthTrend);
    expect(view.history.at(-1)).toEqual({ asOf: today, score: account.healthScore });
    expect(view.usage.reduce((s, w) => s + w.logins, 0)).toBe(30 * 40);
    expect(view.usage.every((w) => w.activeUsers === 30)).toBe(true);
  });

  it("the changes name who made them, newest first", async () => {
    const changes = await getAccountChanges(accountId, 3);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes[0].by).toBe("API key “page key”");
    expect(changes.map((c) => c.at)).toEqual([...changes.map((c) => c.at)].sort().reverse());
    expect(changes[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("advocates and every contact by name, and the asks logged", async () => {
    const { advocates, contacts } = await getAccountAdvocacy(accountId, today);
    expect(contacts.map((c) => c.name)).toEqual(["Amy Plain", "Bea Champion", "Zed Sponsor"]);
    expect(advocates.map((a) => [a.name, a.reasons, a.askedThisQuarter])).toEqual([
      ["Bea Champion", ["champion"], 0],
      ["Zed Sponsor", ["promoter"], 0],
    ]);
    expect(await listAccountActivities(accountId)).toEqual([]);
  });

  it("the open renewal, and the last one closed by the day it was signed", async () => {
    const closed = (renewalDate: string, signedAt: string, outcome: "renewed" | "churned") =>
      db.renewal.create({
        data: {
          accountId,
          renewalDate: day(renewalDate),
          status: "closed",
          arr: 1000,
          outcome,
          signedAt: day(signedAt),
        },
      });
    await closed(addDays(today, -300), addDays(today, -290), "churned");
    await closed(addDays(today, -700), addDays(today, -100), "renewed"); // signed last, though older
    const { open, lastClosed } = await getAccountRenewals(accountId);
    expect(open).toMatchObject({ status: "open", renewalDate: addDays(today, 60) });
    expect(lastClosed).toMatchObject({ status: "closed", outcome: "renewed", signedAt: addDays(today, -100) });
  });
});
