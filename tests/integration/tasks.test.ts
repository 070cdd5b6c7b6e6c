import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runPlaybooks } from "@/lib/data/playbooks/engine";
import { loadPlaybookRules } from "@/lib/data/playbooks/rules";
import { recomputeHealth } from "@/lib/data/health/recompute";
import { resetAndSeedDemo } from "@/lib/data/platform/seed";
import { completeTask, countTasksByView, createTask, listTasks, reopenTask } from "@/lib/data/tasks/tasks";
import { AppError } from "@/lib/errors";
import { addDays } from "@/lib/domain/dates";
import { makeAccount, makeTask, makeUser } from "../factories/tasks";
import { clock } from "@/lib/clock";

// Playbooks run for "today" (backfills are skipped), so these tests use the real date.
const today = clock.today();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Actor = { id: number; role: "admin" | "manager" | "csm" | "ae" | "executive" };
let admin: Actor;
let manager: Actor;
let csm: Actor;
let otherCsm: Actor;

beforeAll(async () => {
  // The admin comes first by id: manager steps must still go to the manager.
  admin = await makeUser("admin");
  manager = await makeUser("manager");
  csm = await makeUser("csm");
  otherCsm = await makeUser("csm");
});

const playbookTasks = (accountIds: number[]) =>
  db.task.findMany({
    where: { accountId: { in: accountIds } },
    orderBy: [{ accountId: "asc" }, { ruleKey: "asc" }, { step: "asc" }, { id: "asc" }],
  });

/** Runs the engine for some accounts as of a day. */
const run = (asOf: string, accountIds: number[]) => runPlaybooks(db, { asOf, accountIds });

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : error),
  );

// The escalation ladder is two of the shipped playbooks: low-engagement recovery and churn
// prevention. The others (renewal windows, segment cadences) are off here so counts stay exact.
describe("the escalation playbooks", () => {
  const LADDER = ["low_engagement", "churn_prevention"];
  beforeAll(async () => {
    await loadPlaybookRules(db);
    await db.playbookRule.updateMany({ where: { key: { notIn: LADDER } }, data: { enabled: false } });
  });
  afterAll(async () => {
    await db.playbookRule.updateMany({ data: { enabled: true } });
  });

  it("raises each needed step once, owned, dated and audited, however often it runs", async () => {
    const yellow = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 68 });
    const redRenewing = await makeAccount({ asOf: today, csmId: csm.id, band: "red", score: 48, renewalInDays: 45 });
    const quiet = [
      await makeAccount({ asOf: today, csmId: csm.id }),
      await makeAccount({ asOf: today, csmId: csm.id, band: "red", score: 30, insufficient: true }),
      await makeAccount({ asOf: today, csmId: csm.id, band: "red", score: 20, status: "churned", renewalInDays: 10 }),
    ];
    const ids = [yellow.id, redRenewing.id, ...quiet.map((a) => a.id)];

    expect(await run(today, ids)).toEqual({ created: 3, emails: 0 });
    expect(await run(today, ids)).toEqual({ created: 0, emails: 0 });
    expect(await run(today, ids)).toEqual({ created: 0, emails: 0 });

    const tasks = await playbookTasks(ids);
    expect(
      tasks.map(({ accountId, ruleKey, step, ownerId, dueDate, priority, source, status }) => ({
        accountId,
        rule: `${ruleKey}.${step}`,
        ownerId,
        dueDate,
        priority,
        source,
        status,
      })),
    ).toEqual([
      {
        accountId: yellow.id,
        rule: "low_engagement.action_plan",
        ownerId: csm.id,
        dueDate: day(addDays(today, 7)),
        priority: "normal",
        source: "playbook",
        status: "open",
      },
      {
        accountId: redRenewing.id,
        rule: "churn_prevention.executive",
        ownerId: manager.id,
        dueDate: day(addDays(today, 2)),
        priority: "urgent",
        source: "playbook",
        status: "open",
      },
      {
        accountId: redRenewing.id,
        rule: "low_engagement.save_plan",
        ownerId: manager.id,
        dueDate: day(addDays(today, 3)),
        priority: "high",
        source: "playbook",
        status: "open",
      },
    ]);
    expect(tasks.map((t) => t.reason)).toEqual([
      "Health 68 (yellow).",
      "Health 48 (red), renewal in 45 days.",
      "Health 48 (red).",
    ]);

    expect(
      await db.auditLog.count({ where: { entity: "task", entityId: { in: tasks.map((t) => String(t.id)) } } }),
    ).toBe(3);
    expect(await db.auditLog.findFirst({ where: { entity: "task", entityId: String(tasks[0].id) } })).toMatchObject({
      actorId: null,
      accountId: yellow.id,
      action: "create (playbook)",
      after: {
        title: "CSM action plan",
        rule: "low_engagement",
        step: "action_plan",
        reason: "Health 68 (yellow).",
        ownerId: csm.id,
        dueDate: addDays(today, 7),
        priority: "normal",
        source: "playbook",
        status: "open",
      },
    });
  });

  it("hands a deactivated CSM's step to the manager", async () => {
    const gone = await makeUser("csm", { active: false });
    const account = await makeAccount({ asOf: today, csmId: gone.id, band: "yellow", score: 70 });
    await run(today, [account.id]);
    expect((await playbookTasks([account.id])).map((t) => t.ownerId)).toEqual([manager.id]);
  });

  it("touches only the listed accounts", async () => {
    const listed = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 66 });
    const other = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 66 });
    await run(today, [listed.id]);
    expect(await db.task.count({ where: { accountId: listed.id } })).toBe(1);
    expect(await db.task.count({ where: { accountId: other.id } })).toBe(0);
  });

  it("does not raise a completed step again for 30 days, then does if the account still qualifies", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 62 });
    await run(today, [account.id]);
    const [first] = await playbookTasks([account.id]);
    await completeTask(first.id, "Agreed a training plan", csm);

    expect(await run(today, [account.id])).toEqual({ created: 0, emails: 0 });
    expect(await run(addDays(today, 30), [account.id])).toEqual({ created: 0, emails: 0 });
    expect(await run(addDays(today, 31), [account.id])).toEqual({ created: 1, emails: 0 });
    expect((await playbookTasks([account.id])).map((t) => t.status)).toEqual(["done", "open"]);
  });
});

describe("completeTask and reopenTask", () => {
  it("lets the owner complete a task with an outcome, audited", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id });
    const task = await makeTask({ ownerId: csm.id, accountId: account.id, dueDate: today });
    expect(await completeTask(task.id, "Sponsor call booked", csm)).toEqual({
      id: task.id,
      accountExternalId: account.externalId,
    });

    const stored = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored).toMatchObject({ status: "done", outcome: "Sponsor call booked" });
    expect(stored.completedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "task", entityId: String(task.id) } });
    expect(audit).toMatchObject({
      actorId: csm.id,
      accountId: account.id,
      action: "complete",
      before: { status: "open", outcome: null },
      after: { status: "done", outcome: "Sponsor call booked" },
    });
  });

  it("refuses another CSM and lets a manager or admin complete anyone's task", async () => {
    const task = await makeTask({ ownerId: csm.id, dueDate: today });
    expect(await rejection(completeTask(task.id, null, otherCsm))).toBe("forbidden");
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("open");
    await completeTask(task.id, null, manager);
    const another = await makeTask({ ownerId: csm.id, dueDate: today });
    await completeTask(another.id, null, admin);
    expect(await db.task.count({ where: { id: { in: [task.id, another.id] }, status: "done" } })).toBe(2);
  });

  it("reports a closed or missing task instead of completing it twice", async () => {
    const task = await makeTask({ ownerId: csm.id, dueDate: today });
    await completeTask(task.id, null, csm);
    expect(await rejection(completeTask(task.id, "again", csm))).toBe("conflict");
    expect(await rejection(completeTask(999_999, null, manager))).toBe("not_found");
  });

  it("reopens a done task without its outcome, unless the playbook already raised the step again", async () => {
    const task = await makeTask({ ownerId: csm.id, dueDate: today });
    await completeTask(task.id, "Done by mistake", csm);
    await reopenTask(task.id, csm);
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "open",
      outcome: null,
      completedAt: null,
    });

    const account = await makeAccount({ asOf: today, csmId: csm.id, band: "yellow", score: 64 });
    await run(today, [account.id]);
    const [first] = await playbookTasks([account.id]);
    await completeTask(first.id, null, csm);
    await run(addDays(today, 31), [account.id]);
    expect(await rejection(reopenTask(first.id, csm))).toBe("conflict");
  });

  it("lets only one of two simultaneous reopens (or completions) through, audited once", async () => {
    const task = await makeTask({ ownerId: csm.id, dueDate: today });
    await completeTask(task.id, "Done", csm);
    const reopens = await Promise.all([reopenTask(task.id, csm), reopenTask(task.id, manager)].map(rejection));
    expect(reopens.filter((r) => r === null)).toHaveLength(1);
    expect(reopens.filter((r) => r === "conflict")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entity: "task", entityId: String(task.id), action: "reopen" } })).toBe(1);
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "open",
      outcome: null,
    });

    const completions = await Promise.all(
      [completeTask(task.id, "A", csm), completeTask(task.id, "B", manager)].map(rejection),
    );
    expect(completions.filter((r) => r === null)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entity: "task", entityId: String(task.id), action: "complete" } })).toBe(
      2,
    );
  });
});

describe("createTask", () => {
  const input = (accountId: number, extra: Partial<Parameters<typeof createTask>[0]> = {}) => ({
    accountId,
    title: "Send the renewal proposal",
    dueDate: addDays(today, 5),
    priority: "high" as const,
    description: null,
    ...extra,
  });

  it("lets a CSM add a manual task to an account they own, owned by them and audited", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id });
    const { id } = await createTask(input(account.id), csm);
    expect(await db.task.findUniqueOrThrow({ where: { id } })).toMatchObject({
      accountId: account.id,
      ownerId: csm.id,
      title: "Send the renewal proposal",
      dueDate: day(addDays(today, 5)),
      priority: "high",
      source: "manual",
      status: "open",
      kind: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "task", entityId: String(id) } });
    expect(audit).toMatchObject({
      actorId: csm.id,
      action: "create",
      after: { title: "Send the renewal proposal", ownerId: csm.id, dueDate: addDays(today, 5) },
    });
  });

  it("refuses a CSM on someone else's account and writes nothing", async () => {
    const account = await makeAccount({ asOf: today, csmId: otherCsm.id });
    expect(await rejection(createTask(input(account.id), csm))).toBe("forbidden");
    expect(await db.task.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("lets a manager assign a task to a CSM, but not to a deactivated user", async () => {
    const account = await makeAccount({ asOf: today, csmId: csm.id });
    const { id } = await createTask(input(account.id, { ownerId: csm.id }), manager);
    expect((await db.task.findUniqueOrThrow({ where: { id } })).ownerId).toBe(csm.id);
    const gone = await makeUser("csm", { active: false });
    expect(await rejection(createTask(input(account.id, { ownerId: gone.id }), manager))).toBe("invalid");
    expect(await rejection(createTask(input(999_999), manager))).toBe("not_found");
  });
});

describe("listTasks and countTasksByView", () => {
  it("shows a user their open, overdue and done tasks with counts per tab", async () => {
    const me = await makeUser("ae");
    const account = await makeAccount({ asOf: today, csmId: csm.id });
    const overdue = await makeTask({ ownerId: me.id, accountId: account.id, dueDate: addDays(today, -2) });
    const dueToday = await makeTask({ ownerId: me.id, dueDate: today });
    const later = await makeTask({ ownerId: me.id, dueDate: addDays(today, 3) });
    const done = await makeTask({ ownerId: me.id, dueDate: addDays(today, -5) });
    await completeTask(done.id, "Handled on the call", me);
    await makeTask({ ownerId: otherCsm.id, dueDate: addDays(today, -1) });

    expect(await countTasksByView(me)).toEqual({ mine: 3, overdue: 1, snoozed: 0, done: 1 });

    const mine = await listTasks(me, { view: "mine", page: 1, pageSize: 25 });
    expect(mine.map((t) => [t.id, t.overdue, t.dueInDays])).toEqual([
      [overdue.id, true, -2],
      [dueToday.id, false, 0],
      [later.id, false, 3],
    ]);
    expect(mine[0]).toMatchObject({
      account: { externalId: account.externalId, name: account.name },
      dueDate: addDays(today, -2),
      source: "manual",
      status: "open",
    });
    expect(mine[1].account).toBeNull();

    expect((await listTasks(me, { view: "overdue", page: 1, pageSize: 25 })).map((t) => t.id)).toEqual([overdue.id]);
    expect(await listTasks(me, { view: "done", page: 1, pageSize: 25 })).toEqual([
      expect.objectContaining({
        id: done.id,
        status: "done",
        outcome: "Handled on the call",
        completedAt: today,
        overdue: false,
      }),
    ]);
    expect((await listTasks(me, { view: "mine", page: 2, pageSize: 2 })).map((t) => t.id)).toEqual([later.id]);
  });
});

// Last: it replaces every row above with the demo.
describe("the health recompute hook", () => {
  it("raises the demo's playbook tasks on today's recompute, never twice, and not on backfills", async () => {
    await resetAndSeedDemo(db, { today: day(today), accountCount: 20, log: () => {} });
    const tasks = await db.task.findMany();
    expect(tasks.length).toBeGreaterThan(0);
    // Open tasks for people, and the tech-touch emails recorded as done; each says which rule and why.
    expect(
      tasks.every(
        (t) =>
          t.source === "playbook" &&
          t.ruleKey &&
          t.reason &&
          (t.status === "open" || t.title.startsWith("Email: ")) &&
          t.dueDate >= day(today),
      ),
    ).toBe(true);
    expect(new Set(tasks.map((t) => `${t.accountId}:${t.ruleKey}:${t.step}`)).size).toBe(tasks.length);
    expect(await db.auditLog.count({ where: { entity: "task", action: "create (playbook)" } })).toBe(tasks.length);

    // The batch outside the seed's transaction also sends the SMB tech-touch emails (done steps).
    await recomputeHealth(db, { asOf: today });
    expect(await db.task.count({ where: { status: "open" } })).toBe(tasks.length);
    expect(await db.task.count({ where: { status: "done", NOT: { title: { startsWith: "Email: " } } } })).toBe(0);

    await db.task.deleteMany();
    await recomputeHealth(db, { asOf: addDays(today, -7) });
    expect(await db.task.count()).toBe(0);
  });
});
