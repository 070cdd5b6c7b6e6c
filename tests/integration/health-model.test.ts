import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCurrentHealthModel, saveHealthModel } from "@/lib/data/health/model";
import { seedIfEmpty } from "@/lib/data/platform/seed";
import { DEFAULT_HEALTH_MODEL } from "@/lib/domain/health-model";

beforeAll(async () => {
  await seedIfEmpty(db, { accountCount: 12, log: () => {}, env: { NODE_ENV: "test" } });
});

describe("saving the health model", () => {
  it("starts from SPEC's defaults", async () => {
    expect(await getCurrentHealthModel()).toEqual(DEFAULT_HEALTH_MODEL);
  });

  it("stores the admin's model, rescores every active account with it, and audits each changed value", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    const before = await db.account.findMany({
      where: { status: "active" },
      select: { id: true, healthScore: true },
      orderBy: { id: "asc" },
    });
    const model = { ...DEFAULT_HEALTH_MODEL, weights: { engagement: 10, product: 10, relationship: 70, business: 10 } };

    const { recomputed } = await saveHealthModel(model, { userId: admin.id });

    expect(recomputed).toBe(before.length);
    expect(await getCurrentHealthModel()).toEqual(model);
    const after = await db.account.findMany({
      where: { status: "active" },
      select: { id: true, healthScore: true },
      orderBy: { id: "asc" },
    });
    expect(after.some((a, i) => a.healthScore !== before[i].healthScore)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "health_model" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { "weights.engagement": 40, "weights.product": 30, "weights.relationship": 20 },
      after: { "weights.engagement": 10, "weights.product": 10, "weights.relationship": 70 },
    });
  });
});
