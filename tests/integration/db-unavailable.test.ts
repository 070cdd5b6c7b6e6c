// A database that is down is not the client's fault and not a bug: the API answers 503 with
// Retry-After in the documented shape, and server actions answer "unavailable". The app's
// database handle is pointed at a port where nothing listens before any module opens it.
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";

const unreachable = openDb({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:1/bowtie_down" });
const holder = globalThis as unknown as { bowtieDb?: DbHandle };
const healthy = holder.bowtieDb;
holder.bowtieDb = unreachable;

let signedIn: { id: number; email: string; name: string; role: "csm"; active: boolean } | null = {
  id: 1,
  email: "csm@example.com",
  name: "CSM",
  role: "csm",
  active: true,
};
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { apiClient } = await import("@/tests/factories/api");
const { createTaskAction } = await import("@/lib/actions/tasks");
const { getAccount } = await import("@/lib/data/accounts/triage");
const { UNAVAILABLE_DIGEST } = await import("@/lib/errors");

afterAll(async () => {
  holder.bowtieDb = healthy;
  await unreachable.close();
  signedIn = null;
});

describe("with the database unreachable", () => {
  it("the API answers 503 with Retry-After in the error shape, for reads and writes", async () => {
    const api = apiClient("bt_any-key-at-all");
    for (const res of [await api.get("/accounts"), await api.put("/accounts/acme", { name: "Acme" })]) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.body).toEqual({
        error: { code: "unavailable", message: expect.stringMatching(/temporarily unavailable/), issues: [] },
      });
    }
  });

  it("a server action answers 'unavailable' with a retry delay, not 'internal'", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ accountId: "1", title: "Call", dueDate: "2026-12-01", priority: "normal" }))
      form.set(k, v);
    const result = await createTaskAction(null, form);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "unavailable",
        message: expect.stringMatching(/temporarily unavailable/),
        retryAfter: expect.any(Number),
      },
    });
  });

  it("a page's query fails with the digest app/error.tsx shows as 'temporarily unavailable'", async () => {
    await expect(getAccount("acme")).rejects.toMatchObject({ code: "unavailable", digest: UNAVAILABLE_DIGEST });
  });
});
