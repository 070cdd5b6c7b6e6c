// The one error type's mappings: which failures are the database being unavailable (503, retry
// later) rather than a bug, and how each code answers over HTTP and in a server action.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, APP_ERROR_CODES, isDatabaseUnavailable, toAppError, UNAVAILABLE_DIGEST } from "@/lib/errors";
import { errorResponse, httpStatus } from "@/lib/api/errors";
import { toActionResult } from "@/lib/actions/safe-action";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(`prisma ${code}`, { code, clientVersion: "6.19.0", meta });
/** What Prisma's driver adapters attach (shapes as thrown by @prisma/adapter-pg and pglite-prisma-adapter). */
const adapter = (cause: Record<string, unknown>) =>
  known("P2010", { driverAdapterError: { name: "DriverAdapterError", cause } });
const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "Prisma P1001 (can't reach the server)",
      known("P1001", {
        driverAdapterError: {
          name: "DriverAdapterError",
          cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 },
        },
      }),
    ],
    ["Prisma P1017 (server closed the connection)", known("P1017")],
    ["Prisma P2024 (connection pool timeout)", known("P2024")],
    ["a raw query on an unreachable server", adapter({ kind: "DatabaseNotReachable", host: "db", port: 5432 })],
    [
      "disk full (53100) through the adapter",
      adapter({ kind: "postgres", code: "53100", message: "could not extend file: No space left on device" }),
    ],
    ["admin shutdown (57P01) through the adapter", adapter({ kind: "postgres", code: "57P01" })],
    ["the database starting up (57P03) through the adapter", adapter({ kind: "postgres", code: "57P03" })],
    ["too many connections", adapter({ kind: "TooManyConnections", limit: 100 })],
    [
      "ECONNREFUSED from the socket",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ],
    [
      "ECONNRESET wrapped as a cause",
      new Error("query failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }),
    ],
    ["a pg error 53100", pgError("53100")],
    ["a pg error 57P01", pgError("57P01")],
    ["a pg connection exception (08006)", pgError("08006")],
    [
      "an AggregateError of refused connections",
      new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })]),
    ],
  ])("recognises %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const app = toAppError(error);
    expect(app?.code).toBe("unavailable");
    expect(app?.retryAfter).toBeGreaterThan(0);
    expect(app?.digest).toBe(UNAVAILABLE_DIGEST);
  });

  it.each([
    ["a unique violation", known("P2002")],
    ["a record not found", known("P2025")],
    ["a check violation through the adapter", adapter({ kind: "postgres", code: "23514" })],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a thrown string", "boom"],
    ["null", null],
  ])("does not take %s for an outage", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("toAppError", () => {
  it("keeps an AppError, turns concurrent writes into conflicts and bugs into null", () => {
    const own = new AppError("not_found", "No such thing.");
    expect(toAppError(own)).toBe(own);
    expect(toAppError(known("P2002"))?.code).toBe("conflict");
    expect(toAppError(known("P2034"))?.code).toBe("conflict");
    expect(toAppError(new Error("bug"))).toBeNull();
  });
});

describe("one mapping to HTTP", () => {
  it.each([
    ["invalid", 400, "invalid_input"],
    ["invalid_json", 400, "invalid_json"],
    ["unauthenticated", 401, "unauthenticated"],
    ["forbidden", 403, "forbidden"],
    ["not_found", 404, "not_found"],
    ["method_not_allowed", 405, "method_not_allowed"],
    ["conflict", 409, "conflict"],
    ["payload_too_large", 413, "payload_too_large"],
    ["rate_limited", 429, "rate_limited"],
    ["unavailable", 503, "unavailable"],
    ["internal", 500, "internal"],
  ] as const)("%s → %i with code %s in the documented shape", async (code, status, apiCode) => {
    expect(httpStatus(code)).toBe(status);
    const res = errorResponse(new AppError(code, "Message.", { issues: [{ path: "a.b", message: "Bad." }] }));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({
      error: { code: apiCode, message: "Message.", issues: [{ path: "a.b", message: "Bad." }] },
    });
  });

  it("sends Retry-After, Allow and WWW-Authenticate where they apply", () => {
    expect(errorResponse(new AppError("unavailable", "Down.", { retryAfter: 30 })).headers.get("retry-after")).toBe(
      "30",
    );
    expect(
      errorResponse(new AppError("method_not_allowed", "No.", { allow: ["GET", "HEAD"] })).headers.get("allow"),
    ).toBe("GET, HEAD");
    expect(errorResponse(new AppError("unauthenticated", "Who?")).headers.get("www-authenticate")).toBe(
      'Bearer realm="bowtie"',
    );
  });

  it("covers every code", () => {
    for (const code of APP_ERROR_CODES) expect(httpStatus(code)).toBeGreaterThanOrEqual(400);
  });
});

describe("one mapping to server-action results", () => {
  it("passes the code, message, issues and Retry-After to the form", () => {
    expect(toActionResult(new AppError("unavailable", "Down.", { retryAfter: 30 }))).toEqual({
      ok: false,
      error: { code: "unavailable", message: "Down.", retryAfter: 30 },
    });
    expect(
      toActionResult(new AppError("invalid", "Fix.", { issues: [{ path: "title", message: "Required." }] })),
    ).toEqual({
      ok: false,
      error: { code: "invalid", message: "Fix.", issues: [{ path: "title", message: "Required." }] },
    });
    expect(toActionResult(new AppError("payload_too_large", "Too big."))).toEqual({
      ok: false,
      error: { code: "invalid", message: "Too big." },
    });
  });
});
