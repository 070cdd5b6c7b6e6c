// Offboarding and win-back (SPEC §4): a churn (at renewal, through the page or the API, or a
// manager's termination) starts the checklist; working it completes it; a manager wins the
// customer back. Plus the renewal forecast summary query. Nothing about an account is deleted.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { UserSummary } from "@/lib/data/platform/users";
import { clock } from "@/lib/clock";

// Server actions run as the "signed-in" user below; Next's request-bound helpers are stubbed.
let signedIn: UserSummary | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw new Redirect(path);
  },
}));
class Redirect extends Error {
  constructor(readonly path: string) {
    super(`redirect ${path}`);
  }
}

const { db } = await import("@/lib/db");
const { recordOutcomeAction } = await import("@/lib/actions/renewals");
const { reactivateAccountAction, recordTerminationAction, saveOffboardingDetailsAction, toggleOffboardingItemAction } =
  await import("@/lib/actions/offboarding");
const { getOffboarding, listFormerCustomers } = await import("@/lib/data/offboarding/checklist");
const { getForecastSummary } = await import("@/lib/data/renewals/forecast");
const { addDays, toIsoDate } = await import("@/lib/domain/dates");
const { quarterOf } = await import("@/lib/domain/renewal-forecast");
const { OFFBOARDING_ITEM_KEYS } = await import("@/lib/domain/offboarding");
const { accountBody, apiClient, createTestKey, createTestUser } = await import("@/tests/factories/api");

const today = clock.today();
type Api = ReturnType<typeof apiClient>;
let api: Api;
let ae: UserSummary;
let csm: UserSummary;
let otherCsm: UserSummary;
let manager: UserSummary;

const account = (externalId: string) => db.account.findUniqueOrThrow({ where: { externalId } });
const form = (fields: Record<string, string | string[] | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, String(value));
  return data;
};
const as = (user: UserSummary) => {
  signedIn = user;
};
const tick = (accountId: number, key: string, done = true) => toggleOffboardingItemAction({ accountId, key, done });
async function expectRedirect(run: Promise<unknown>, path: string) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Redirect);
  expect((error as Redirect).path).toBe(path);
}
const summary = (u: { id: number; email: string; name: string; role: UserSummary["role"] }): UserSummary => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: true,
});

/** Every row about the account, to show that nothing is ever deleted. */
async function footprint(accountId: number) {
  const [renewals, movements, offboardings, items, feedback, lines, audit] = await Promise.all([
    db.renewal.findMany({ where: { accountId }, select: { id: true } }),
    db.arrMovement.findMany({ where: { accountId }, select: { id: true } }),
    db.offboarding.findMany({ where: { accountId }, select: { id: true } }),
    db.offboardingItem.findMany({ where: { offboarding: { accountId } }, select: { id: true } }),
    db.feedbackItem.findMany({ where: { accountId }, select: { id: true } }),
    db.contractLine.findMany({ where: { accountId }, select: { id: true } }),
    db.auditLog.findMany({ where: { accountId }, select: { id: true } }),
  ]);
  return { renewals, movements, offboardings, items, feedback, lines, audit };
}
function expectKept(before: Awaited<ReturnType<typeof footprint>>, after: Awaited<ReturnType<typeof footprint>>) {
  for (const key of Object.keys(before) as (keyof typeof before)[]) {
    expect(
      after[key].map((r) => r.id),
      key,
    ).toEqual(expect.arrayContaining(before[key].map((r) => r.id)));
  }
}

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  ae = summary(await createTestUser("ae"));
  csm = summary(await createTestUser("csm"));
  otherCsm = summary(await createTestUser("csm"));
  manager = summary(await createTestUser("manager"));
  for (const name of ["api-churn", "ui-churn", "terminated", "bad-reason"]) {
    const res = await api.put(
      `/accounts/${name}`,
      accountBody({ name, renewalDate: addDays(today, 20), aeEmail: ae.email, csmEmail: csm.email }),
    );
    expect(res.status).toBe(201);
  }
});

describe("a churn starts the offboarding", () => {
  it("through the API: the checklist with owners and due dates, the reason from the taxonomy", async () => {
    const res = await api.put<{
      offboarding: { startedOn: string; churnReasons: string[]; items: { key: string; dueDate: string }[] };
    }>("/accounts/api-churn/renewal", {
      outcome: "churned",
      signedAt: today,
      churnReason: "competitor",
    });
    expect(res.status).toBe(200);
    expect(res.body.offboarding).toMatchObject({ startedOn: today, churnReasons: ["competitor"] });
    expect(res.body.offboarding.items.map((i) => i.key)).toEqual(OFFBOARDING_ITEM_KEYS);

    const a = await account("api-churn");
    expect({ status: a.status, stage: a.lifecycleStage }).toEqual({ status: "churned", stage: "churned" });
    const offboarding = await db.offboarding.findFirstOrThrow({
      where: { accountId: a.id },
      include: { items: { orderBy: { id: "asc" } } },
    });
    expect(offboarding.churnReasons).toEqual(["competitor"]);
    expect(offboarding.items.map((i) => [i.key, i.ownerId, toIsoDate(i.dueDate)])).toEqual([
      ["access_off_date_agreed", ae.id, addDays(today, 7)],
      ["access_turned_off", csm.id, addDays(today, 30)],
      ["systems_updated", csm.id, addDays(today, 7)],
      ["removed_from_lists", csm.id, addDays(today, 7)],
      ["churn_reasons_captured", csm.id, addDays(today, 7)],
      ["exit_interview", csm.id, addDays(today, 14)],
      ["reasons_circulated", manager.id, addDays(today, 21)],
      ["win_back_list", ae.id, addDays(today, 30)],
    ]);
    expect(await db.auditLog.count({ where: { accountId: a.id, entity: "offboarding", action: "create" } })).toBe(1);
    expect((await getOffboarding("api-churn"))?.statusLabel).toBe("Offboarding");
  });

  it("refuses a churn reason outside the taxonomy and writes nothing", async () => {
    const before = await footprint((await account("bad-reason")).id);
    const res = await api.put("/accounts/bad-reason/renewal", {
      outcome: "churned",
      signedAt: today,
      churnReason: "Budget cuts",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe("churnReason");
    expect(await footprint((await account("bad-reason")).id)).toEqual(before);
    expect((await account("bad-reason")).status).toBe("active");
  });

  it("from the pipeline page: the AE's churn lands on the offboarding checklist", async () => {
    as(ae);
    const a = await account("ui-churn");
    await expectRedirect(
      recordOutcomeAction(
        null,
        form({ accountId: a.id, outcome: "churned", newArr: "", signedAt: today, churnReason: "budget" }),
      ),
      "/accounts/ui-churn/offboarding",
    );
    expect((await account("ui-churn")).status).toBe("churned");
    expect((await db.offboarding.findFirstOrThrow({ where: { accountId: a.id } })).churnReasons).toEqual(["budget"]);
    const wrong = await recordOutcomeAction(
      null,
      form({ accountId: (await account("bad-reason")).id, outcome: "churned", signedAt: today, churnReason: "nope" }),
    );
    expect(wrong.ok).toBe(false);
  });
});

describe("working the checklist", () => {
  it("blocks items until their facts are recorded, and only the account's people may tick", async () => {
    const a = await account("ui-churn");
    as(csm);
    const blocked = await tick(a.id, "access_off_date_agreed");
    expect(blocked).toMatchObject({ ok: false, error: { code: "invalid", message: "Set the access-off date first." } });
    as(otherCsm);
    expect(await tick(a.id, "systems_updated")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // The AE owns "access-off date agreed" and "win-back list", not the CSM's items.
    as(ae);
    expect(await tick(a.id, "win_back_list")).toMatchObject({ ok: true });
    expect(await tick(a.id, "systems_updated")).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("saves the access-off date (which dates 'access turned off'), reasons and exit-interview notes", async () => {
    const a = await account("ui-churn");
    as(csm);
    const saved = await saveOffboardingDetailsAction(
      null,
      form({
        accountId: a.id,
        accessOffDate: today,
        churnReasons: ["budget", "product_gap"],
        churnNotes: "CFO froze spend",
        exitInterview: "Liked reports, missed SSO.",
      }),
    );
    expect(saved).toEqual({ ok: true, data: null });
    const view = await getOffboarding("ui-churn");
    expect(view?.offboarding).toMatchObject({
      accessOffDate: today,
      churnReasons: ["budget", "product_gap"],
      churnNotes: "CFO froze spend",
      exitInterview: "Liked reports, missed SSO.",
    });
    expect(view?.offboarding?.items.find((i) => i.key === "access_turned_off")?.dueDate).toBe(today);
    const bad = await saveOffboardingDetailsAction(null, form({ accountId: a.id, churnReasons: ["budget", "bored"] }));
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid" } });
  });

  it("circulating the reasons files one feedback item per reason, once; the last tick completes the offboarding", async () => {
    const a = await account("ui-churn");
    as(csm);
    expect(await tick(a.id, "reasons_circulated")).toEqual({
      ok: true,
      data: { completed: false, feedbackCreated: 2 },
    });
    await tick(a.id, "reasons_circulated", false);
    expect(await tick(a.id, "reasons_circulated")).toEqual({
      ok: true,
      data: { completed: false, feedbackCreated: 0 },
    });
    const feedback = await db.feedbackItem.findMany({ where: { accountId: a.id }, orderBy: { id: "asc" } });
    expect(feedback.map((f) => [f.type, f.title, f.description])).toEqual([
      ["churn_reason", "Budget", "ui-churn churned: CFO froze spend"],
      ["churn_reason", "Product gap", "ui-churn churned: CFO froze spend"],
    ]);

    const open =
      (await getOffboarding("ui-churn"))?.offboarding?.items.filter((i) => !i.doneAt).map((i) => i.key) ?? [];
    expect(open).toHaveLength(6);
    for (const key of open.slice(0, -1))
      expect(await tick(a.id, key)).toMatchObject({ ok: true, data: { completed: false } });
    expect((await getOffboarding("ui-churn"))?.statusLabel).toBe("Offboarding");
    expect(await tick(a.id, open[open.length - 1])).toMatchObject({ ok: true, data: { completed: true } });

    const view = await getOffboarding("ui-churn");
    expect(view?.statusLabel).toBe("Churned");
    expect(view?.offboarding?.completedAt).toBe(today);
    expect(view?.offboarding?.progress).toEqual({ done: 8, total: 8, overdue: 0, complete: true });
    expect(await tick(a.id, "systems_updated", false)).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await db.auditLog.count({ where: { accountId: a.id, entity: "offboarding_item" } })).toBeGreaterThanOrEqual(
      10,
    );

    const former = await listFormerCustomers(1);
    expect(former.rows.find((r) => r.externalId === "ui-churn")).toMatchObject({
      statusLabel: "Churned",
      lastArr: 120_000,
      reasons: ["budget", "product_gap"],
      churnedAt: today,
      progress: { done: 8, total: 8 },
    });
    expect(former.rows.find((r) => r.externalId === "api-churn")).toMatchObject({
      statusLabel: "Offboarding",
      progress: { done: 0, total: 8 },
    });
  });
});

describe("termination by a manager", () => {
  it("only managers and admins terminate, after the contract start, with a reason", async () => {
    const a = await account("terminated");
    const before = await footprint(a.id);
    as(ae);
    expect(
      await recordTerminationAction(
        null,
        form({ accountId: a.id, terminatedOn: today, churnReasons: "budget", confirmName: a.name }),
      ),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    as(manager);
    expect(
      await recordTerminationAction(
        null,
        form({ accountId: a.id, terminatedOn: addDays(today, -400), churnReasons: "budget", confirmName: a.name }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid", issues: [{ path: "terminatedOn" }] },
    });
    expect(
      await recordTerminationAction(null, form({ accountId: a.id, terminatedOn: today, confirmName: a.name })),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: "churnReasons" }] },
    });
    expect(await footprint(a.id)).toEqual(before);
  });

  it("churns nothing until the account's name is typed exactly, checked on the server", async () => {
    const a = await account("terminated");
    const before = await footprint(a.id);
    as(manager);
    const attempt = (confirmName?: string) =>
      recordTerminationAction(
        null,
        form({
          accountId: a.id,
          terminatedOn: today,
          churnReasons: "budget",
          ...(confirmName === undefined ? {} : { confirmName }),
        }),
      );
    for (const typed of [undefined, "", "   ", a.name.toUpperCase(), `${a.name} Inc`]) {
      expect(await attempt(typed)).toMatchObject({
        ok: false,
        error: { code: "invalid", issues: [{ path: "confirmName" }] },
      });
    }
    expect(await footprint(a.id)).toEqual(before);
    expect((await account("terminated")).status).toBe("active");
  });

  it("churns the ARR on the date, closes the open renewal and its tasks, ends the contract lines, and starts the offboarding", async () => {
    const a = await account("terminated");
    const end = addDays(today, 3);
    const line = await db.contractLine.create({
      data: {
        accountId: a.id,
        product: "Growth plan",
        seats: 50,
        price: "120000.00",
        startDate: a.contractStart,
        endDate: new Date(`${addDays(today, 19)}T00:00:00Z`),
      },
    });
    as(manager);
    await expectRedirect(
      recordTerminationAction(
        null,
        form({
          accountId: a.id,
          terminatedOn: end,
          churnReasons: ["acquired", "other"],
          churnNotes: "Parent company consolidates vendors",
          confirmName: a.name,
        }),
      ),
      "/accounts/terminated/offboarding",
    );
    const after = await account("terminated");
    expect({
      status: after.status,
      churnedAt: after.churnedAt && toIsoDate(after.churnedAt),
      arr: Number(after.arr),
    }).toEqual({ status: "churned", churnedAt: end, arr: 120_000 });
    const churn = await db.arrMovement.findMany({ where: { accountId: a.id, type: "churn" } });
    expect(churn.map((m) => [Number(m.amount), toIsoDate(m.date), m.note])).toEqual([
      [-120_000, end, "Contract terminated: Acquired / merged"],
    ]);
    const renewals = await db.renewal.findMany({ where: { accountId: a.id } });
    expect(renewals.map((r) => [r.status, r.outcome, r.churnReason, r.signedAt && toIsoDate(r.signedAt)])).toEqual([
      ["closed", "churned", "acquired", end],
    ]);
    expect(await db.task.count({ where: { accountId: a.id, status: "open", kind: { startsWith: "renewal_" } } })).toBe(
      0,
    );
    expect(toIsoDate((await db.contractLine.findUniqueOrThrow({ where: { id: line.id } })).endDate)).toBe(
      addDays(end, -1),
    );
    const offboarding = await db.offboarding.findFirstOrThrow({ where: { accountId: a.id }, include: { items: true } });
    expect({
      reasons: offboarding.churnReasons,
      notes: offboarding.churnNotes,
      items: offboarding.items.length,
    }).toEqual({ reasons: ["acquired", "other"], notes: "Parent company consolidates vendors", items: 8 });
    expect(
      await db.auditLog.count({
        where: {
          accountId: a.id,
          actorId: manager.id,
          entity: { in: ["renewal", "arr_movement", "account", "offboarding"] },
        },
      }),
    ).toBeGreaterThanOrEqual(4);
    expect(
      await recordTerminationAction(
        null,
        form({ accountId: a.id, terminatedOn: end, churnReasons: "budget", confirmName: a.name }),
      ),
    ).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});

describe("win-back", () => {
  it("refuses an AE, an active account and a renewal before the start, writing nothing", async () => {
    const a = await account("api-churn");
    const before = await footprint(a.id);
    as(ae);
    expect(
      await reactivateAccountAction(
        null,
        form({ accountId: a.id, contractStart: today, renewalDate: addDays(today, 365), arr: 90_000, seats: 40 }),
      ),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    as(manager);
    expect(
      await reactivateAccountAction(
        null,
        form({ accountId: a.id, contractStart: today, renewalDate: today, arr: 90_000, seats: 40 }),
      ),
    ).toMatchObject({ ok: false, error: { issues: [{ path: "renewalDate" }] } });
    expect(
      await reactivateAccountAction(
        null,
        form({ accountId: a.id, contractStart: today, renewalDate: addDays(today, 365), arr: 0, seats: 40 }),
      ),
    ).toMatchObject({ ok: false, error: { issues: [{ path: "arr" }] } });
    expect(
      await reactivateAccountAction(
        null,
        form({
          accountId: (await account("bad-reason")).id,
          contractStart: today,
          renewalDate: addDays(today, 365),
          arr: 1,
          seats: 1,
        }),
      ),
    ).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await footprint(a.id)).toEqual(before);
  });

  it("makes the account active with a new contract: a 'new' movement, a contract line, an open renewal and a fresh score; the churn's history stays", async () => {
    const a = await account("api-churn");
    // The churned term's line runs to the day before its renewal date.
    await db.contractLine.create({
      data: {
        accountId: a.id,
        product: "Growth plan",
        seats: 50,
        price: "120000.00",
        startDate: a.contractStart,
        endDate: new Date(`${addDays(today, 19)}T00:00:00Z`),
      },
    });
    const before = await footprint(a.id);
    const start = addDays(today, 1);
    const renewal = addDays(start, 365);
    as(manager);
    expect(
      await reactivateAccountAction(
        null,
        form({ accountId: a.id, contractStart: start, renewalDate: renewal, arr: "90000.5", seats: 40 }),
      ),
    ).toEqual({ ok: true, data: null });
    const after = await account("api-churn");
    expect({
      status: after.status,
      churnedAt: after.churnedAt,
      arr: Number(after.arr),
      seats: after.seats,
      contractStart: toIsoDate(after.contractStart),
      renewalDate: toIsoDate(after.renewalDate),
      stage: after.lifecycleStage,
    }).toEqual({
      status: "active",
      churnedAt: null,
      arr: 90_000.5,
      seats: 40,
      contractStart: start,
      renewalDate: renewal,
      stage: "onboarding",
    });
    expect(after.healthAsOf && toIsoDate(after.healthAsOf)).toBe(today);
    // The stage followed each write at once: churned at the churn, onboarding at the win-back.
    const stages = await db.stageChange.findMany({ where: { accountId: a.id }, orderBy: { id: "asc" } });
    expect(stages.slice(-2).map((c) => [c.toStage, c.manual])).toEqual([
      ["churned", false],
      ["onboarding", false],
    ]);
    expect(stages.at(-1)?.fromStage).toBe("churned");
    const movements = await db.arrMovement.findMany({ where: { accountId: a.id }, orderBy: { id: "asc" } });
    expect(movements.map((m) => [m.type, Number(m.amount)])).toEqual([
      ["new", 120_000],
      ["churn", -120_000],
      ["new", 90_000.5],
    ]);
    expect(toIsoDate(movements[2].date)).toBe(start);
    const renewals = await db.renewal.findMany({ where: { accountId: a.id }, orderBy: { id: "asc" } });
    expect(renewals.map((r) => [r.status, toIsoDate(r.renewalDate), Number(r.arr)])).toEqual([
      ["closed", addDays(today, 20), 120_000],
      ["open", renewal, 90_000.5],
    ]);
    const lines = await db.contractLine.findMany({ where: { accountId: a.id }, orderBy: { id: "asc" } });
    expect(lines.map((l) => [l.seats, Number(l.price), toIsoDate(l.startDate), toIsoDate(l.endDate)])).toEqual([
      [50, 120_000, addDays(today, -365), today], // the old term now ends the day before the new contract starts
      [40, 90_000.5, start, addDays(renewal, -1)],
    ]);
    expectKept(before, await footprint(a.id));
    expect((await getOffboarding("api-churn"))?.statusLabel).toBe("Active");
    expect((await listFormerCustomers(1)).rows.map((r) => r.externalId)).not.toContain("api-churn");
  });
});

describe("the forecast summary", () => {
  it("groups ARR due by horizon and forecast, forecasts the quarter's GRR and lists at-risk renewals by ARR, in the AE's book", async () => {
    const fae = summary(await createTestUser("ae"));
    const rows = [
      ["f10", 10, 100_000, "commit"],
      ["f45", 45, 50_000, "at_risk"],
      ["f80", 80, 20_000, null],
      ["fover", -5, 10_000, "lost"],
      ["fchurn", 200, 30_000, null],
    ] as const;
    for (const [name, days, arr, forecast] of rows) {
      expect(
        (
          await api.put(
            `/accounts/${name}`,
            accountBody({ name, arr, renewalDate: addDays(today, days), aeEmail: fae.email }),
          )
        ).status,
      ).toBe(201);
      if (forecast) expect((await api.put(`/accounts/${name}/renewal`, { forecast })).status).toBe(200);
    }
    expect(
      (await api.put("/accounts/fchurn/renewal", { outcome: "churned", signedAt: today, churnReason: "budget" }))
        .status,
    ).toBe(200);
    await db.account.updateMany({
      where: { externalId: { in: rows.map((r) => r[0]) } },
      data: { healthBand: "green", healthScore: 85 },
    });

    const result = await getForecastSummary(fae, {}, today);
    expect(result.horizons).toEqual([
      { days: 30, count: 1, total: 100_000, byCategory: { commit: 100_000, likely: 0, at_risk: 0, lost: 0, none: 0 } },
      {
        days: 60,
        count: 2,
        total: 150_000,
        byCategory: { commit: 100_000, likely: 0, at_risk: 50_000, lost: 0, none: 0 },
      },
      {
        days: 90,
        count: 3,
        total: 170_000,
        byCategory: { commit: 100_000, likely: 0, at_risk: 50_000, lost: 0, none: 20_000 },
      },
    ]);
    expect(result.overdue).toEqual({ count: 1, arr: 10_000 });
    // Expected loss of what is due by the quarter's end: commit 0, at risk 75% of 50,000, none 25% of 20,000, lost 100% of 10,000.
    const q = quarterOf(today);
    const loss = [
      [10, 0],
      [45, 37_500],
      [80, 5_000],
      [-5, 10_000],
    ]
      .filter(([d]) => addDays(today, d) <= q.end)
      .reduce((s, [, l]) => s + l, 0);
    // Start: the five accounts' "new" ARR (contract start a year ago) = 210,000; fchurn's 30,000 churned today.
    expect(result.grr).toEqual({
      startArr: 210_000,
      lostSoFar: 30_000,
      expectedLoss: loss,
      grr: Math.round(((210_000 - 30_000 - loss) / 210_000) * 10_000) / 10_000,
    });
    expect(result.atRisk.map((r) => [r.externalId, r.arr, r.forecast])).toEqual([
      ["f45", 50_000, "at_risk"],
      ["fover", 10_000, "lost"],
    ]);
    expect(result.atRiskCount).toBe(2);

    // Another AE's book is empty; a manager sees everyone's.
    expect((await getForecastSummary(ae, {}, today)).horizons[2].byCategory.commit).toBe(0);
    expect((await getForecastSummary(manager, { ae: fae.id }, today)).horizons[2].total).toBe(170_000);
  });
});
