// Renewals as records (SPEC §4): the window job (one open renewal per active account, process
// start; each window's tasks from the "Renewal preparation" playbook, opened once), outcomes in
// one transaction, and the API.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RenewalDueView } from "@/lib/data/renewals/pipeline";
import type { RenewalOutcomeResult } from "@/lib/data/renewals/outcomes";
import { syncRenewals } from "@/lib/data/renewals/window-job";
import { runPlaybooks } from "@/lib/data/playbooks/engine";
import { addDays, toIsoDate } from "@/lib/domain/dates";
import { accountBody, apiClient, createTestKey, createTestUser, type ApiClient } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();

/** One annual term later, by the calendar: a leap day renews on 28 February. */
function sameDayNextYear(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return toIsoDate(next);
}
let api: ApiClient;
let aeId: number;
let csmId: number;

/** Accounts named by their days to renewal; "d-1" is the day after its renewal date. */
const BOUNDARIES = [30, 31, 60, 61, 90, 91, -1] as const;
const nameFor = (days: number) => (days < 0 ? "d-1" : `d${days}`);

const account = (externalId: string) => db.account.findUniqueOrThrow({ where: { externalId } });
const RENEWAL = { ruleKey: "renewal_preparation" };
const openTasks = async (externalId: string) =>
  (
    await db.task.findMany({
      where: { account: { externalId }, status: "open", ...RENEWAL },
      orderBy: { step: "asc" },
    })
  ).map((t) => ({ kind: t.step, ownerId: t.ownerId, dueDate: toIsoDate(t.dueDate) }));
const stageTaskCount = () => db.task.count({ where: RENEWAL });

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  const ae = await createTestUser("ae");
  const csm = await createTestUser("csm");
  aeId = ae.id;
  csmId = csm.id;
  for (const days of BOUNDARIES) {
    const res = await api.put(
      `/accounts/${nameFor(days)}`,
      accountBody({ name: nameFor(days), renewalDate: addDays(today, days), aeEmail: ae.email, csmEmail: csm.email }),
    );
    expect(res.status).toBe(201);
  }
});

describe("syncRenewals", () => {
  it("opens each window's stage tasks at the exact boundaries, for the AE and (at 90 days) the CSM", async () => {
    // Each account's write ran the playbooks already; the daily run finds nothing more to open.
    await syncRenewals(db, { asOf: today });
    expect(await runPlaybooks(db, { asOf: today })).toEqual({ created: 0, emails: 0 });
    expect(await stageTaskCount()).toBe(7);
    expect(await openTasks("d30")).toEqual([{ kind: "contract", ownerId: aeId, dueDate: addDays(today, 30) }]);
    expect(await openTasks("d31")).toEqual([{ kind: "proposal", ownerId: aeId, dueDate: addDays(today, 1) }]);
    expect(await openTasks("d60")).toEqual([{ kind: "proposal", ownerId: aeId, dueDate: addDays(today, 30) }]);
    expect(await openTasks("d61")).toEqual([
      { kind: "initial_conversation", ownerId: aeId, dueDate: addDays(today, 1) },
      { kind: "value_summary", ownerId: csmId, dueDate: addDays(today, 1) },
    ]);
    expect((await openTasks("d90")).map((t) => t.kind)).toEqual(["initial_conversation", "value_summary"]);
    expect(await openTasks("d91")).toEqual([]);
    expect(await openTasks("d-1")).toEqual([]);
  });

  it("starts the process within 90 days (overdue included) and not before", async () => {
    const started = async (name: string) =>
      (await db.renewal.findFirstOrThrow({ where: { account: { externalId: name }, status: "open" } }))
        .processStartedAt;
    expect(await started("d90")).toEqual(new Date(`${today}T00:00:00Z`));
    expect(await started("d-1")).toEqual(new Date(`${today}T00:00:00Z`));
    expect(await started("d91")).toBeNull();
  });

  it("is idempotent, and never reopens a stage task that was completed for this renewal", async () => {
    const before = await db.task.count();
    expect(await syncRenewals(db, { asOf: today })).toEqual({ created: 0, updated: 0, started: 0 });
    const task = await db.task.findFirstOrThrow({
      where: { account: { externalId: "d30" }, ...RENEWAL, step: "contract" },
    });
    await db.task.update({ where: { id: task.id }, data: { status: "done", completedAt: clock.now() } });
    expect(await runPlaybooks(db, { asOf: today })).toEqual({ created: 0, emails: 0 });
    expect(await db.task.count()).toBe(before);
    expect(await stageTaskCount()).toBe(7);
  });

  it("moves a renewal into the next window a day later, and creates missing renewals set-based", async () => {
    // d31 enters 0–30, d61 enters 31–60, d91 enters 61–90 (AE and CSM); d30's done task stays done.
    await syncRenewals(db, { asOf: addDays(today, 1) });
    await runPlaybooks(db, { asOf: addDays(today, 1) });
    expect(await stageTaskCount()).toBe(7 + 4);
    expect((await openTasks("d31")).map((t) => t.kind)).toEqual(["contract", "proposal"]);

    const bare = await db.account.create({
      data: {
        externalId: "bare",
        name: "Bare",
        segment: "smb",
        seats: 5,
        arr: "1000.00",
        contractStart: new Date(`${addDays(today, -300)}T00:00:00Z`),
        renewalDate: new Date(`${addDays(today, 65)}T00:00:00Z`),
      },
    });
    await db.account.update({
      where: { externalId: "d91" },
      data: { renewalDate: new Date(`${addDays(today, 20)}T00:00:00Z`) },
    });
    const result = await syncRenewals(db, { asOf: today });
    expect(result).toMatchObject({ created: 1, updated: 1, started: 1 }); // d91 already started, as of tomorrow
    await runPlaybooks(db, { asOf: today });
    expect(await db.renewal.findFirstOrThrow({ where: { accountId: bare.id, status: "open" } })).toMatchObject({
      arr: expect.anything(),
      renewalDate: bare.renewalDate,
    });
    expect((await openTasks("d91")).map((t) => t.kind)).toEqual(["contract", "initial_conversation", "value_summary"]);
  });
});

describe("GET /renewals", () => {
  it("lists open renewals within N days and overdue ones by date, with their window", async () => {
    const res = await api.get<RenewalDueView[]>("/renewals?within=90");
    expect(res.status).toBe(200);
    const names = res.body.map((r) => `${r.externalId}:${r.window}:${r.daysUntil}`);
    expect(names).toEqual([
      "d-1:overdue:-1",
      "d91:0-30:20",
      "d30:0-30:30",
      "d31:31-60:31",
      "d60:31-60:60",
      "d61:61-90:61",
      "bare:61-90:65",
      "d90:61-90:90",
    ]);
    expect(res.body[0]).toEqual({
      externalId: "d-1",
      name: "d-1",
      renewalDate: addDays(today, -1),
      daysUntil: -1,
      window: "overdue",
      arr: 120000,
      band: expect.any(String),
      score: expect.any(Number),
      forecast: null,
    });
    expect((await api.get<RenewalDueView[]>("/renewals")).body).toHaveLength(8);
    expect((await api.get("/renewals?within=-3")).status).toBe(400);
  });
});

describe("PUT /accounts/{id}/renewal with an outcome", () => {
  const lines = async (accountId: number) =>
    (await db.contractLine.findMany({ where: { accountId }, orderBy: { id: "asc" } })).map((l) => ({
      product: l.product,
      price: Number(l.price),
      start: toIsoDate(l.startDate),
      end: toIsoDate(l.endDate),
    }));
  const movements = async (accountId: number) =>
    (await db.arrMovement.findMany({ where: { accountId, type: { not: "new" } } })).map((m) => ({
      type: m.type,
      amount: Number(m.amount),
      date: toIsoDate(m.date),
    }));

  it.each([
    ["d30", "renewed", 120_000, null],
    ["d60", "expanded", 150_000, { type: "expansion", amount: 30_000 }],
    ["d90", "downgraded", 90_000.5, { type: "contraction", amount: -29_999.5 }],
  ] as const)(
    "%s %s: ARR, movement, contract lines and the next renewal a term later",
    async (name, outcome, newArr, movement) => {
      const before = await account(name);
      const renewalDate = toIsoDate(before.renewalDate);
      await db.contractLine.createMany({
        data: [
          {
            accountId: before.id,
            product: "Growth plan",
            seats: 50,
            price: "100000.00",
            startDate: before.contractStart,
            endDate: new Date(`${addDays(renewalDate, -1)}T00:00:00Z`),
          },
          {
            accountId: before.id,
            product: "Analytics",
            seats: 50,
            price: "20000.00",
            startDate: before.contractStart,
            endDate: new Date(`${addDays(renewalDate, 400)}T00:00:00Z`),
          },
        ],
      });
      const signedAt = addDays(today, 5);
      const res = await api.put<RenewalOutcomeResult>(`/accounts/${name}/renewal`, { outcome, newArr, signedAt });
      expect(res.status).toBe(200);
      const next = sameDayNextYear(renewalDate);
      expect(res.body).toMatchObject({
        closed: { status: "closed", outcome, newArr, signedAt },
        next: { renewalDate: next, arr: newArr },
      });

      const after = await account(name);
      expect({ arr: Number(after.arr), status: after.status, renewalDate: toIsoDate(after.renewalDate) }).toEqual({
        arr: newArr,
        status: "active",
        renewalDate: next,
      });
      expect(await movements(before.id)).toEqual(movement ? [{ ...movement, date: signedAt }] : []);
      const renewals = await db.renewal.findMany({ where: { accountId: before.id }, orderBy: { id: "asc" } });
      expect(renewals.map((r) => [r.status, toIsoDate(r.renewalDate), Number(r.arr)])).toEqual([
        ["closed", renewalDate, 120_000],
        ["open", next, newArr],
      ]);
      const end = addDays(renewalDate, -1);
      const carried = await lines(before.id);
      expect(carried.slice(0, 2).map((l) => l.end)).toEqual([end, end]);
      expect(carried.slice(2).map((l) => ({ product: l.product, start: l.start, end: l.end }))).toEqual([
        { product: "Growth plan", start: renewalDate, end: addDays(next, -1) },
        { product: "Analytics", start: renewalDate, end: addDays(next, -1) },
      ]);
      expect(carried.slice(2).reduce((s, l) => s + l.price, 0)).toBeCloseTo(newArr, 2);
      expect(await openTasks(name)).toEqual([]);
      expect(
        await db.auditLog.count({
          where: {
            accountId: before.id,
            entity: { in: ["renewal", "account", "contract_line"] },
            apiKeyId: { not: null },
            at: { gte: before.updatedAt },
          },
        }),
      ).toBeGreaterThanOrEqual(6);
    },
  );

  it("churned: the account churns on the signed date, its ARR leaves as churn and no renewal follows", async () => {
    const before = await account("d61");
    const res = await api.put<RenewalOutcomeResult>("/accounts/d61/renewal", {
      outcome: "churned",
      signedAt: today,
      churnReason: "budget",
    });
    expect(res.status).toBe(200);
    expect(res.body.next).toBeNull();
    const after = await account("d61");
    expect({ status: after.status, churnedAt: after.churnedAt && toIsoDate(after.churnedAt) }).toEqual({
      status: "churned",
      churnedAt: today,
    });
    expect(await movements(before.id)).toEqual([{ type: "churn", amount: -120_000, date: today }]);
    expect(await db.renewal.count({ where: { accountId: before.id, status: "open" } })).toBe(0);
    expect((await db.renewal.findFirstOrThrow({ where: { accountId: before.id } })).churnReason).toBe("budget");
    expect((await api.put("/accounts/d61/renewal", { outcome: "renewed", newArr: 1, signedAt: today })).status).toBe(
      409,
    );
    // The job leaves churned accounts alone.
    await syncRenewals(db, { asOf: today });
    expect(await db.renewal.count({ where: { accountId: before.id, status: "open" } })).toBe(0);
  });

  it("writes nothing when the new ARR contradicts the outcome, or the body is incomplete", async () => {
    const before = await account("d31");
    const snapshot = async () => ({
      renewals: await db.renewal.findMany({ where: { accountId: before.id } }),
      movements: await db.arrMovement.count({ where: { accountId: before.id } }),
      account: await account("d31"),
    });
    const start = await snapshot();
    const wrong = await api.put("/accounts/d31/renewal", { outcome: "expanded", newArr: 100_000, signedAt: today });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues).toEqual([
      { path: "newArr", message: "An expansion needs a new ARR above the current ARR." },
    ]);
    expect((await api.put("/accounts/d31/renewal", { outcome: "churned", newArr: 5, signedAt: today })).status).toBe(
      400,
    );
    const incomplete = await api.put("/accounts/d31/renewal", { outcome: "renewed", forecast: "commit" });
    expect(incomplete.body.error.issues.map((i) => i.path)).toEqual(["forecast", "signedAt"]);
    expect((await api.put("/accounts/d31/renewal", {})).body.error.issues).toEqual([
      { path: "forecast", message: "Send a forecast, or an outcome with its signed date." },
    ]);
    expect(await snapshot()).toEqual(start);
    expect(
      (await api.put("/accounts/missing/renewal", { outcome: "renewed", newArr: 1, signedAt: today })).status,
    ).toBe(404);
  });

  it("still sets a forecast", async () => {
    const res = await api.put("/accounts/d31/renewal", { forecast: "likely" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ forecast: "likely", status: "open" });
  });
});
