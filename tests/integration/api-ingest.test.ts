// The write endpoints under /accounts/{externalId}: usage, contacts, tickets, surveys,
// touchpoints, outcomes, the renewal and expansions — idempotency, all-or-nothing writes,
// the health recompute and the audit trail.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AccountView } from "@/lib/data/accounts/views";
import type { UsageUpsertResult } from "@/lib/data/health/usage";
import type { ContactView } from "@/lib/data/accounts/contacts";
import type { SurveyView, TicketView, TouchpointView } from "@/lib/data/accounts/activity";
import type { OutcomeView, RenewalView } from "@/lib/data/renewals/commercial";
import type { ExpansionView } from "@/lib/data/expansion/deals";
import { addDays } from "@/lib/domain/dates";
import { accountBody, apiClient, createTestKey, usageDays, type ApiClient } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
let api: ApiClient;

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  for (const id of ["usage", "people", "other", "deals"]) await api.put(`/accounts/${id}`, accountBody({ name: id }));
});

const accountId = async (externalId: string) => (await db.account.findUniqueOrThrow({ where: { externalId } })).id;
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("PUT /accounts/{externalId}/usage", () => {
  it("upserts 10,000 days in one call and rescores the account", async () => {
    const before = await db.account.findUniqueOrThrow({ where: { externalId: "usage" } });
    expect(before.healthInsufficient).toBe(true);

    const res = await api.put<UsageUpsertResult>("/accounts/usage/usage", { days: usageDays(10_000) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ upserted: 10_000, inserted: 10_000, updated: 0 });
    expect(await db.usageDay.count({ where: { accountId: before.id } })).toBe(10_000);

    const after = await db.account.findUniqueOrThrow({ where: { externalId: "usage" } });
    expect(after.healthInsufficient).toBe(false);
    expect(after.healthScore).not.toBe(before.healthScore);
    const view = await api.get<AccountView>("/accounts/usage");
    expect(view.body.health!.components.engagement.score).not.toBeNull();
  });

  it("replaces days it already has (idempotent per date) and audits the batch as one entry", async () => {
    const id = await accountId("usage");
    const days = usageDays(3).map((d) => ({
      ...d,
      logins: 7,
      featuresUsed: ["reports", "reports", 'quote"and\\slash'],
      dataQuality: null,
    }));
    const res = await api.put<UsageUpsertResult>("/accounts/usage/usage", { days });
    expect(res.body).toEqual({ upserted: 3, inserted: 0, updated: 3 });
    const stored = await db.usageDay.findUniqueOrThrow({
      where: { accountId_date: { accountId: id, date: dateOnly(today) } },
    });
    expect(stored).toMatchObject({ logins: 7, featuresUsed: ["reports", 'quote"and\\slash'], dataQuality: null });

    const audit = await db.auditLog.findFirstOrThrow({
      where: { accountId: id, entity: "usage_days" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      action: "update",
      entityId: `${addDays(today, -2)}..${today}`,
      after: { from: addDays(today, -2), to: today, upserted: 3, updated: 3 },
    });
  });

  it("writes nothing when one day is invalid, naming its path", async () => {
    const id = await accountId("other");
    const days = usageDays(10);
    days[5] = { ...days[5], logins: -1 };
    const res = await api.put("/accounts/other/usage", { days });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: "days.5.logins", message: "Cannot be negative." }]);
    expect(await db.usageDay.count({ where: { accountId: id } })).toBe(0);
  });

  it("refuses a date twice in one call (400), more than 10,000 days (413) and unknown accounts (404)", async () => {
    const days = usageDays(3);
    const dup = await api.put("/accounts/other/usage", { days: [...days, days[1]] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.issues).toEqual([{ path: "days.3.date", message: "Duplicate date (also at days.1)." }]);

    const tooMany = await api.put("/accounts/other/usage", { days: usageDays(10_001) });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error).toMatchObject({ code: "payload_too_large", issues: [{ path: "days" }] });

    const bad = await api.put("/accounts/other/usage", {
      days: [{ ...days[0], date: "2026-02-29", dataQuality: 1.5 }],
    });
    expect(bad.body.error.issues.map((i) => i.path)).toEqual(["days.0.date", "days.0.dataQuality"]);

    const missing = await api.put("/accounts/missing/usage", { days });
    expect(missing.status).toBe(404);
    expect(await db.usageDay.count({ where: { accountId: await accountId("other") } })).toBe(0);
  });
});

describe("PUT /accounts/{externalId}/contacts/{email}", () => {
  it("creates (201), updates (200) only the fields sent, and audits before → after", async () => {
    const created = await api.put<ContactView>("/accounts/people/contacts/Ana.Exec%40people.example", {
      name: "Ana Exec",
      title: "CFO",
      execSponsor: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      email: "ana.exec@people.example",
      name: "Ana Exec",
      title: "CFO",
      execSponsor: true,
      champion: false,
      decisionMaker: false,
      referenceWilling: false,
      lastTouchAt: null,
    });

    const updated = await api.put<ContactView>("/accounts/people/contacts/ana.exec@people.example", {
      name: "Ana Exec",
      referenceWilling: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: "CFO", execSponsor: true, referenceWilling: true });

    const audit = await db.auditLog.findMany({
      where: { entity: "contact", accountId: await accountId("people") },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]).toMatchObject({ before: { referenceWilling: false }, after: { referenceWilling: true } });
  });

  it("validates the email in the path and the body", async () => {
    const res = await api.put("/accounts/people/contacts/not-an-email", { name: "" });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path).sort()).toEqual(["email", "name"]);
  });
});

describe("POST /accounts/{externalId}/tickets", () => {
  it("is idempotent on the ticket's externalId: 201, then 200 with the updated ticket", async () => {
    const ticket = { externalId: "T-1", openedAt: addDays(today, -3), priority: "high" };
    const first = await api.post<TicketView>("/accounts/people/tickets", ticket);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      externalId: "T-1",
      subject: null,
      openedAt: addDays(today, -3),
      closedAt: null,
      priority: "high",
      sentiment: null,
    });

    const again = await api.post<TicketView>("/accounts/people/tickets", {
      ...ticket,
      closedAt: today,
      sentiment: "positive",
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ closedAt: today, sentiment: "positive" });
    expect(await db.supportTicket.count({ where: { accountId: await accountId("people") } })).toBe(1);
  });

  it("refuses a close before the open and unknown enums", async () => {
    const res = await api.post("/accounts/people/tickets", {
      externalId: "T-2",
      openedAt: today,
      closedAt: addDays(today, -1),
      priority: "meh",
    });
    expect(res.body.error.issues.map((i) => i.path)).toEqual(["priority"]);
    const order = await api.post("/accounts/people/tickets", {
      externalId: "T-2",
      openedAt: today,
      closedAt: addDays(today, -1),
      priority: "low",
    });
    expect(order.body.error.issues.map((i) => i.path)).toEqual(["closedAt"]);
  });
});

describe("POST /accounts/{externalId}/surveys", () => {
  it("checks each type's scale and the contact", async () => {
    const nps = await api.post("/accounts/people/surveys", { type: "nps", score: 11, respondedAt: today });
    expect(nps.body.error.issues).toEqual([{ path: "score", message: "A nps score is from 0 to 10." }]);
    const csat = await api.post("/accounts/people/surveys", { type: "csat", score: 0, respondedAt: today });
    expect(csat.body.error.issues[0].path).toBe("score");
    const stranger = await api.post("/accounts/people/surveys", {
      type: "nps",
      score: 9,
      respondedAt: today,
      contactEmail: "who@people.example",
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.issues).toEqual([
      { path: "contactEmail", message: "No contact with the email who@people.example on this account." },
    ]);
  });

  it("is idempotent with an externalId and appends without one", async () => {
    const id = await accountId("people");
    const body = {
      type: "nps",
      score: 6,
      respondedAt: today,
      contactEmail: "ana.exec@people.example",
      externalId: "R-1",
    };
    expect((await api.post<SurveyView>("/accounts/people/surveys", body)).status).toBe(201);
    const repeat = await api.post<SurveyView>("/accounts/people/surveys", { ...body, score: 10, comment: "Great" });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({
      externalId: "R-1",
      score: 10,
      comment: "Great",
      contactEmail: "ana.exec@people.example",
    });
    await api.post("/accounts/people/surveys", { type: "csat", score: 4, respondedAt: today });
    await api.post("/accounts/people/surveys", { type: "csat", score: 4, respondedAt: today });
    expect(await db.surveyResponse.count({ where: { accountId: id } })).toBe(3);
  });
});

describe("POST /accounts/{externalId}/touchpoints", () => {
  it("writes nothing when a contact belongs to another account, naming its index", async () => {
    await api.put("/accounts/other/contacts/olga@other.example", { name: "Olga" });
    const id = await accountId("people");
    const res = await api.post("/accounts/people/touchpoints", {
      type: "meeting",
      occurredAt: today,
      contactEmails: ["ana.exec@people.example", "olga@other.example"],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { path: "contactEmails.1", message: "No contact with the email olga@other.example on this account." },
    ]);
    expect(await db.touchpoint.count({ where: { accountId: id } })).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id } })).lastTouchAt).toBeNull();
  });

  it("records the touchpoint, moves last touch forward (never back) and lifts exec-sponsor engagement", async () => {
    const id = await accountId("people");
    const before = await api.get<AccountView>("/accounts/people");
    const sponsorScore = (view: AccountView) =>
      view.health!.components.relationship.measures.find((m) => m.key === "exec_sponsor_engagement")!.score;
    expect(sponsorScore(before.body)).toBe(0);

    const res = await api.post<TouchpointView>("/accounts/people/touchpoints", {
      type: "qbr",
      occurredAt: addDays(today, -5),
      attended: true,
      contactEmails: ["ana.exec@people.example", "ANA.EXEC@people.example"],
      notes: "Quarterly review",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: "qbr",
      occurredAt: addDays(today, -5),
      attended: true,
      contactEmails: ["ana.exec@people.example"],
    });
    await api.post("/accounts/people/touchpoints", {
      type: "email",
      occurredAt: addDays(today, -30),
      contactEmails: ["ana.exec@people.example"],
    });

    const account = await db.account.findUniqueOrThrow({ where: { id }, include: { contacts: true } });
    expect(account.lastTouchAt).toEqual(dateOnly(addDays(today, -5)));
    expect(account.contacts.find((c) => c.email === "ana.exec@people.example")!.lastTouchAt).toEqual(
      dateOnly(addDays(today, -5)),
    );
    const after = await api.get<AccountView>("/accounts/people");
    expect(sponsorScore(after.body)).toBe(100);
    expect(await db.auditLog.count({ where: { accountId: id, entity: "touchpoint", action: "create" } })).toBe(2);
  });
});

describe("outcomes, renewal and expansions", () => {
  it("PUT outcomes/{key}: achievedAt is set when the outcome becomes achieved and kept after", async () => {
    const body = { title: "Cut reporting time in half", dueDate: addDays(today, -1), achieved: false };
    const created = await api.put<OutcomeView>("/accounts/deals/outcomes/reporting-time", body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ key: "reporting-time", ...body, achievedAt: null });
    const achieved = await api.put<OutcomeView>("/accounts/deals/outcomes/reporting-time", { ...body, achieved: true });
    expect(achieved.status).toBe(200);
    expect(achieved.body.achievedAt).toBe(today);
    const roi = (await api.get<AccountView>("/accounts/deals")).body.health!.components.business.measures.find(
      (m) => m.key === "roi_achievement",
    );
    expect(roi!.score).toBe(100);
  });

  it("PUT renewal: sets the open renewal's forecast (renewal likelihood follows); 409 without an open renewal", async () => {
    const res = await api.put<RenewalView>("/accounts/deals/renewal", { forecast: "at_risk" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ forecast: "at_risk", status: "open", arr: 120_000 });
    const likelihood = (await api.get<AccountView>("/accounts/deals")).body.health!.components.business.measures.find(
      (m) => m.key === "renewal_likelihood",
    );
    expect(likelihood!.score).toBe(25);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entity: "renewal", action: "update", accountId: await accountId("deals") },
    });
    expect(audit).toMatchObject({ before: { forecast: null }, after: { forecast: "at_risk" } });

    expect((await api.put("/accounts/deals/renewal", { forecast: "maybe" })).status).toBe(400);
    await db.renewal.updateMany({ where: { account: { externalId: "other" } }, data: { status: "closed" } });
    const closed = await api.put("/accounts/other/renewal", { forecast: "commit" });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe("conflict");
  });

  it("PUT expansions/{key}: creates, then closes with closedAt today", async () => {
    const open = await api.put<ExpansionView>("/accounts/deals/expansions/crm-42", {
      type: "seats",
      arr: 24_000,
      status: "open",
      title: "50 more seats",
    });
    expect(open.status).toBe(201);
    expect(open.body).toEqual({
      key: "crm-42",
      title: "50 more seats",
      type: "seats",
      arr: 24_000,
      status: "open",
      stage: "identified",
      owner: null,
      closeDate: null,
      lossReason: null,
      closedAt: null,
      checklist: [],
      tradeLog: [],
      trigger: null,
    });
    const potential = (await api.get<AccountView>("/accounts/deals")).body.health!.components.business.measures.find(
      (m) => m.key === "expansion_potential",
    );
    expect(potential!.raw).toBeCloseTo(0.2);

    const won = await api.put<ExpansionView>("/accounts/deals/expansions/crm-42", {
      type: "seats",
      arr: 24_000,
      status: "won",
    });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ status: "won", closedAt: today, title: "50 more seats" });
  });

  it("answers 404 for every write on an unknown account", async () => {
    const writes = [
      api.put("/accounts/ghost/contacts/a@b.example", { name: "A" }),
      api.post("/accounts/ghost/tickets", { externalId: "T", openedAt: today, priority: "low" }),
      api.post("/accounts/ghost/surveys", { type: "nps", score: 9, respondedAt: today }),
      api.post("/accounts/ghost/touchpoints", { type: "call", occurredAt: today }),
      api.put("/accounts/ghost/outcomes/k", { title: "T", dueDate: today, achieved: false }),
      api.put("/accounts/ghost/renewal", { forecast: "commit" }),
      api.put("/accounts/ghost/expansions/k", { type: "tier", arr: 1, status: "open" }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });
});
