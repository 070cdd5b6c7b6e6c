// Onboarding plans, success plans and QBRs through the v1 API (issue 13): the plan's statuses
// follow ticks and dates, milestones feed time to value, a QBR is scheduled once per quarter, its
// document has the six agenda sections, its invitation parses as a calendar, and recording
// attendance raises the relationship score and opens one follow-up task.
import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { db } from "@/lib/db";
import type { AccountView } from "@/lib/data/accounts/views";
import { addDays } from "@/lib/domain/dates";
import { quarterOfDay } from "@/lib/domain/qbr";
import { accountBody, apiClient, createTestKey, createTestUser, type ApiClient } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
let api: ApiClient;

interface Plan {
  checklist: { key: string; title: string; done: boolean; doneAt: string | null }[];
  milestones: { key: string; title: string; dueDate: string; status: string; completedAt: string | null }[];
}
interface QbrBody {
  id: number;
  quarter: string;
  status: string;
}

const milestone = (plan: Plan, key: string) => plan.milestones.find((m) => m.key === key);

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  const csm = await createTestUser("csm", "cara@bowtie.test");
  // Started 16 days ago: "quick wins" (day 14) is overdue, so the Active milestone is behind.
  await api.put(
    "/accounts/fresh",
    accountBody({ name: "Fresh Co", contractStart: addDays(today, -16), csmEmail: csm.email }),
  );
  await api.put(
    "/accounts/big",
    accountBody({ name: "Big Co", segment: "enterprise", contractStart: addDays(today, -200), csmEmail: csm.email }),
  );
  await api.put("/accounts/big/contacts/sponsor@big.test", { name: "Sam Sponsor", execSponsor: true });
  await api.put("/accounts/big/contacts/champ@big.test", { name: "Chris Champion", champion: true });
});

describe("onboarding plan", () => {
  it("GET returns the five checklist items and five milestones with dates from the contract start", async () => {
    const res = await api.get<Plan>("/accounts/fresh/onboarding");
    expect(res.status).toBe(200);
    expect(res.body.checklist.map((i) => i.key)).toEqual([
      "welcome_kickoff",
      "implementation_plan",
      "quick_wins",
      "training_schedule",
      "success_metrics",
    ]);
    expect(res.body.milestones.map((m) => [m.key, m.dueDate])).toEqual([
      ["technical_setup", addDays(today, -16 + 7)],
      ["active", addDays(today, -16 + 28)],
      ["initial_value", addDays(today, -16 + 56)],
      ["full_speed", addDays(today, -16 + 70)],
      ["achievement", addDays(today, -16 + 364)],
    ]);
    expect(milestone(res.body, "technical_setup")?.status).toBe("behind");
    expect(milestone(res.body, "active")?.status).toBe("behind");
  });

  it("ticking the overdue items puts Active back on track; completing a milestone marks it done", async () => {
    await api.put("/accounts/fresh/onboarding/quick_wins", { done: true });
    const ticked = await api.put<Plan>("/accounts/fresh/onboarding/quick_wins", { done: true });
    expect(ticked.status).toBe(200);
    expect(ticked.body.checklist.find((i) => i.key === "quick_wins")).toMatchObject({ done: true, doneAt: today });
    expect(milestone(ticked.body, "active")?.status).toBe("on_track");
    const done = await api.put<Plan>("/accounts/fresh/onboarding/technical_setup", { completedAt: today });
    expect(milestone(done.body, "technical_setup")).toMatchObject({ status: "done", completedAt: today });
    const accountId = (await db.account.findUniqueOrThrow({ where: { externalId: "fresh" } })).id;
    expect(await db.onboardingMilestone.count({ where: { accountId } })).toBe(5);
    expect(await db.auditLog.count({ where: { accountId, entity: "onboarding_item" } })).toBe(1);
  });

  it("refuses the wrong field for the key and unknown keys with 400, writing nothing", async () => {
    const wrong = await api.put("/accounts/fresh/onboarding/quick_wins", { completedAt: today });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues.map((i) => i.path)).toContain("done");
    expect((await api.put("/accounts/fresh/onboarding/active", { done: true })).status).toBe(400);
    expect((await api.put("/accounts/fresh/onboarding/nope", { done: true })).status).toBe(400);
    expect((await api.put("/accounts/fresh/onboarding/active", { completedAt: addDays(today, 3) })).status).toBe(400);
    expect((await api.get("/accounts/missing/onboarding")).status).toBe(404);
  });
});

describe("success plan", () => {
  it("PUT/GET success-plan/{key} carries metric, baseline, target and value; outcomes/{key} keeps its shape", async () => {
    const body = {
      title: "Cut reporting time",
      dueDate: addDays(today, -5),
      achieved: true,
      metric: "Hours a week on reporting",
      baseline: 12,
      target: 4,
      current: 3,
      annualValue: 90_000,
    };
    const created = await api.put<Record<string, unknown>>("/accounts/big/success-plan/reporting", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, key: "reporting", achievedAt: today });
    const read = await api.get<Record<string, unknown>>("/accounts/big/success-plan/reporting");
    expect(read.body).toEqual(created.body);
    const viaOutcomes = await api.put<Record<string, unknown>>("/accounts/big/outcomes/reporting", {
      title: "Cut reporting time in half",
      dueDate: addDays(today, -5),
      achieved: true,
    });
    expect(viaOutcomes.status).toBe(200);
    expect(Object.keys(viaOutcomes.body).sort()).toEqual(["achieved", "achievedAt", "dueDate", "key", "title"]);
    // Left out, the plan's fields keep their stored values.
    expect((await api.get<Record<string, unknown>>("/accounts/big/success-plan/reporting")).body).toMatchObject({
      title: "Cut reporting time in half",
      metric: "Hours a week on reporting",
      annualValue: 90_000,
    });
    expect((await api.get("/accounts/big/success-plan/nothing")).status).toBe(404);
  });
});

describe("QBRs", () => {
  const held = `${addDays(today, -3)}T15:00:00.000Z`;
  let qbrId = 0;

  it("POST creates one QBR per quarter (201, then 200 with the same id); a past start is held already", async () => {
    const quarter = quarterOfDay(addDays(today, -3));
    const created = await api.post<QbrBody>("/accounts/big/qbrs", { quarter, scheduledAt: held });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ quarter, status: "held" });
    qbrId = created.body.id;
    const again = await api.post<QbrBody>("/accounts/big/qbrs", { quarter, scheduledAt: held });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(qbrId);
    const list = await api.get<QbrBody[]>("/accounts/big/qbrs");
    expect(list.body.map((q) => q.id)).toEqual([qbrId]);
    const outside = await api.post("/accounts/big/qbrs", { quarter: "2020-Q1", scheduledAt: held });
    expect(outside.status).toBe(400);
    expect((await api.post("/accounts/big/qbrs", { quarter: "2027-Q5", scheduledAt: held })).status).toBe(400);
  });

  it("GET /qbrs/{id} returns the six agenda sections in order, filled from the account's data", async () => {
    const res = await api.get<{ sections: { key: string; title: string; minutes: number; content: string }[] }>(
      `/qbrs/${qbrId}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.sections.map((s) => [s.key, s.minutes])).toEqual([
      ["executive_summary", 5],
      ["business_objectives", 10],
      ["product_usage", 15],
      ["success_stories", 10],
      ["roadmap", 10],
      ["qa", 10],
    ]);
    expect(res.body.sections[0].content).toContain("Big Co");
    expect(res.body.sections[1].content).toContain("Cut reporting time in half");
    expect(res.body.sections[3].content).toContain("$90,000 a year");
    expect((await api.get("/qbrs/999999")).status).toBe(404);
  });

  it("GET invite.ics answers text/calendar that parses as one hour-long event inviting the key contacts", async () => {
    const res = await api.get<string>(`/qbrs/${qbrId}/invite.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(calendar.name).toBe("vcalendar");
    const vevent = calendar.getFirstSubcomponent("vevent");
    expect(vevent).not.toBeNull();
    const event = new ICAL.Event(vevent ?? undefined);
    expect(event.summary).toContain("Big Co");
    expect(event.startDate.toJSDate().toISOString()).toBe(held);
    expect(event.duration.toSeconds()).toBe(3600);
    const attendees = event.attendees.map((a) => String(a.getFirstValue()).toLowerCase());
    expect(attendees.sort()).toEqual(["mailto:champ@big.test", "mailto:sponsor@big.test"]);
  });

  it("PUT attendance records the QBR touchpoint, raises the relationship score and opens one follow-up task", async () => {
    const relationship = async () =>
      (await api.get<AccountView>("/accounts/big")).body.health!.components.relationship.score;
    const before = await relationship();
    const body = { contactEmails: ["sponsor@big.test", "champ@big.test"], attended: true };
    const res = await api.put<{ qbr: QbrBody }>(`/qbrs/${qbrId}/attendance`, body);
    expect(res.status).toBe(200);
    expect(res.body.qbr.status).toBe("held");
    const after = await relationship();
    expect(after).toBeGreaterThan(before ?? 0);
    await api.put(`/qbrs/${qbrId}/attendance`, body);
    const accountId = (await db.account.findUniqueOrThrow({ where: { externalId: "big" } })).id;
    expect(await db.touchpoint.count({ where: { accountId, type: "qbr" } })).toBe(1);
    expect(await db.task.count({ where: { accountId, kind: `qbr_follow_up:${qbrId}` } })).toBe(1);
    expect(await relationship()).toBe(after);
  });

  it("refuses attendance for a QBR still to come (409) and unknown contacts (400)", async () => {
    // 100 days on is always another quarter than 3 days ago.
    const future = addDays(today, 100);
    const created = await api.post<QbrBody>("/accounts/big/qbrs", {
      quarter: quarterOfDay(future),
      scheduledAt: `${future}T15:00:00Z`,
    });
    expect(created.body.status).toBe("scheduled");
    const early = await api.put(`/qbrs/${created.body.id}/attendance`, { contactEmails: [], attended: true });
    expect(early.status).toBe(409);
    const unknown = await api.put(`/qbrs/${qbrId}/attendance`, { contactEmails: ["who@x.test"], attended: true });
    expect(unknown.status).toBe(400);
  });
});

describe("My day and the onboarding board", () => {
  it("lists the CSM's due tasks, this week's reviews, band changes since yesterday and their first-year accounts", async () => {
    const { getMyDay } = await import("@/lib/data/home/my-day");
    const { getOnboardingBoard } = await import("@/lib/data/onboarding/board");
    const csm = await db.user.findUniqueOrThrow({ where: { email: "cara@bowtie.test" } });
    const big = await db.account.findUniqueOrThrow({ where: { externalId: "big" } });
    // Yesterday's snapshot had another band than the account has now.
    await db.healthSnapshot.create({
      data: {
        accountId: big.id,
        asOf: new Date(`${addDays(today, -1)}T00:00:00Z`),
        score: 10,
        band: big.healthBand === "red" ? "green" : "red",
        components: {},
      },
    });
    const day = await getMyDay(csm.id);
    expect(day.tasks.map((t) => t.title)).toContain("Send the QBR recap and agreed next steps");
    expect(day.bandChanges.map((c) => c.externalId)).toEqual(["big"]);
    expect(day.meetings.every((m) => m.account.externalId === "big")).toBe(true);
    const board = await getOnboardingBoard({ id: csm.id, role: "csm" }, 1, 25);
    expect(board.rows.map((r) => r.externalId)).toEqual(["fresh", "big"]);
    expect(board.rows[0].milestones.find((m) => m.key === "technical_setup")?.status).toBe("done");
    const other = await createTestUser("csm");
    expect((await getOnboardingBoard({ id: other.id, role: "csm" }, 1, 25)).total).toBe(0);
  });
});
