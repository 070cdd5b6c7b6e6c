// Embedded PGlite under more load than its queue takes: a new request past the depth limit is
// answered at once with 503, Retry-After and the API's error shape, and nothing is lost for
// the requests already queued.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { gateFor, type Release } from "@/lib/db/pglite-gate";
import { newTicket } from "@/lib/db/request-scope";
import { apiClient, createTestKey, type ApiClient } from "@/tests/factories/api";

// The gate is made at the first statement, after this line: one request may wait.
process.env.BOWTIE_DB_QUEUE_DEPTH = "1";
afterAll(() => {
  delete process.env.BOWTIE_DB_QUEUE_DEPTH;
});

const handle = (globalThis as unknown as { bowtieDb: DbHandle }).bowtieDb;
let api: ApiClient;

beforeAll(async () => {
  if (!handle.pglite) return;
  api = apiClient((await createTestKey()).key);
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("a full queue on the embedded database", () => {
  it("answers a new request 503 with Retry-After, and serves the queued one once the database is free", async () => {
    const gate = gateFor(handle.pglite!);
    // Something long holds the database (a big import, say).
    const release: Release = await gate.acquire(newTicket());
    const queued = api.get("/accounts");
    await new Promise((r) => setTimeout(r, 50));
    const refused = await api.get("/accounts");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.body.error.code).toBe("unavailable");
    expect(refused.body.error.issues).toEqual([]);
    release();
    expect((await queued).status).toBe(200);
  });
});
