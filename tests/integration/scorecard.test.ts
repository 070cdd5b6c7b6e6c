// Lifecycle stages and the manager's scorecard on a real database: the stage sync records each
// change once and a manual stage wins; stored weekly figures don't drift when old data is
// corrected until an audited recompute; measurables and rocks are for managers only.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({
  user: null as null | {
    id: number;
    email: string;
    name: string;
    role: "admin" | "manager" | "csm" | "ae" | "executive";
    active: boolean;
  },
}));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { db } from "@/lib/db";
import { setStageOverrideAction } from "@/lib/actions/lifecycle";
import { deleteRockAction, saveRockAction, setRockStatusAction } from "@/lib/actions/rocks";
import { addMeasurableAction, recomputeScorecardAction, updateMeasurableAction } from "@/lib/actions/scorecard";
import { upsertAccount } from "@/lib/data/accounts/save-account";
import { getTimeInStage, syncLifecycleStages } from "@/lib/data/accounts/lifecycle-stages";
import { listRocks } from "@/lib/data/scorecard/rocks";
import { getMetricsReport } from "@/lib/data/dashboards/metrics";
import { fillScorecardWeeks, getScorecard } from "@/lib/data/scorecard/scorecard";
import { computeWeeklyValues } from "@/lib/data/scorecard/weekly-metrics";
import { addDays } from "@/lib/domain/dates";
import { scorecardWeeks } from "@/lib/domain/scorecard";
import { accountBody, createTestUser } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
const actor = { system: "scorecard test" };
type Role = "admin" | "manager" | "csm" | "ae" | "executive";
const users: Partial<Record<Role, { id: number; email: string; name: string; role: Role; active: boolean }>> = {};
const signInAs = (role: Role) => {
  session.user = users[role] ?? null;
};
const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
};
const stageOf = (externalId: string) =>
  db.account.findUniqueOrThrow({
    where: { externalId },
    select: { id: true, lifecycleStage: true, stageOverride: true },
  });
const changesOf = (accountId: number) =>
  db.stageChange.findMany({
    where: { accountId },
    orderBy: { id: "asc" },
    select: { fromStage: true, toStage: true, manual: true, reason: true },
  });

beforeAll(async () => {
  for (const role of ["manager", "csm", "executive"] as const) users[role] = await createTestUser(role);
});

describe("lifecycle stage sync", () => {
  it("derives the stage on upsert and records each change once", async () => {
    // Contract started 100 days ago, renewal in a year: adoption.
    await upsertAccount(
      "stage-a",
      accountBody({
        name: "Stage A",
        contractStart: addDays(today, -100),
        renewalDate: addDays(today, 265),
        csmEmail: users.csm?.email,
      }),
      actor,
    );
    const a = await stageOf("stage-a");
    expect(a.lifecycleStage).toBe("adoption");
    expect(await changesOf(a.id)).toEqual([{ fromStage: null, toStage: "adoption", manual: false, reason: null }]);

    // Nothing changed: syncing again (all accounts, then just this one) records nothing.
    await syncLifecycleStages(db, { asOf: today });
    expect(await syncLifecycleStages(db, { asOf: today, accountIds: [a.id] })).toBe(0);
    expect(await changesOf(a.id)).toHaveLength(1);

    // The CRM moves the renewal date within 90 days: renewal, recorded once.
    await upsertAccount(
      "stage-a",
      accountBody({
        name: "Stage A",
        contractStart: addDays(today, -100),
        renewalDate: addDays(today, 90),
        csmEmail: users.csm?.email,
      }),
      actor,
    );
    expect((await stageOf("stage-a")).lifecycleStage).toBe("renewal");
    await syncLifecycleStages(db, { asOf: today });
    expect(await changesOf(a.id)).toEqual([
      { fromStage: null, toStage: "adoption", manual: false, reason: null },
      { fromStage: "adoption", toStage: "renewal", manual: false, reason: null },
    ]);
  });

  it("moves every account in one sync as the days pass", async () => {
    await upsertAccount(
      "stage-b",
      accountBody({ name: "Stage B", contractStart: addDays(today, -90), renewalDate: addDays(today, 275) }),
      actor,
    );
    const b = await stageOf("stage-b");
    expect(b.lifecycleStage).toBe("onboarding"); // day 90 is the last day of onboarding
    await syncLifecycleStages(db, { asOf: addDays(today, 1), at: new Date(`${addDays(today, 1)}T06:00:00Z`) });
    expect((await stageOf("stage-b")).lifecycleStage).toBe("adoption");
    expect(await changesOf(b.id)).toHaveLength(2);
  });

  it("lets the owning CSM set a manual stage that wins over the sync, recorded and audited", async () => {
    const a = await stageOf("stage-a");
    signInAs("csm");
    const result = await setStageOverrideAction(
      null,
      form({ accountId: a.id, stage: "expansion", reason: "Upsell signed early" }),
    );
    expect(result).toEqual({ ok: true, data: null });
    expect(await stageOf("stage-a")).toMatchObject({ lifecycleStage: "renewal", stageOverride: "expansion" });

    // The derived stage moves (renewal date pushed out), but the shown stage stays the manual one.
    await upsertAccount(
      "stage-a",
      accountBody({
        name: "Stage A",
        contractStart: addDays(today, -100),
        renewalDate: addDays(today, 265),
        csmEmail: users.csm?.email,
      }),
      actor,
    );
    expect(await stageOf("stage-a")).toMatchObject({ lifecycleStage: "adoption", stageOverride: "expansion" });
    const afterOverride = await changesOf(a.id);
    expect(afterOverride.slice(2)).toEqual([
      { fromStage: "renewal", toStage: "expansion", manual: true, reason: "Upsell signed early" },
    ]);

    // Clearing goes back to the derived stage: a manual change too.
    const cleared = await setStageOverrideAction(
      null,
      form({ accountId: a.id, stage: "", reason: "Back to the rules" }),
    );
    expect(cleared.ok).toBe(true);
    expect((await changesOf(a.id)).slice(3)).toEqual([
      { fromStage: "expansion", toStage: "adoption", manual: true, reason: "Back to the rules" },
    ]);
    const audits = await db.auditLog.findMany({
      where: { accountId: a.id, action: { in: ["set stage", "clear stage"] } },
      orderBy: { id: "asc" },
    });
    expect(audits.map((x) => [x.action, x.actorId])).toEqual([
      ["set stage", users.csm?.id],
      ["clear stage", users.csm?.id],
    ]);
  });

  it("refuses a manual stage from a CSM who doesn't own the account, and without a reason", async () => {
    const b = await stageOf("stage-b");
    signInAs("csm");
    expect(
      await setStageOverrideAction(null, form({ accountId: b.id, stage: "expansion", reason: "Not mine" })),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    signInAs("manager");
    expect(await setStageOverrideAction(null, form({ accountId: b.id, stage: "expansion", reason: "" }))).toMatchObject(
      { ok: false, error: { code: "invalid" } },
    );
    expect((await stageOf("stage-b")).stageOverride).toBeNull();
  });

  it("measures time in stage from the recorded changes", async () => {
    const stats = await getTimeInStage(db);
    // stage-b's onboarding ran from today to tomorrow (1 day); stage-a went adoption → renewal →
    // expansion (manual) → adoption, all today: three stays of 0 days, the last adoption still under way.
    expect(stats.find((s) => s.stage === "onboarding")).toMatchObject({ stays: 1, medianDays: 1 });
    for (const stage of ["adoption", "renewal", "expansion"])
      expect(stats.find((s) => s.stage === stage)).toMatchObject({ stays: 1, medianDays: 0 });
    expect(stats.find((s) => s.stage === "value_realization")?.stays).toBe(0);
  });
});

describe("weekly scorecard", () => {
  const weeks = scorecardWeeks(today);
  const pastWeek = weeks[10];
  let taskId: number;
  let measurableId: number;

  beforeAll(async () => {
    const owner = users.manager?.id ?? 0;
    // Due the day before the past week ends: overdue at its end, and still open today.
    const task = await db.task.create({
      data: {
        ownerId: owner,
        title: "Send the QBR deck",
        dueDate: new Date(`${addDays(pastWeek.end, -1)}T00:00:00Z`),
        createdAt: new Date(`${addDays(pastWeek.start, -7)}T09:00:00Z`),
      },
    });
    taskId = task.id;
  });

  it("seeds the default measurables once and shows the 13 weeks the queue stored, computing none itself", async () => {
    const unfilled = await getScorecard(today);
    expect(unfilled.rows.flatMap((r) => r.cells.map((c) => c.value)).every((v) => v === null)).toBe(true);
    expect(await db.scorecardValue.count()).toBe(0);
    await fillScorecardWeeks({ asOf: today });
    const scorecard = await getScorecard(today);
    expect(scorecard.weeks).toHaveLength(13);
    expect(scorecard.rows.map((r) => r.metricKey)).toEqual([
      "unhealthyShare",
      "nrr",
      "grr",
      "logoChurnRate",
      "accountsTouched",
      "overdueTasks",
      "renewalsSignedVsDue",
      "nps",
      "onboardingCompletion",
      "timeToValueDays",
    ]);
    for (const row of scorecard.rows) expect(row.cells).toHaveLength(13);
    const overdue = scorecard.rows.find((r) => r.metricKey === "overdueTasks");
    expect(overdue?.cells[10]).toEqual({ weekStart: pastWeek.start, value: 1, onGoal: true });
    expect(await db.scorecardValue.count()).toBe(130);
    // Filling again computes nothing new for past weeks and keeps one row per measurable and week.
    await fillScorecardWeeks({ asOf: today });
    expect(await db.scorecardMeasurable.count()).toBe(10);
    expect(await db.scorecardValue.count()).toBe(130);
  });

  it("lets a manager add a measurable whose goal the figures miss: off goal", async () => {
    signInAs("manager");
    const added = await addMeasurableAction(
      null,
      form({ metricKey: "overdueTasks", title: "Overdue tasks (strict)", goal: 0, ownerId: users.manager?.id ?? "" }),
    );
    expect(added.ok).toBe(true);
    if (added.ok) measurableId = added.data;
    const row = (await getScorecard(today)).rows.find((r) => r.id === measurableId);
    expect(row).toMatchObject({
      title: "Overdue tasks (strict)",
      goal: 0,
      direction: "lte",
      owner: { id: users.manager?.id },
    });
    expect(row?.cells[10]).toEqual({ weekStart: pastWeek.start, value: 1, onGoal: false });
  });

  it("keeps stored past weeks when old data is corrected, until a recompute (audited)", async () => {
    // The task should never have counted: cancelled. Ten minutes later the queue refreshes the week under way.
    await db.task.update({ where: { id: taskId }, data: { status: "cancelled" } });
    await db.scorecardValue.updateMany({
      where: { weekStart: new Date(`${weeks[12].start}T00:00:00Z`) },
      data: { computedAt: new Date(clock.nowMs() - 11 * 60_000) },
    });
    await fillScorecardWeeks({ asOf: today });
    const before = (await getScorecard(today)).rows.find((r) => r.id === measurableId);
    expect(before?.cells[10].value).toBe(1); // final: computed after the week ended
    expect(before?.cells[12].value).toBe(0); // the week under way follows the data

    signInAs("manager");
    expect(await recomputeScorecardAction(null, form({}))).toMatchObject({ ok: false, error: { code: "invalid" } });
    const recomputed = await recomputeScorecardAction(null, form({ confirm: "yes" }));
    expect(recomputed.ok).toBe(true);
    const after = (await getScorecard(today)).rows.find((r) => r.id === measurableId);
    expect(after?.cells[10]).toEqual({ weekStart: pastWeek.start, value: 0, onGoal: true });

    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "scorecard", action: "recompute" } });
    expect(audit.actorId).toBe(users.manager?.id);
    const changes = (audit.after as { changes: { measurable: string; week: string; from: number; to: number }[] })
      .changes;
    expect(changes).toContainEqual({ measurable: "Overdue tasks (strict)", week: pastWeek.start, from: 1, to: 0 });
  });

  it("stores a % goal typed in percent as a fraction, and lets only managers change measurables", async () => {
    signInAs("manager");
    const updated = await updateMeasurableAction(
      null,
      form({ id: measurableId, title: "Overdue tasks (strict)", goal: 2, direction: "lte", ownerId: "" }),
    );
    expect(updated.ok).toBe(true);
    // The default "Unhealthy share (red + yellow)" is on the scorecard already: not twice.
    const count = await db.scorecardMeasurable.count();
    expect(await addMeasurableAction(null, form({ metricKey: "unhealthyShare", goal: 25 }))).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringContaining("already on the scorecard") },
    });
    expect(
      await addMeasurableAction(null, form({ metricKey: "nps", title: "  overdue TASKS (strict) ", goal: 10 })),
    ).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await db.scorecardMeasurable.count()).toBe(count);
    const share = await addMeasurableAction(
      null,
      form({ metricKey: "unhealthyShare", title: "Unhealthy share, stretch", goal: 20 }),
    );
    expect(share.ok).toBe(true);
    if (share.ok)
      expect(await db.scorecardMeasurable.findUniqueOrThrow({ where: { id: share.data } })).toMatchObject({
        goal: 0.2,
        direction: "lte",
        title: "Unhealthy share, stretch",
      });

    signInAs("csm");
    expect(await addMeasurableAction(null, form({ metricKey: "nps", goal: 50 }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(
      await updateMeasurableAction(null, form({ id: measurableId, title: "Mine now", goal: 99, direction: "gte" })),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await recomputeScorecardAction(null, form({ confirm: "yes" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect((await db.scorecardMeasurable.findUniqueOrThrow({ where: { id: measurableId } })).goal).toBe(2);

    signInAs("manager");
    expect(await addMeasurableAction(null, form({ metricKey: "notAMetric", goal: 1 }))).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });
  });
});

describe("weekly metric families", () => {
  it("agree with the period report over each week's window", async () => {
    // Some history to measure: an older account that expands and later contracts, and survey answers.
    await upsertAccount(
      "family-a",
      accountBody({
        name: "Family A",
        arr: 50_000,
        contractStart: addDays(today, -500),
        renewalDate: addDays(today, 200),
      }),
      actor,
    );
    await upsertAccount(
      "family-a",
      accountBody({
        name: "Family A",
        arr: 65_000.5,
        contractStart: addDays(today, -500),
        renewalDate: addDays(today, 200),
      }),
      actor,
    );
    const family = await stageOf("family-a");
    await db.arrMovement.create({
      data: {
        accountId: family.id,
        type: "contraction",
        amount: "-4000.25",
        date: new Date(`${addDays(today, -40)}T00:00:00Z`),
      },
    });
    for (const [score, daysAgo] of [
      [10, 3],
      [6, 20],
      [9, 50],
      [3, 100],
    ] as const) {
      await db.surveyResponse.create({
        data: {
          accountId: family.id,
          type: "nps",
          score,
          respondedAt: new Date(`${addDays(today, -daysAgo)}T00:00:00Z`),
        },
      });
    }
    const weeks = scorecardWeeks(today).filter((_, i) => i % 4 === 0 || i === 12);
    const keys = [
      "unhealthyShare",
      "grr",
      "nrr",
      "logoChurnRate",
      "revenueChurnRate",
      "averageMrrPerAccount",
      "expansionRate",
      "nps",
      "csat",
      "onboardingCompletion",
      "timeToValueDays",
      "upsellConversion",
    ] as const;
    const weekly = await computeWeeklyValues(keys, weeks);
    for (const week of weeks) {
      const year = await getMetricsReport({ from: addDays(week.measuredOn, -364), to: week.measuredOn });
      const quarter = await getMetricsReport({ from: addDays(week.measuredOn, -89), to: week.measuredOn });
      for (const key of keys) {
        const expected = ["nps", "csat", "onboardingCompletion", "timeToValueDays"].includes(key)
          ? quarter.metrics[key]
          : year.metrics[key];
        expect({ key, week: week.start, value: weekly.get(key)?.get(week.start) }).toEqual({
          key,
          week: week.start,
          value: expected,
        });
      }
    }
    // Today's NPS over 90 days: answers 10, 6, 9 → (2 promoters − 1 detractor) / 3 = 33.33.
    expect(weekly.get("nps")?.get(weeks[weeks.length - 1].start)).toBe(33.33);
  });
});

describe("rocks", () => {
  it("creates a rock linked to a metric and shows its progress; managers update and delete it", async () => {
    signInAs("manager");
    const created = await saveRockAction(
      null,
      form({
        title: "Cut overdue tasks to 0",
        ownerId: users.manager?.id ?? "",
        dueDate: addDays(today, 60),
        metricKey: "overdueTasks",
        startValue: 4,
        targetValue: 0,
      }),
    );
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data : 0;
    const rock = (await listRocks(today)).find((r) => r.id === id);
    // Overdue tasks now 0 (the only one was cancelled): (0 − 4) / (0 − 4) = 100%.
    expect(rock).toMatchObject({
      status: "on_track",
      currentValue: 0,
      progress: { fraction: 1, reached: true },
      metric: { key: "overdueTasks" },
    });

    const pct = await saveRockAction(
      null,
      form({
        title: "Unhealthy share to 25%",
        dueDate: addDays(today, 80),
        metricKey: "unhealthyShare",
        startValue: 34,
        targetValue: 25,
      }),
    );
    expect(pct.ok).toBe(true);
    if (pct.ok)
      expect(await db.rock.findUniqueOrThrow({ where: { id: pct.data } })).toMatchObject({
        startValue: 0.34,
        targetValue: 0.25,
      });

    expect(await setRockStatusAction(null, form({ id, status: "off_track" }))).toEqual({ ok: true, data: null });
    expect(
      await saveRockAction(
        null,
        form({
          id,
          title: "Cut overdue tasks to zero",
          dueDate: addDays(today, 61),
          status: "done",
          metricKey: "",
          startValue: "",
          targetValue: "",
        }),
      ),
    ).toEqual({ ok: true, data: id });
    expect(await db.rock.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Cut overdue tasks to zero",
      status: "done",
      metricKey: null,
    });
    const audits = await db.auditLog.findMany({ where: { entity: "rock", entityId: String(id) } });
    expect(audits.map((a) => a.action)).toEqual(["create", "update", "update"]);

    // A linked metric needs start and target values.
    const bad = await saveRockAction(
      null,
      form({ title: "Raise NPS", dueDate: addDays(today, 30), metricKey: "nps", startValue: 40 }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid", issues: [{ path: "targetValue" }] } });

    signInAs("csm");
    expect(await saveRockAction(null, form({ title: "CSM rock", dueDate: addDays(today, 30) }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await setRockStatusAction(null, form({ id, status: "on_track" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    signInAs("executive");
    expect(await saveRockAction(null, form({ title: "Exec rock", dueDate: addDays(today, 30) }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    signInAs("manager");
    await deleteRockAction(form({ id }));
    expect(await db.rock.findUnique({ where: { id } })).toBeNull();
  });
});
