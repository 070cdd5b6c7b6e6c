// Every write safe to retry (issue 9): pipelines deliver at least once, so the same request sent
// again — one after the other or several at once — must not write twice. And every dated fact
// can be dated explicitly, so history can be backfilled and past scores reproduced.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { HealthView } from "@/lib/data/accounts/views";
import type { TouchpointView } from "@/lib/data/accounts/activity";
import type { OutcomeView } from "@/lib/data/renewals/commercial";
import type { ExpansionView } from "@/lib/data/expansion/deals";
import type { RenewalOutcomeResult } from "@/lib/data/renewals/outcomes";
import { addDays, toIsoDate } from "@/lib/domain/dates";
import { purgeExpiredIdempotencyKeys } from "@/lib/api/idempotency";
import { accountBody, apiClient, createTestKey, type ApiClient, type ApiErrorBody } from "@/tests/factories/api";
import { advanceClock, clock, pinClock } from "@/lib/clock";

const today = clock.today();
let api: ApiClient;

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
});

const account = (externalId: string) => db.account.findUniqueOrThrow({ where: { externalId } });

async function newAccount(externalId: string, overrides: Parameters<typeof accountBody>[0] = {}) {
  const res = await api.put(`/accounts/${externalId}`, accountBody({ name: externalId, ...overrides }));
  expect(res.status).toBe(201);
  return account(externalId);
}

/** What an outcome changed on the account: its renewals, ARR movements, renewal date and ARR. */
async function renewalState(externalId: string) {
  const { id, renewalDate, arr, status } = await account(externalId);
  return {
    renewalDate: toIsoDate(renewalDate),
    arr: Number(arr),
    status,
    renewals: (await db.renewal.findMany({ where: { accountId: id }, orderBy: { id: "asc" } })).map(
      (r) => `${r.status}:${toIsoDate(r.renewalDate)}:${r.outcome ?? "-"}`,
    ),
    movements: await db.arrMovement.count({ where: { accountId: id, type: { not: "new" } } }),
    contractLines: await db.contractLine.count({ where: { accountId: id } }),
    offboardings: await db.offboarding.count({ where: { accountId: id } }),
  };
}

describe("renewal outcomes sent more than once", () => {
  it("a resent outcome closes the renewal once: the same answer, one term, one ARR movement", async () => {
    const renewalDate = addDays(today, 45);
    await newAccount("resent", { renewalDate });
    const body = { outcome: "expanded", newArr: 150_000, signedAt: today };
    const first = await api.put<RenewalOutcomeResult>("/accounts/resent/renewal", body);
    expect(first.status).toBe(200);
    const after = await renewalState("resent");
    expect(after.renewals).toHaveLength(2);

    for (let i = 0; i < 2; i++) {
      const again = await api.put<RenewalOutcomeResult>("/accounts/resent/renewal", body);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    }
    expect(await renewalState("resent")).toEqual(after);
    expect(after.movements).toBe(1);
    expect(after.renewalDate).toBe(first.body.next!.renewalDate);
    expect(after.renewalDate.slice(0, 4)).toBe(String(Number(renewalDate.slice(0, 4)) + 1));
  });

  it("a different outcome for the renewal just closed is a 409 and writes nothing; the next renewal's outcome (signed later) closes it", async () => {
    const before = await renewalState("resent");
    const conflict = await api.put("/accounts/resent/renewal", {
      outcome: "renewed",
      newArr: 150_000,
      signedAt: today,
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: "conflict", issues: [{ path: "signedAt" }] });
    expect(conflict.body.error.message).toContain("already closed as expanded");
    expect(await renewalState("resent")).toEqual(before);

    // A year on, the next renewal is signed: that is a new outcome, not a repeat.
    const next = await api.put<RenewalOutcomeResult>("/accounts/resent/renewal", {
      outcome: "renewed",
      newArr: 150_000,
      signedAt: addDays(today, 1),
    });
    expect(next.status).toBe(200);
    expect((await renewalState("resent")).renewals).toHaveLength(3);
  });

  it("four concurrent copies of one outcome renew the account one term, and all answer alike", async () => {
    const renewalDate = addDays(today, 20);
    await newAccount("burst", { renewalDate });
    const body = { outcome: "renewed", newArr: 120_000, signedAt: today };
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() => api.put<RenewalOutcomeResult>("/accounts/burst/renewal", body)),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const reply of replies) expect(reply.body).toEqual(replies[0].body);
    const state = await renewalState("burst");
    expect(state.renewals).toEqual([`closed:${renewalDate}:renewed`, `open:${replies[0].body.next!.renewalDate}:-`]);
    expect(state.renewalDate).toBe(replies[0].body.next!.renewalDate);
    expect(
      await db.auditLog.count({
        where: { accountId: (await account("burst")).id, entity: "renewal", action: "create" },
      }),
    ).toBe(2);
  });

  it("a resent churn starts one offboarding and answers it again; a different churn is a 409", async () => {
    await newAccount("leaver");
    const body = { outcome: "churned", signedAt: today, churnReason: "budget" };
    const replies = await Promise.all(
      [1, 2, 3].map(() => api.put<RenewalOutcomeResult>("/accounts/leaver/renewal", body)),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const reply of replies) expect(reply.body).toEqual(replies[0].body);
    expect(replies[0].body.offboarding!.items).toHaveLength(8);
    const state = await renewalState("leaver");
    expect(state).toMatchObject({ status: "churned", offboardings: 1, movements: 1 });
    const other = await api.put("/accounts/leaver/renewal", { ...body, churnReason: "competitor" });
    expect(other.status).toBe(409);
    expect(await renewalState("leaver")).toEqual(state);
  });
});

describe("touchpoints with an externalId", () => {
  const qbrAttendance = async (asOf = today) =>
    (await api.get<HealthView>(`/accounts/meetings/health?asOf=${asOf}`)).body.components.relationship.measures.find(
      (m) => m.key === "qbr_attendance",
    )!;

  it("a resent QBR updates the touchpoint instead of doubling QBR attendance", async () => {
    const { id } = await newAccount("meetings");
    await api.put("/accounts/meetings/contacts/ana@meetings.example", { name: "Ana", execSponsor: true });
    const qbr = {
      type: "qbr",
      occurredAt: addDays(today, -10),
      attended: true,
      contactEmails: ["ana@meetings.example"],
      externalId: "cal-77",
    };
    const first = await api.post<TouchpointView>("/accounts/meetings/touchpoints", qbr);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      externalId: "cal-77",
      type: "qbr",
      attended: true,
      contactEmails: ["ana@meetings.example"],
    });
    const attendance = await qbrAttendance();

    const again = await api.post<TouchpointView>("/accounts/meetings/touchpoints", qbr);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => api.post<TouchpointView>("/accounts/meetings/touchpoints", qbr)),
    );
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await db.touchpoint.count({ where: { accountId: id } })).toBe(1);
    expect(await qbrAttendance()).toEqual(attendance);

    // A correction under the same id: fields sent replace, fields left out stay.
    const moved = await api.post<TouchpointView>("/accounts/meetings/touchpoints", {
      type: "qbr",
      occurredAt: addDays(today, -8),
      externalId: "cal-77",
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: first.body.id,
      occurredAt: addDays(today, -8),
      attended: true,
      contactEmails: ["ana@meetings.example"],
    });
    expect(toIsoDate((await account("meetings")).lastTouchAt!)).toBe(addDays(today, -8));
    // Repeats changed nothing, so the log holds the create and the one real change.
    expect(await db.auditLog.count({ where: { accountId: id, entity: "touchpoint" } })).toBe(2);

    // Without an externalId every POST is a new touchpoint, as before; ids are per account.
    await api.post("/accounts/meetings/touchpoints", { type: "call", occurredAt: today });
    await api.post("/accounts/meetings/touchpoints", { type: "call", occurredAt: today });
    expect(await db.touchpoint.count({ where: { accountId: id } })).toBe(3);
    await newAccount("elsewhere");
    expect(
      (await api.post("/accounts/elsewhere/touchpoints", { type: "qbr", occurredAt: today, externalId: "cal-77" }))
        .status,
    ).toBe(201);
  });
});

describe("dated facts: achievedAt and closedAt", () => {
  const roi = async (asOf: string) =>
    (await api.get<HealthView>(`/accounts/backfill/health?asOf=${asOf}`)).body.components.business.measures.find(
      (m) => m.key === "roi_achievement",
    )!;

  it("an outcome achieved two months ago counts in the health as of one month ago", async () => {
    await newAccount("backfill");
    const monthAgo = addDays(today, -30);
    const early = {
      title: "Cut reporting time",
      dueDate: addDays(today, -90),
      achieved: true,
      achievedAt: addDays(today, -60),
    };
    const saved = await api.put<OutcomeView>("/accounts/backfill/outcomes/reporting", early);
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({
      key: "reporting",
      title: early.title,
      dueDate: early.dueDate,
      achieved: true,
      achievedAt: addDays(today, -60),
    });
    expect(await roi(monthAgo)).toMatchObject({ raw: 1, score: 100 });

    // Achieved today (no achievedAt): it counts today, but not as of a month ago.
    await api.put("/accounts/backfill/outcomes/adoption", {
      title: "Roll out to sales",
      dueDate: addDays(today, -90),
      achieved: true,
    });
    expect((await roi(monthAgo)).raw).toBeCloseTo(0.5);
    expect((await roi(today)).raw).toBe(1);

    // Resending without achievedAt keeps the stored date; sending one corrects it.
    const { achievedAt, ...withoutDate } = early;
    expect((await api.put<OutcomeView>("/accounts/backfill/outcomes/reporting", withoutDate)).body.achievedAt).toBe(
      achievedAt,
    );
    expect(
      (
        await api.put<OutcomeView>("/accounts/backfill/outcomes/reporting", {
          ...early,
          achievedAt: addDays(today, -20),
        })
      ).body.achievedAt,
    ).toBe(addDays(today, -20));
    expect((await roi(monthAgo)).raw).toBe(0);
  });

  it("refuses an achievedAt in the future or on an outcome not achieved, and dates a deal's close", async () => {
    const future = await api.put("/accounts/backfill/outcomes/x", {
      title: "X",
      dueDate: today,
      achieved: true,
      achievedAt: addDays(today, 1),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.issues).toEqual([{ path: "achievedAt", message: "Cannot be in the future." }]);
    const notAchieved = await api.put("/accounts/backfill/outcomes/x", {
      title: "X",
      dueDate: today,
      achieved: false,
      achievedAt: today,
    });
    expect(notAchieved.body.error.issues).toEqual([
      { path: "achievedAt", message: "Only an achieved outcome has an achievedAt." },
    ]);

    const won = await api.put<ExpansionView>("/accounts/backfill/expansions/deal-1", {
      type: "seats",
      arr: 10_000,
      status: "won",
      closedAt: addDays(today, -40),
    });
    expect(won.status).toBe(201);
    expect(won.body.closedAt).toBe(addDays(today, -40));
    const open = await api.put("/accounts/backfill/expansions/deal-2", {
      type: "seats",
      arr: 10_000,
      status: "open",
      closedAt: today,
    });
    expect(open.body.error.issues).toEqual([{ path: "closedAt", message: "Only a won or lost deal has a closedAt." }]);
  });
});

describe("dated facts: an account's ARR change", () => {
  it("dates the expansion or contraction with arrChangedAt (default today)", async () => {
    const { id } = await newAccount("grower");
    const movements = async () =>
      (await db.arrMovement.findMany({ where: { accountId: id }, orderBy: { id: "asc" } })).map(
        (m) => `${m.type}:${Number(m.amount)}:${toIsoDate(m.date)}`,
      );
    await api.put("/accounts/grower", accountBody({ name: "grower", arr: 150_000, arrChangedAt: addDays(today, -45) }));
    await api.put("/accounts/grower", accountBody({ name: "grower", arr: 140_000 }));
    const start = accountBody().contractStart;
    expect(await movements()).toEqual([
      `new:120000:${start}`,
      `expansion:30000:${addDays(today, -45)}`,
      `contraction:-10000:${today}`,
    ]);

    const future = await api.put(
      "/accounts/grower",
      accountBody({ name: "grower", arr: 1, arrChangedAt: addDays(today, 1) }),
    );
    expect(future.body.error.issues).toEqual([{ path: "arrChangedAt", message: "Cannot be in the future." }]);
    const early = await api.put(
      "/accounts/grower",
      accountBody({ name: "grower", arr: 1, arrChangedAt: addDays(start, -1) }),
    );
    expect(early.body.error.issues).toEqual([{ path: "arrChangedAt", message: "Cannot be before contractStart." }]);
    expect(await movements()).toHaveLength(3);
  });
});

describe("the Idempotency-Key header", () => {
  const withKey = (key: string) => ({ headers: { "Idempotency-Key": key } });
  const call = { type: "call", occurredAt: today, notes: "Pricing questions" };
  const touchpoints = async (externalId: string) => db.touchpoint.count({ where: { account: { externalId } } });

  it("does a POST once: a repeat answers the first response, marked Idempotent-Replayed, and writes nothing", async () => {
    await newAccount("keyed");
    const first = await api.post<TouchpointView>("/accounts/keyed/touchpoints", call, withKey("call-1"));
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    // The same body re-serialised with its keys in another order is the same request.
    const again = await api.post<TouchpointView>(
      "/accounts/keyed/touchpoints",
      { notes: call.notes, occurredAt: today, type: "call" },
      withKey("call-1"),
    );
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await touchpoints("keyed")).toBe(1);
    expect(await db.auditLog.count({ where: { account: { externalId: "keyed" }, entity: "touchpoint" } })).toBe(1);

    // A PUT too, and without the header nothing changes: every POST adds a touchpoint.
    const put = await api.put("/accounts/keyed/contacts/bo@keyed.example", { name: "Bo" }, withKey("contact-1"));
    const putAgain = await api.put("/accounts/keyed/contacts/bo@keyed.example", { name: "Bo" }, withKey("contact-1"));
    expect([put.status, putAgain.status, putAgain.headers.get("Idempotent-Replayed")]).toEqual([201, 201, "true"]);
    await api.post("/accounts/keyed/touchpoints", call);
    expect(await touchpoints("keyed")).toBe(2);
  });

  it("refuses the same key with a different body or path (409) and writes nothing", async () => {
    const other = await api.post<ApiErrorBody>(
      "/accounts/keyed/touchpoints",
      { ...call, notes: "Something else" },
      withKey("call-1"),
    );
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: "idempotency_key_reused", issues: [] });
    const elsewhere = await api.put<ApiErrorBody>(
      "/accounts/keyed/outcomes/goal",
      { title: "Goal", dueDate: today, achieved: false },
      withKey("call-1"),
    );
    expect(elsewhere.body.error.code).toBe("idempotency_key_reused");
    expect(await touchpoints("keyed")).toBe(2);
    expect(await db.successOutcome.count({ where: { account: { externalId: "keyed" } } })).toBe(0);
  });

  it("lets one of several concurrent requests with a key write; the others wait (409 in progress) or replay", async () => {
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() =>
        api.post<TouchpointView | ApiErrorBody>("/accounts/keyed/touchpoints", call, withKey("burst-1")),
      ),
    );
    const written = replies.filter((r) => r.status === 201 && !r.headers.get("Idempotent-Replayed"));
    expect(written).toHaveLength(1);
    for (const reply of replies.filter((r) => r !== written[0])) {
      if (reply.status === 201) expect(reply.body).toEqual(written[0].body);
      else
        expect([reply.status, (reply.body as ApiErrorBody).error.code, reply.headers.get("Retry-After")]).toEqual([
          409,
          "idempotency_in_progress",
          "1",
        ]);
    }
    expect(await touchpoints("keyed")).toBe(3);
    const later = await api.post("/accounts/keyed/touchpoints", call, withKey("burst-1"));
    expect([later.status, later.headers.get("Idempotent-Replayed")]).toEqual([201, "true"]);
    expect(later.body).toEqual(written[0].body);
  });

  it("keeps nothing for a request that failed, so it can be retried under its key", async () => {
    const missing = await api.post<ApiErrorBody>("/accounts/not-yet/touchpoints", call, withKey("early-1"));
    expect(missing.status).toBe(404);
    await newAccount("not-yet");
    const retried = await api.post("/accounts/not-yet/touchpoints", call, withKey("early-1"));
    expect([retried.status, retried.headers.get("Idempotent-Replayed")]).toEqual([201, null]);
    expect(await touchpoints("not-yet")).toBe(1);
  });

  it("is scoped to the API key, refuses a malformed key and ignores the header on reads", async () => {
    const otherClient = apiClient((await createTestKey("other integration")).key);
    const theirs = await otherClient.post("/accounts/keyed/touchpoints", call, withKey("call-1"));
    expect([theirs.status, theirs.headers.get("Idempotent-Replayed")]).toEqual([201, null]);

    const bad = await api.post<ApiErrorBody>("/accounts/keyed/touchpoints", call, withKey("two words"));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([
      { path: "Idempotency-Key", message: expect.stringContaining("visible ASCII") },
    ]);
    const read = await api.get("/accounts/keyed", withKey("read-1"));
    expect(read.status).toBe(200);
    expect(await db.idempotencyKey.count({ where: { key: "read-1" } })).toBe(0);
  });

  it("forgets a key after 24 hours by the clock, and purges it", async () => {
    const start = clock.now();
    const before = await touchpoints("keyed");
    try {
      advanceClock(24 * 60 * 60 * 1000 + 60_000);
      const after = await api.post("/accounts/keyed/touchpoints", call, withKey("call-1"));
      expect([after.status, after.headers.get("Idempotent-Replayed")]).toEqual([201, null]);
      expect(await touchpoints("keyed")).toBe(before + 1);
      // Every other key is now over a day old; "call-1" was just taken again.
      expect(await purgeExpiredIdempotencyKeys()).toBeGreaterThan(0);
      expect((await db.idempotencyKey.findMany({ select: { key: true } })).map((k) => k.key)).toEqual(["call-1"]);
    } finally {
      pinClock(start);
    }
  });
});
