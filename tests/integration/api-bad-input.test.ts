// Bad input never gets a 500 (SPEC §6): whatever a client sends, the answer is a 4xx in the
// documented JSON error shape, names the field, and writes nothing.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { FAILED_AUTH_PER_MINUTE } from "@/lib/api/rate-limit";
import { clock } from "@/lib/clock";
import {
  accountBody,
  apiClient,
  createTestKey,
  usageDays,
  type ApiClient,
  type ApiErrorBody,
} from "@/tests/factories/api";

const today = clock.today();
const LONE = "x \ud800 y";
const LOW_ALONE = "x \udc00 y";
const NUL = "x \u0000 y";
let api: ApiClient;

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  expect((await api.put("/accounts/acme", accountBody())).status).toBe(201);
});

/** The documented error shape, and nothing else. */
function expectErrorShape(body: unknown, code: string) {
  const { error } = body as ApiErrorBody;
  expect(Object.keys(body as object)).toEqual(["error"]);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(Array.isArray(error.issues)).toBe(true);
}

const auditCount = () => db.auditLog.count();

describe("text PostgreSQL cannot store", () => {
  // Every string field of every write endpoint, one at a time.
  const cases: [method: "PUT" | "POST", path: string, body: (bad: string) => unknown, issuePath: string][] = [
    ["PUT", "/accounts/acme", (bad) => accountBody({ name: bad }), "name"],
    ["PUT", "/accounts/acme", (bad) => accountBody({ domain: bad }), "domain"],
    ["PUT", "/accounts/acme", (bad) => accountBody({ industry: bad }), "industry"],
    ["PUT", "/accounts/acme", (bad) => accountBody({ purchasedFeatures: ["reports", bad] }), "purchasedFeatures.1"],
    ["PUT", "/accounts/acme", (bad) => ({ ...accountBody(), csmEmail: `a${bad}@x.example` }), "csmEmail"],
    [
      "PUT",
      "/accounts/acme/usage",
      (bad) => ({ days: [{ ...usageDays(1)[0], featuresUsed: [bad] }] }),
      "days.0.featuresUsed.0",
    ],
    [
      "PUT",
      "/accounts/acme/usage",
      (bad) => ({ days: [{ ...usageDays(1)[0], integrationsActive: [bad] }] }),
      "days.0.integrationsActive.0",
    ],
    ["PUT", "/accounts/acme/contacts/ana@acme.example", (bad) => ({ name: bad }), "name"],
    ["PUT", "/accounts/acme/contacts/ana@acme.example", (bad) => ({ name: "Ana", title: bad }), "title"],
    ["POST", "/accounts/acme/tickets", (bad) => ({ externalId: bad, openedAt: today, priority: "low" }), "externalId"],
    [
      "POST",
      "/accounts/acme/tickets",
      (bad) => ({ externalId: "t-1", subject: bad, openedAt: today, priority: "low" }),
      "subject",
    ],
    [
      "POST",
      "/accounts/acme/surveys",
      (bad) => ({ type: "nps", score: 9, respondedAt: today, comment: bad }),
      "comment",
    ],
    [
      "POST",
      "/accounts/acme/surveys",
      (bad) => ({ type: "nps", score: 9, respondedAt: today, externalId: bad }),
      "externalId",
    ],
    ["POST", "/accounts/acme/touchpoints", (bad) => ({ type: "call", occurredAt: today, notes: bad }), "notes"],
    [
      "POST",
      "/accounts/acme/touchpoints",
      (bad) => ({ type: "call", occurredAt: today, contactEmails: [bad] }),
      "contactEmails.0",
    ],
    ["PUT", "/accounts/acme/outcomes/onboarded", (bad) => ({ title: bad, dueDate: today, achieved: false }), "title"],
    [
      "PUT",
      "/accounts/acme/expansions/seats-1",
      (bad) => ({ type: "seats", arr: 1000, status: "open", title: bad }),
      "title",
    ],
    ["PUT", "/accounts/acme/renewal", (bad) => ({ forecast: bad }), "forecast"],
    // A field no schema reads is still refused: it could reach a JSON column or a log.
    ["PUT", "/accounts/acme", (bad) => ({ ...accountBody(), unknownField: bad }), "unknownField"],
  ];

  it.each(cases)(
    "%s %s refuses an unpaired surrogate, a lone low surrogate and NUL (field %#)",
    async (method, path, body, issuePath) => {
      const before = await auditCount();
      for (const bad of [LONE, LOW_ALONE, NUL]) {
        const res = await api.call<ApiErrorBody>(method, path, { body: body(bad) });
        expect(res.status).toBe(400);
        expectErrorShape(res.body, "invalid_input");
        expect(res.body.error.issues).toContainEqual({
          path: issuePath,
          message: expect.stringMatching(/NUL|surrogate/),
        });
      }
      expect(await auditCount()).toBe(before);
    },
  );

  it("refuses them in path segments and query parameters too", async () => {
    const inPath = await api.get(`/accounts/${encodeURIComponent(LONE.replace("\ud800", "\u0000"))}`);
    expect(inPath.status).toBe(400);
    expect(inPath.body.error.issues).toContainEqual({ path: "externalId", message: expect.stringMatching(/NUL/) });
    const inQuery = await api.get(`/accounts?segment=${encodeURIComponent(NUL)}`);
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.error.issues).toContainEqual({ path: "segment", message: expect.stringMatching(/NUL/) });
  });

  it("answers a body nested 100,000 levels deep with a 400, not a crash", async () => {
    const deep = `${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`;
    const res = await api.call<ApiErrorBody>("PUT", "/accounts/acme", { rawBody: `{"name":"Acme","extra":${deep}}` });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toHaveLength(1);
  });

  it("keeps well-formed text, emoji (surrogate pairs) included", async () => {
    const res = await api.put("/accounts/acme/contacts/ana@acme.example", { name: "Ana 🚀 Ñúñez" });
    expect(res.status).toBe(201);
  });
});

describe("paths and methods", () => {
  it.each(["/accounts/100%", "/accounts/%E0%A4%A", "/accounts/%ZZ/health"])(
    "answers a JSON 400 to the malformed percent-encoding in %s",
    async (path) => {
      const res = await api.get(path);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, "invalid_input");
      expect(res.body.error.message).toMatch(/percent-encoded/);
    },
  );

  it.each([
    ["GET", "/nope"],
    ["GET", "/accounts/acme/nope"],
    ["POST", "/accounts/acme/usage/extra"],
    ["DELETE", "/v2/accounts"],
    ["GET", ""],
  ] as const)("answers %s %s with a JSON 404", async (method, path) => {
    const res = await api.call<ApiErrorBody>(method, path);
    expect(res.status).toBe(404);
    expectErrorShape(res.body, "not_found");
  });

  it.each([
    ["DELETE", "/accounts/acme", "GET, HEAD, PUT, OPTIONS"],
    ["POST", "/accounts/acme", "GET, HEAD, PUT, OPTIONS"],
    ["GET", "/accounts/acme/usage", "PUT, OPTIONS"],
    ["PUT", "/accounts/acme/tickets", "POST, OPTIONS"],
    ["PATCH", "/accounts", "GET, HEAD, OPTIONS"],
    ["POST", "/renewals", "GET, HEAD, OPTIONS"],
  ] as const)("answers %s %s with a JSON 405 and Allow: %s", async (method, path, allow) => {
    const res = await api.call<ApiErrorBody>(method, path, method === "GET" ? {} : { body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    expectErrorShape(res.body, "method_not_allowed");
  });
});

describe("bounds", () => {
  it.each([
    ["year 0000", { contractStart: "0000-01-01" }, "contractStart"],
    ["year 2200", { renewalDate: "2200-01-01" }, "renewalDate"],
    ["year 1899", { contractStart: "1899-12-31" }, "contractStart"],
    ["no seats", { seats: 0 }, "seats"],
    ["seats over int4", { seats: 2 ** 31 }, "seats"],
    ["ARR of 1e308", { arr: 1e308 }, "arr"],
  ] as const)("refuses an account with %s", async (_label, override, field) => {
    const res = await api.put("/accounts/bounds", { ...accountBody(), ...override });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path)).toContain(field);
    expect(await db.account.count({ where: { externalId: "bounds" } })).toBe(0);
  });

  it("accepts the first and last days of the range", async () => {
    const res = await api.put(
      "/accounts/bounds-edge",
      accountBody({ contractStart: "1900-01-01", renewalDate: "2199-12-31" }),
    );
    expect(res.status).toBe(201);
  });

  it("refuses a renewal whose next term would end after 2199, and writes nothing", async () => {
    // A 300-year contract: renewed, it would next renew on 2499-12-31.
    expect(
      (await api.put("/accounts/long-term", accountBody({ contractStart: "1900-01-01", renewalDate: "2199-12-31" })))
        .status,
    ).toBe(201);
    const before = await auditCount();
    const res = await api.put("/accounts/long-term/renewal", { outcome: "renewed", newArr: 120_000, signedAt: today });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: "outcome", message: expect.stringMatching(/after 2199-12-31/) }]);
    expect(await auditCount()).toBe(before);
    expect(await db.renewal.count({ where: { account: { externalId: "long-term" } } })).toBe(1);
  });
});

describe("invalid API keys", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`are rate-limited per client address: 401 for the first ${FAILED_AUTH_PER_MINUTE}, then 429 with Retry-After`, async () => {
    // Time stands still, so the buckets don't refill however slowly the machine runs.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const bad = apiClient("bt_not-a-real-key");
    const from = (address: string) => ({ headers: { "x-forwarded-for": `${address}, 10.0.0.1` } });
    const statuses: number[] = [];
    for (let i = 0; i < FAILED_AUTH_PER_MINUTE + 20; i++)
      statuses.push((await bad.get("/accounts", from("203.0.113.7"))).status);
    expect(statuses.slice(0, FAILED_AUTH_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(FAILED_AUTH_PER_MINUTE).every((s) => s === 429)).toBe(true);

    const limited = await bad.get("/accounts", from("203.0.113.7"));
    expectErrorShape(limited.body, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other addresses (X-Real-IP when there is no X-Forwarded-For) are unaffected.
    expect((await bad.get("/accounts", { headers: { "x-real-ip": "198.51.100.2" } })).status).toBe(401);
    vi.useRealTimers();
  });
});
