// The REST API's envelope (authentication, rate limit, body limits, error shape) and the
// account and health endpoints. Writes to an account's facts: api-ingest.test.ts.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toErrorResponse } from "@/lib/api/errors";
import { apiRateLimiter, API_REQUESTS_PER_MINUTE } from "@/lib/api/rate-limit";
import type { AccountPage, AccountView, HealthView } from "@/lib/data/accounts/views";
import { createApiKey, revokeApiKey } from "@/lib/data/platform/api-keys";
import { computeHealth } from "@/lib/domain/health";
import { loadHealthFacts, recomputeHealth } from "@/lib/data/health/recompute";
import { addDays } from "@/lib/domain/dates";
import {
  accountBody,
  apiClient,
  createTestKey,
  createTestUser,
  usageDays,
  type ApiClient,
} from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
let api: ApiClient;
let keyId: number;

beforeAll(async () => {
  const { key, id } = await createTestKey();
  api = apiClient(key);
  keyId = id;
});

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("authentication", () => {
  it("answers 401 without a key, with a malformed header, an unknown key or a revoked key", async () => {
    const created = await createApiKey("soon revoked", { system: "test" });
    await revokeApiKey(created.id, { system: "test" });
    const attempts = [
      apiClient(null).get("/accounts"),
      apiClient(null).get("/accounts", { headers: { authorization: "Basic dXNlcjpwYXNz" } }),
      apiClient("bt_not-a-real-key").get("/accounts"),
      apiClient(created.key).get("/accounts"),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("rejects before reading the body: a write without a key changes nothing", async () => {
    const res = await apiClient(null).put("/accounts/no-key", accountBody());
    expect(res.status).toBe(401);
    expect(await db.account.count({ where: { externalId: "no-key" } })).toBe(0);
  });

  it("answers 429 with Retry-After once a key has spent its allowance, other keys unaffected", async () => {
    const { key, id } = await createTestKey("busy integration");
    for (let i = 0; i < API_REQUESTS_PER_MINUTE; i++) apiRateLimiter.take(id);
    const limited = await apiClient(key).get("/accounts");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await api.get("/accounts")).status).toBe(200);
  });
});

describe("request bodies", () => {
  it("answers 400 invalid_json for a malformed or empty body", async () => {
    for (const rawBody of ['{"name": ', ""]) {
      const res = await api.put("/accounts/bad-json", undefined, { rawBody });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_json");
    }
  });

  it("answers 413 for a body over the limit, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ name: "x".repeat(11 * 1024 * 1024) });
    const res = await api.put("/accounts/too-big", undefined, { rawBody: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    const declared = await api.put("/accounts/too-big", undefined, {
      rawBody: "{}",
      headers: { "content-length": String(50 * 1024 * 1024) },
    });
    expect(declared.status).toBe(413);
  });

  it("answers 400 with every invalid path named, and writes nothing", async () => {
    const res = await api.put("/accounts/invalid", {
      ...accountBody(),
      segment: "huge",
      arr: -1,
      seats: 2.5,
      contractStart: "2026-02-30",
      csmEmail: "not-an-email",
      purchasedFeatures: ["ok", 7],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.issues.map((i) => i.path).sort()).toEqual(
      ["arr", "contractStart", "csmEmail", "purchasedFeatures.1", "seats", "segment"].sort(),
    );
    expect(await db.account.count({ where: { externalId: "invalid" } })).toBe(0);
  });

  it("checks cross-field rules and refuses NUL characters", async () => {
    const res = await api.put(
      "/accounts/dates",
      accountBody({ contractStart: "2026-05-01", renewalDate: "2026-04-01" }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: "renewalDate", message: "Must be after contractStart." }]);
    const nul = await api.put("/accounts/nul", accountBody({ name: "Acme\u0000" }));
    expect(nul.status).toBe(400);
    expect(nul.body.error.issues[0].path).toBe("name");
  });
});

describe("unexpected and concurrent failures", () => {
  it("answers 500 with a generic message and logs the cause", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toErrorResponse(
      new Error("connection reset: secret detail"),
      new Request("http://localhost/api/v1/accounts"),
    );
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({
      error: { code: "internal", message: "Something went wrong on our side. Nothing was saved.", issues: [] },
    });
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("answers 409 for a unique violation raised by a concurrent write", async () => {
    const clash = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
      code: "P2002",
      clientVersion: Prisma.prismaVersion.client,
    });
    const res = toErrorResponse(clash, new Request("http://localhost/api/v1/accounts/x"));
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("conflict");
  });

  it("creates an account once when two requests race: one 201, the other 200 or 409, never 500", async () => {
    const [a, b] = await Promise.all([
      api.put("/accounts/race", accountBody()),
      api.put("/accounts/race", accountBody()),
    ]);
    // PGlite runs transactions one after another (200); PostgreSQL runs them at once (409).
    expect([
      [200, 201],
      [201, 409],
    ]).toContainEqual([a.status, b.status].sort());
    expect(await db.account.count({ where: { externalId: "race" } })).toBe(1);
    expect(await db.renewal.count({ where: { account: { externalId: "race" } } })).toBe(1);
  });
});

describe("PUT /accounts/{externalId}", () => {
  it("creates (201) with an open renewal, a 'new' ARR movement and a first health score, audited under the key", async () => {
    const csm = await createTestUser("csm");
    const ae = await createTestUser("ae");
    const body = accountBody({ csmEmail: csm.email.toUpperCase(), aeEmail: ae.email });
    const res = await api.put<AccountView>("/accounts/acme", body);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      externalId: "acme",
      name: "Acme Corp",
      segment: "mid_market",
      arr: 120_000,
      seats: 50,
      contractStart: body.contractStart,
      renewalDate: body.renewalDate,
      csmEmail: csm.email,
      aeEmail: ae.email,
      status: "active",
      purchasedFeatures: ["reports", "dashboards", "alerts", "api"],
    });
    expect(res.body.health).toMatchObject({ asOf: today, insufficientData: true });

    const stored = await db.account.findUniqueOrThrow({
      where: { externalId: "acme" },
      include: { renewals: true, arrMovements: true },
    });
    expect(stored.renewals).toHaveLength(1);
    expect(stored.renewals[0]).toMatchObject({ status: "open", renewalDate: dateOnly(body.renewalDate) });
    expect(Number(stored.renewals[0].arr)).toBe(120_000);
    expect(stored.arrMovements).toHaveLength(1);
    expect(stored.arrMovements[0]).toMatchObject({ type: "new", date: dateOnly(body.contractStart) });
    expect(Number(stored.arrMovements[0].amount)).toBe(120_000);
    expect(stored.healthAsOf).toEqual(dateOnly(today));

    // The write itself is audited under the key; the new-customer playbook then opens its tasks
    // (audited as the playbook's, each saying why).
    const audit = await db.auditLog.findMany({ where: { accountId: stored.id }, orderBy: { id: "asc" } });
    const written = audit.filter((a) => a.entity !== "task");
    expect(written.map((a) => `${a.entity}:${a.action}`)).toEqual([
      "account:create",
      "arr_movement:create",
      "renewal:create",
    ]);
    expect(written.every((a) => a.apiKeyId === keyId && a.actorId === null)).toBe(true);
    const tasks = await db.task.findMany({ where: { accountId: stored.id } });
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks).toHaveLength(audit.length - written.length);
    expect(tasks.every((t) => t.ruleKey && t.reason)).toBe(true);
  });

  it("is idempotent: the same PUT again answers 200 with the same account and writes nothing", async () => {
    const csm = await createTestUser("csm");
    const body = accountBody({ csmEmail: csm.email });
    const first = await api.put<AccountView>("/accounts/same-twice", body);
    const auditBefore = await db.auditLog.count();
    const second = await api.put<AccountView>("/accounts/same-twice", body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect(await db.arrMovement.count({ where: { account: { externalId: "same-twice" } } })).toBe(1);
  });

  it("on an ARR and renewal-date change records the movement dated today and keeps the open renewal in step", async () => {
    await api.put("/accounts/growing", accountBody({ arr: 100_000 }));
    const account = await db.account.findUniqueOrThrow({ where: { externalId: "growing" } });
    await db.renewal.updateMany({ where: { accountId: account.id }, data: { forecast: "likely" } });

    const renewalDate = addDays(today, 90);
    const up = await api.put<AccountView>("/accounts/growing", accountBody({ arr: 130_000.456, renewalDate }));
    expect(up.status).toBe(200);
    expect(up.body.arr).toBe(130_000.46);
    await api.put("/accounts/growing", accountBody({ arr: 90_000, renewalDate }));

    const movements = await db.arrMovement.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
    expect(movements.map((m) => [m.type, Number(m.amount)])).toEqual([
      ["new", 100_000],
      ["expansion", 30_000.46],
      ["contraction", -40_000.46],
    ]);
    expect(movements[1].date).toEqual(dateOnly(today));
    const renewals = await db.renewal.findMany({ where: { accountId: account.id } });
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ renewalDate: dateOnly(renewalDate), forecast: "likely" });
    expect(Number(renewals[0].arr)).toBe(90_000);

    const update = await db.auditLog.findFirstOrThrow({
      where: { accountId: account.id, entity: "account", action: "update" },
      orderBy: { id: "asc" },
    });
    expect(update.before).toEqual({ arr: "100000", renewalDate: accountBody().renewalDate });
    expect(update.after).toEqual({ arr: "130000.46", renewalDate });
  });

  it("keeps fields the body leaves out, and clears those sent as null", async () => {
    const csm = await createTestUser("csm");
    await api.put("/accounts/partial", accountBody({ csmEmail: csm.email, industry: "Retail" }));
    const { csmEmail: _c, industry: _i, purchasedFeatures: _p, ...withoutOptional } = accountBody();
    const kept = await api.put<AccountView>("/accounts/partial", withoutOptional);
    expect(kept.body).toMatchObject({
      csmEmail: csm.email,
      industry: "Retail",
      purchasedFeatures: ["reports", "dashboards", "alerts", "api"],
    });
    const cleared = await api.put<AccountView>("/accounts/partial", {
      ...withoutOptional,
      csmEmail: null,
      industry: null,
    });
    expect(cleared.body).toMatchObject({ csmEmail: null, industry: null });
  });

  it("sets the month the customer's fiscal year starts, and refuses a month outside 1–12", async () => {
    const set = await api.put<AccountView>("/accounts/fiscal", accountBody({ fiscalYearStartMonth: 4 }));
    expect(set.body.fiscalYearStartMonth).toBe(4);
    expect((await db.account.findUniqueOrThrow({ where: { externalId: "fiscal" } })).fiscalYearStartMonth).toBe(4);
    const bad = await api.put("/accounts/fiscal", accountBody({ fiscalYearStartMonth: 13 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path)).toEqual(["fiscalYearStartMonth"]);
    const cleared = await api.put<AccountView>("/accounts/fiscal", accountBody({ fiscalYearStartMonth: null }));
    expect(cleared.body.fiscalYearStartMonth).toBeNull();
  });

  it("answers 400 naming csmEmail / aeEmail for an unknown user or the wrong role", async () => {
    const ae = await createTestUser("ae");
    const res = await api.put("/accounts/owners", accountBody({ csmEmail: ae.email, aeEmail: "nobody@example.com" }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path)).toEqual(["csmEmail", "aeEmail"]);
    expect(await db.account.count({ where: { externalId: "owners" } })).toBe(0);
  });
});

describe("GET /accounts and /accounts/{externalId}", () => {
  it("returns one account with its explained health, and 404 for an unknown one", async () => {
    await api.put("/accounts/readable", accountBody({ segment: "enterprise" }));
    const res = await api.get<AccountView>("/accounts/readable");
    expect(res.status).toBe(200);
    expect(res.body.externalId).toBe("readable");
    expect(Object.keys(res.body.health!.components)).toEqual(["engagement", "product", "relationship", "business"]);
    expect(res.body.health!.components.relationship.measures.map((m) => m.key)).toEqual([
      "exec_sponsor_engagement",
      "qbr_attendance",
      "nps_csat",
    ]);

    const missing = await api.get("/accounts/does-not-exist");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "not_found", issues: [] });
  });

  it("pages through accounts by id with filters, and validates the query", async () => {
    for (let i = 0; i < 5; i++)
      await api.put(`/accounts/page-${i}`, accountBody({ segment: "smb", name: `Page ${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: AccountPage } = await api.get<AccountPage>(
        `/accounts?segment=smb&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((a) => a.externalId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["page-0", "page-1", "page-2", "page-3", "page-4"]);

    const first = await api.get<AccountPage>("/accounts?segment=smb&limit=1");
    expect(first.body.data[0].health).toMatchObject({ asOf: today });
    expect(first.body.data[0]).not.toHaveProperty("health.components");

    const band = first.body.data[0].health!.band!;
    const byBand = await api.get<AccountPage>(`/accounts?band=${band}&limit=500`);
    expect(byBand.body.data.every((a) => a.health?.band === band)).toBe(true);

    const bad = await api.get("/accounts?limit=501&band=blue&cursor=abc");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path).sort()).toEqual(["band", "cursor", "limit"]);
  });
});

describe("GET /accounts/{externalId}/health", () => {
  it("reproduces a past score from the facts known on that date, with its 30-day trend", async () => {
    await api.put("/accounts/history", accountBody());
    await api.put("/accounts/history/usage", { days: usageDays(120) });
    const account = await db.account.findUniqueOrThrow({ where: { externalId: "history" } });
    const past = addDays(today, -45);
    const stored = (await recomputeHealth(db, { asOf: past, accountIds: [account.id] })).results.get(account.id)!;

    const res = await api.get<HealthView>(`/accounts/history/health?asOf=${past}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      asOf: past,
      score: stored.score,
      band: stored.band,
      insufficientData: stored.insufficientData,
    });
    const facts = (await loadHealthFacts(db, account.id))!;
    expect(res.body.trend).toBe(stored.score! - computeHealth(facts, addDays(past, -30)).score!);
    const measure = res.body.components.engagement.measures.find((m) => m.key === "login_frequency")!;
    expect(measure).toMatchObject({
      raw: expect.any(Number),
      score: expect.any(Number),
      weight: expect.any(Number),
      contribution: expect.any(Number),
    });
  });

  it("defaults to today, matching the stored current score", async () => {
    const res = await api.get<HealthView>("/accounts/history/health");
    const account = await db.account.findUniqueOrThrow({ where: { externalId: "history" } });
    expect(res.body).toMatchObject({ asOf: today, score: account.healthScore, band: account.healthBand });
  });

  it("answers 400 for a malformed or future asOf and 404 for an unknown account", async () => {
    const bad = await api.get("/accounts/history/health?asOf=2026-13-01");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("asOf");
    const future = await api.get(`/accounts/history/health?asOf=${addDays(today, 1)}`);
    expect(future.status).toBe(400);
    expect((await api.get("/accounts/nope/health")).status).toBe(404);
  });
});
