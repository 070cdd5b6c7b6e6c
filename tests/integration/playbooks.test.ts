// The playbook engine on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): never a
// duplicate open task however it is run (again, or concurrently), snooze and dismiss, the noise
// report, admins' edits, and the API.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadPlaybookFacts, runPlaybooks } from "@/lib/data/playbooks/engine";
import { restoreHealthResult, type StoredHealth } from "@/lib/domain/health-snapshot";
import { loadPlaybookRules } from "@/lib/data/playbooks/rules";
import { listPlaybooks, savePlaybook } from "@/lib/data/playbooks/admin";
import { recomputeHealth } from "@/lib/data/health/recompute";
import { countTasksByView, dismissTask, listTasks, snoozeTask, type ApiTask } from "@/lib/data/tasks/tasks";
import { DEFAULT_PLAYBOOKS } from "@/lib/domain/playbook-defaults";
import type { RuleDefinition } from "@/lib/domain/playbooks";
import { addDays } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import { clock } from "@/lib/clock";
import { accountBody, apiClient, createTestKey, type ApiClient } from "../factories/api";
import { makeAccount, makeUser } from "../factories/tasks";

const today = clock.today();
type Actor = { id: number; role: "admin" | "manager" | "csm" | "ae" | "executive" };
let manager: Actor;
let csm: Actor;
let admin: Actor;
let api: ApiClient;

beforeAll(async () => {
  admin = await makeUser("admin");
  manager = await makeUser("manager");
  csm = await makeUser("csm");
  api = apiClient((await createTestKey()).key);
});

const tasksOf = (accountId: number) =>
  db.task.findMany({ where: { accountId }, orderBy: [{ ruleKey: "asc" }, { step: "asc" }, { id: "asc" }] });
const keysOf = async (accountId: number) => (await tasksOf(accountId)).map((t) => `${t.ruleKey}.${t.step}:${t.status}`);

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : error),
  );

describe("idempotency", () => {
  it("stores the shipped playbooks on first use, once, even when first runs race", async () => {
    await Promise.all([loadPlaybookRules(db), loadPlaybookRules(db), loadPlaybookRules(db)]);
    const rows = await db.playbookRule.findMany({ orderBy: { position: "asc" } });
    expect(rows.map((r) => r.key)).toEqual(DEFAULT_PLAYBOOKS.map((r) => r.key));
  });

  it("raises a sharp drop's steps once, whether the sync runs again or concurrently", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 62, trend: -18 });
    const first = await runPlaybooks(db, { asOf: today, accountIds: [account.id] });
    expect(first).toEqual({ created: 3, emails: 0 });
    expect(await runPlaybooks(db, { asOf: today, accountIds: [account.id] })).toEqual({ created: 0, emails: 0 });
    const concurrent = await Promise.all(
      Array.from({ length: 6 }, () => runPlaybooks(db, { asOf: today, accountIds: [account.id] })),
    );
    expect(concurrent.reduce((sum, r) => sum + r.created, 0)).toBe(0);

    const tasks = await tasksOf(account.id);
    expect(tasks.map((t) => [`${t.ruleKey}.${t.step}`, t.ownerId, t.reason])).toEqual([
      ["churn_prevention.executive", manager.id, "Health fell 18 points in 30 days."],
      ["low_engagement.action_plan", csm.id, "Health 62 (yellow), down 18 points in 30 days."],
      ["mid_market_reviews.review", csm.id, "Mid-Market account, day 400 since the contract started."],
    ]);
    expect(
      await db.auditLog.count({ where: { entity: "task", action: "create (playbook)", accountId: account.id } }),
    ).toBe(3);
  });

  it("opens exactly one task when fresh accounts are synced by many runs at once", async () => {
    const accounts = await Promise.all(
      Array.from({ length: 5 }, () => makeAccount({ asOf: today, csmId: csm.id, band: "red", score: 40 })),
    );
    const ids = accounts.map((a) => a.id);
    const runs = await Promise.all(Array.from({ length: 4 }, () => runPlaybooks(db, { asOf: today, accountIds: ids })));
    // Each red account: the manager's save plan and the semi-annual review.
    expect(runs.reduce((sum, r) => sum + r.created, 0)).toBe(10);
    const open = await db.task.groupBy({
      by: ["accountId", "ruleKey", "step"],
      where: { accountId: { in: ids }, status: "open" },
      _count: true,
    });
    expect(open).toHaveLength(10);
    expect(open.every((g) => g._count === 1)).toBe(true);
  });

  it("refuses a second open task for a step at the database, whoever writes it", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 70 });
    await runPlaybooks(db, { asOf: today, accountIds: [account.id] });
    const [task] = await db.task.findMany({ where: { accountId: account.id, ruleKey: "low_engagement" } });
    const { id: _id, createdAt: _c, ...copy } = task;
    await expect(db.task.create({ data: copy })).rejects.toThrow();
  });

  it("sends a tech-touch email once per period through lib/email, recorded as a done step", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id });
    await db.account.update({ where: { id: account.id }, data: { segment: "smb" } });
    await db.contact.create({ data: { accountId: account.id, name: "Ada", email: "ada@customer.test" } });
    // Inside a write's transaction the emails wait for the daily run (a rolled-back write cannot unsend).
    expect(await db.$transaction((tx) => runPlaybooks(tx, { asOf: today, accountIds: [account.id] }))).toEqual({
      created: 0,
      emails: 0,
    });
    const runs = await Promise.all([1, 2, 3].map(() => runPlaybooks(db, { asOf: today, accountIds: [account.id] })));
    expect(runs.reduce((sum, r) => sum + r.emails, 0)).toBe(2);
    expect(await runPlaybooks(db, { asOf: today, accountIds: [account.id] })).toEqual({ created: 0, emails: 0 });
    const emails = await tasksOf(account.id);
    expect(emails.map((t) => [t.title, t.status, t.outcome])).toEqual([
      [
        "Email: This month's tips from your success team",
        "done",
        "In the outbox for 1 contact (no SMTP server configured).",
      ],
      [
        "Email: You're invited: this quarter's customer webinar",
        "done",
        "In the outbox for 1 contact (no SMTP server configured).",
      ],
    ]);
    const messages = await db.emailMessage.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
    expect(messages.map((m) => [m.to, m.subject, m.status])).toEqual([
      [["ada@customer.test"], "This month's tips from your success team", "outboxed"],
      [["ada@customer.test"], "You're invited: this quarter's customer webinar", "outboxed"],
    ]);
  });
});

describe("a run that stopped between recording its email steps and sending them", () => {
  it("leaves them for the next run, which sends each one once", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id });
    await db.account.update({ where: { id: account.id }, data: { segment: "smb" } });
    await db.contact.create({ data: { accountId: account.id, name: "Ada", email: "ada@customer.test" } });
    expect((await runPlaybooks(db, { asOf: today, accountIds: [account.id] })).emails).toBe(2);
    const [lost, sent] = await tasksOf(account.id);
    // As a stop would leave them: both steps recorded and waiting; the first one's message never
    // stored, the second one's stored before the stop.
    await db.task.updateMany({ where: { accountId: account.id }, data: { outcome: "Waiting to be sent." } });
    await db.emailMessage.deleteMany({ where: { key: `playbook-task:${lost.id}` } });

    expect(await runPlaybooks(db, { asOf: today, accountIds: [account.id] })).toEqual({ created: 0, emails: 0 });
    expect((await tasksOf(account.id)).map((t) => t.outcome)).toEqual(
      Array(2).fill("In the outbox for 1 contact (no SMTP server configured)."),
    );
    const messages = await db.emailMessage.findMany({ where: { accountId: account.id }, orderBy: { key: "asc" } });
    expect(messages.map((m) => [m.key, m.subject, m.to])).toEqual(
      [
        [`playbook-task:${lost.id}`, lost.title.replace("Email: ", ""), ["ada@customer.test"]],
        [`playbook-task:${sent.id}`, sent.title.replace("Email: ", ""), ["ada@customer.test"]],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });
});

describe("a run over many accounts", () => {
  it("sends each account's email steps to that account's own contacts, and notes each step's outcome", async () => {
    const accounts = await Promise.all([1, 2, 3].map(() => makeAccount({ asOf: today, csmId: csm.id })));
    await db.account.updateMany({ where: { id: { in: accounts.map((a) => a.id) } }, data: { segment: "smb" } });
    // Two contacts for the first account, one for the second, none for the third.
    await db.contact.createMany({
      data: [
        { accountId: accounts[0].id, name: "Bea", email: "bea@first.test" },
        { accountId: accounts[0].id, name: "Cal", email: "cal@first.test" },
        { accountId: accounts[1].id, name: "Dee", email: "dee@second.test" },
      ],
    });
    const run = await runPlaybooks(db, { asOf: today, accountIds: accounts.map((a) => a.id) });
    expect(run.emails).toBe(6);
    const sentTo = async (accountId: number) =>
      (await db.emailMessage.findMany({ where: { accountId }, orderBy: { id: "asc" } })).map((m) => m.to);
    expect(await sentTo(accounts[0].id)).toEqual([
      ["bea@first.test", "cal@first.test"],
      ["bea@first.test", "cal@first.test"],
    ]);
    expect(await sentTo(accounts[1].id)).toEqual([["dee@second.test"], ["dee@second.test"]]);
    expect(await sentTo(accounts[2].id)).toEqual([]);
    const outcomes = async (accountId: number) => (await tasksOf(accountId)).map((t) => t.outcome);
    expect(await outcomes(accounts[0].id)).toEqual(
      Array(2).fill("In the outbox for 2 contacts (no SMTP server configured)."),
    );
    expect(await outcomes(accounts[2].id)).toEqual(Array(2).fill("Not sent: the account has no contacts."));
  });
});

describe("snooze and dismiss", () => {
  it("hides a snoozed task from the inbox without the playbook raising it again", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 66 });
    await runPlaybooks(db, { asOf: today, accountIds: [account.id] });
    const [task] = await db.task.findMany({ where: { accountId: account.id, ruleKey: "low_engagement" } });
    const before = await countTasksByView(csm);

    await snoozeTask(task.id, addDays(today, 7), csm);
    expect(await countTasksByView(csm)).toMatchObject({ mine: before.mine - 1, snoozed: before.snoozed + 1 });
    const [snoozed] = await listTasks(csm, { view: "snoozed", page: 1, pageSize: 50 });
    expect(snoozed).toMatchObject({
      id: task.id,
      snoozedUntil: addDays(today, 7),
      rule: { name: "Low-engagement recovery" },
    });
    expect(await runPlaybooks(db, { asOf: today, accountIds: [account.id] })).toEqual({ created: 0, emails: 0 });
    expect(await rejection(snoozeTask(task.id, today, csm))).toBe("invalid");
    expect(await db.auditLog.count({ where: { entity: "task", entityId: String(task.id), action: "snooze" } })).toBe(1);
  });

  it("closes a dismissed task with its reason, keeps it closed for the re-arm period, and counts it as noise", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 67 });
    await runPlaybooks(db, { asOf: today, accountIds: [account.id] });
    const [task] = await db.task.findMany({ where: { accountId: account.id, ruleKey: "low_engagement" } });
    const other = await makeUser("csm");
    expect(await rejection(dismissTask(task.id, "Not mine", other))).toBe("forbidden");

    await dismissTask(task.id, "Seasonal dip, expected", csm);
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "cancelled",
      dismissReason: "Seasonal dip, expected",
    });
    expect(await rejection(dismissTask(task.id, "again", csm))).toBe("conflict");
    expect(await runPlaybooks(db, { asOf: addDays(today, 30), accountIds: [account.id] })).toMatchObject({
      created: 0,
    });
    expect(await keysOf(account.id)).toContain("low_engagement.action_plan:cancelled");
    // The daily run over every account keeps it closed too.
    await runPlaybooks(db, { asOf: addDays(today, 30) });
    expect(await keysOf(account.id)).not.toContain("low_engagement.action_plan:open");
    await runPlaybooks(db, { asOf: addDays(today, 31), accountIds: [account.id] });
    expect(await keysOf(account.id)).toContain("low_engagement.action_plan:open");

    const low = (await listPlaybooks()).find((p) => p.key === "low_engagement");
    expect(low?.noise).toMatchObject({ dismissed: 1, done: 0, dismissalRate: 1 });
    expect(low?.noise.topReasons).toEqual([{ reason: "Seasonal dip, expected", count: 1 }]);
  });
});

describe("admins' edits", () => {
  it("stops a disabled playbook and applies an edited step, audited; the trigger cannot change", async () => {
    const rule = DEFAULT_PLAYBOOKS.find((r) => r.key === "low_engagement");
    if (!rule) throw new Error("missing default");
    const definition: RuleDefinition = {
      trigger: rule.trigger,
      cadence: rule.cadence,
      conditions: rule.conditions,
      rearmDays: rule.rearmDays,
      steps: rule.steps.map((s) =>
        s.key === "action_plan" && s.type === "task" ? { ...s, dueDays: 3, priority: "high" } : s,
      ),
    };
    await savePlaybook(
      { key: "low_engagement", name: "Recovery plan", enabled: true, definition },
      { userId: admin.id },
    );
    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 69 });
    await runPlaybooks(db, { asOf: today, accountIds: [account.id] });
    expect(
      await db.task.findFirstOrThrow({ where: { accountId: account.id, ruleKey: "low_engagement" } }),
    ).toMatchObject({
      priority: "high",
      dueDate: new Date(`${addDays(today, 3)}T00:00:00Z`),
    });
    expect(await db.auditLog.count({ where: { entity: "playbook_rule", entityId: "low_engagement" } })).toBe(1);

    await savePlaybook(
      { key: "low_engagement", name: "Recovery plan", enabled: false, definition },
      { userId: admin.id },
    );
    const quiet = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 69 });
    await runPlaybooks(db, { asOf: today, accountIds: [quiet.id] });
    expect(await db.task.count({ where: { accountId: quiet.id, ruleKey: "low_engagement" } })).toBe(0);

    const moved = savePlaybook(
      {
        key: "low_engagement",
        name: "x",
        enabled: true,
        definition: { ...definition, trigger: "cadence", cadence: "weekly" },
      },
      { userId: admin.id },
    );
    expect(await rejection(moved)).toBe("invalid");
    await savePlaybook(
      { key: "low_engagement", name: rule.name, enabled: true, definition: rule },
      { userId: admin.id },
    );
  });
});

describe("the engine on real scores", () => {
  it("runs after a write's rescore, reading upsell signals from the stored snapshot", async () => {
    const res = await api.put(
      "/accounts/PB-WRITE",
      accountBody({ name: "Write-through", segment: "enterprise", csmEmail: undefined, aeEmail: undefined }),
    );
    expect(res.status).toBe(201);
    const account = await db.account.findUniqueOrThrow({ where: { externalId: "PB-WRITE" } });
    // Scored on the write; the engine ran in the same transaction with the snapshot's facts.
    expect(account.healthAsOf).not.toBeNull();
    const tasks = await db.task.findMany({ where: { accountId: account.id } });
    expect(tasks.every((t) => t.ruleKey && t.reason)).toBe(true);
    await recomputeHealth(db, { asOf: today, accountIds: [account.id] });
    expect(await db.task.count({ where: { accountId: account.id } })).toBe(tasks.length);
  });

  it("reads the upsell signals the SQL way exactly as the stored explanation shows them", async () => {
    const ext = "PB-SIGNALS";
    await api.put(`/accounts/${ext}`, accountBody({ name: "Signals", csmEmail: undefined, aeEmail: undefined }));
    await api.put(`/accounts/${ext}/contacts/ana@signals.test`, { name: "Ana", execSponsor: true });
    await api.put(`/accounts/${ext}/usage`, {
      days: [0, 1, 2].map((n) => ({
        date: addDays(today, -n),
        activeUsers: 30,
        logins: 40,
        sessions: 50,
        sessionMinutes: 600,
        featuresUsed: ["reports", "dashboards", "alerts"],
        workflowsStarted: 4,
        workflowsCompleted: 3,
        integrationsActive: ["slack"],
      })),
    });
    await api.post(`/accounts/${ext}/touchpoints`, {
      type: "call",
      occurredAt: addDays(today, -12),
      contactEmails: ["ana@signals.test"],
    });
    await api.post(`/accounts/${ext}/surveys`, { type: "nps", score: 10, respondedAt: today });
    const signals = await db.account.findUniqueOrThrow({ where: { externalId: ext } });
    expect((await loadPlaybookFacts(db, [signals.id])).get(signals.id)).toMatchObject({
      featureAdoption: 0.75,
      execSponsorDays: 12,
      nps: 100,
    });
    const demo = await db.account.findMany({ where: { status: "active" }, select: { id: true }, take: 50 });
    const facts = await loadPlaybookFacts(
      db,
      demo.map((a) => a.id),
    );
    for (const { id } of demo) {
      const a = await db.account.findUniqueOrThrow({ where: { id } });
      const snapshot = a.healthAsOf
        ? await db.healthSnapshot.findUnique({ where: { accountId_asOf: { accountId: id, asOf: a.healthAsOf } } })
        : null;
      const result = snapshot ? restoreHealthResult(snapshot.components as unknown as StoredHealth) : null;
      const raw = (component: "product" | "relationship", key: string) =>
        result?.components[component].measures.find((m) => m.key === key);
      expect(facts.get(id)).toMatchObject({
        featureAdoption: raw("product", "feature_adoption")?.raw ?? null,
        execSponsorDays: raw("relationship", "exec_sponsor_engagement")?.raw ?? null,
        nps: raw("relationship", "nps_csat")?.parts?.find((p) => p.key === "nps")?.raw ?? null,
      });
    }
  });
});

describe("API", () => {
  it("GET /tasks?account=&open=true lists the open tasks, each with its rule and reason", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "red", score: 41, trend: -22 });
    await runPlaybooks(db, { asOf: today, accountIds: [account.id] });
    const res = await api.get<{ data: ApiTask[] }>(`/tasks?account=${account.externalId}&open=true`);
    expect(res.status).toBe(200);
    const exec = res.body.data.find((t) => t.rule?.key === "churn_prevention");
    expect(exec).toMatchObject({
      title: "Executive involvement",
      rule: { key: "churn_prevention", name: "Churn prevention" },
      reason: "Health fell 22 points in 30 days.",
      status: "open",
      priority: "urgent",
      owner: { email: expect.stringContaining("@") },
    });
    expect(res.body.data.every((t) => t.status === "open")).toBe(true);

    expect((await api.get(`/tasks?account=NOPE&open=true`)).status).toBe(404);
    const bad = await api.get(`/tasks?open=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path).sort()).toEqual(["account", "open"]);
  });

  it("GET /playbooks lists the rules in order with their conditions, steps and noise", async () => {
    const res = await api.get<{ data: { key: string; trigger: string; summary: string; steps: unknown[] }[] }>(
      "/playbooks",
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((r) => r.key)).toEqual(DEFAULT_PLAYBOOKS.map((r) => r.key));
    expect(res.body.data.find((r) => r.key === "renewal_preparation")).toMatchObject({
      trigger: "renewal",
      summary: "days to renewal ≥ 0 and days to renewal ≤ 90",
    });
    expect((await api.post("/playbooks", {})).status).toBe(405);
  });
});
