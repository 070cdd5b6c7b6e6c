import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { RateLimiter } from "@/lib/api/rate-limit";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "@/lib/data/platform/api-keys";
import { createTestUser } from "@/tests/factories/api";

describe("API keys", () => {
  it("creates a bt_ key shown once: only its prefix and SHA-256 are stored, audited", async () => {
    const admin = await createTestUser("admin");
    const created = await createApiKey("CRM sync", { userId: admin.id });
    expect(created.key).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: "CRM sync",
      prefix: created.key.slice(0, 10),
      createdBy: admin.name,
      revokedAt: null,
    });

    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.hash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "api_key", entityId: String(created.id) } });
    expect(audit).toMatchObject({
      action: "create",
      actorId: admin.id,
      after: { name: "CRM sync", prefix: created.prefix },
    });
    expect(JSON.stringify(audit)).not.toContain(created.key);

    expect((await listApiKeys()).map((k) => k.id)).toContain(created.id);
  });

  it("authenticates a valid key and records lastUsedAt at most once a minute", async () => {
    const { key, id } = await createApiKey("reader", { system: "test" });
    expect(await authenticateApiKey(key)).toEqual({ id, name: "reader" });
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateApiKey(key);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);

    expect(await authenticateApiKey(`${key}x`)).toBeNull();
    expect(await authenticateApiKey("not-even-a-bowtie-key")).toBeNull();
  });

  it("stops a revoked key at once; revoking is audited once", async () => {
    const { key, id } = await createApiKey("leaked", { system: "test" });
    const revoked = await revokeApiKey(id, { system: "test" });
    expect(revoked?.revokedAt).not.toBeNull();
    expect(await authenticateApiKey(key)).toBeNull();
    await revokeApiKey(id, { system: "test" });
    expect(
      await db.auditLog.count({ where: { entity: "api_key", entityId: String(id), action: "revoke (test)" } }),
    ).toBe(1);
    expect(await revokeApiKey(999_999, { system: "test" })).toBeNull();
  });
});

describe("RateLimiter", () => {
  it("allows a burst of the per-minute allowance, then refills at allowance / 60 per second", () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take(1)).toEqual({ allowed: true });
    expect(limiter.take(1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take(2)).toEqual({ allowed: true });
    now += 1_000;
    expect(limiter.take(1)).toEqual({ allowed: true });
    expect(limiter.take(1)).toMatchObject({ allowed: false });
    now += 120_000;
    for (let i = 0; i < 60; i++) expect(limiter.take(1)).toEqual({ allowed: true });
    expect(limiter.take(1)).toMatchObject({ allowed: false });
  });
});
