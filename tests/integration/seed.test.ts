import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { bulkInsert, columns } from "@/lib/data/platform/bulk-insert";
import { syncLifecycleStages } from "@/lib/data/accounts/lifecycle-stages";
import { deleteAllData, resetAndSeedDemo, seedIfEmpty, seedScale } from "@/lib/data/platform/seed";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";

// Fewer accounts than the real demo keep this fast; the code path is the one `npm start` runs.
const today = new Date("2026-11-23T00:00:00Z");
const quiet = () => {};
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });
const demo = { today, accountCount: 12, log: quiet, env: env() };

describe("seeding", () => {
  it("seeds an empty database with the demo users and data, and audits the run", async () => {
    const result = await seedIfEmpty(db, demo);

    expect(result.seeded).toBe("demo");
    expect(result.counts.users).toBe(DEMO_USERS.length);
    expect(result.counts.accounts).toBe(12);
    expect(await db.account.count()).toBe(12);
    expect(await db.usageDay.count()).toBe(result.counts.usageDays);
    expect(await db.touchpoint.count()).toBe(result.counts.touchpoints);
    expect(await db.renewal.count({ where: { status: "open" } })).toBe(
      await db.account.count({ where: { status: "active" } }),
    );

    const audit = await db.auditLog.findMany({ where: { entity: "database", action: "seed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ mode: "demo", accounts: 12, users: DEMO_USERS.length });
  });

  it("gives every account its lifecycle stage with weekly history, and the default scorecard", async () => {
    const accounts = await db.account.findMany({ select: { id: true, lifecycleStage: true, status: true } });
    const histories = await db.stageChange.groupBy({ by: ["accountId"], _count: true });
    expect(histories).toHaveLength(accounts.length);
    for (const a of accounts) if (a.status === "churned") expect(a.lifecycleStage).toBe("churned");
    // The back-filled history ends where the daily sync would put every account today.
    expect(await syncLifecycleStages(db, { asOf: "2026-11-23" })).toBe(0);
    expect(await db.scorecardMeasurable.count({ where: { active: true } })).toBe(10);
    expect(await db.rock.count({ where: { metricKey: "unhealthyShare", startValue: 0.34, targetValue: 0.25 } })).toBe(
      1,
    );
  });

  it("lets every demo user be found by email, with the demo password", async () => {
    for (const demoUser of DEMO_USERS) {
      const user = await db.user.findUnique({ where: { email: demoUser.email } });
      expect(user?.role).toBe(demoUser.role);
      expect(await verifyPassword(DEMO_PASSWORD, user?.passwordHash ?? "")).toBe(true);
    }
  });

  it("reads back what it wrote: text arrays, dates and money", async () => {
    const account = await db.account.findFirstOrThrow({
      where: { purchasedFeatures: { has: "reports" } },
      orderBy: { id: "asc" },
    });
    expect(account.purchasedFeatures.length).toBeGreaterThanOrEqual(3);
    expect(account.contractStart.getTime() % 86_400_000).toBe(0);
    const lines = await db.contractLine.findMany({
      where: { accountId: account.id, startDate: { lte: today }, endDate: { gte: today } },
    });
    if (account.status === "active" && account.renewalDate > today) {
      expect(lines.reduce((sum, l) => sum + Number(l.price), 0)).toBe(Number(account.arr));
    }
    const usage = await db.usageDay.findFirstOrThrow({ where: { accountId: account.id, activeUsers: { gt: 0 } } });
    expect(usage.featuresUsed.every((f) => account.purchasedFeatures.includes(f))).toBe(true);
  });

  it("moves the id sequences past the seeded ids", async () => {
    const before = await db.account.aggregate({ _max: { id: true } });
    const created = await db.account.create({
      data: {
        externalId: "after-seed",
        name: "After Seed",
        segment: "smb",
        seats: 5,
        arr: "1000.00",
        contractStart: today,
        renewalDate: today,
      },
    });
    expect(created.id).toBe((before._max.id ?? 0) + 1);
  });

  it("seeds nothing the second time (--if-empty is idempotent)", async () => {
    const accounts = await db.account.count();
    const result = await seedIfEmpty(db, demo);
    expect(result).toEqual({ seeded: "nothing", counts: {} });
    expect(await db.account.count()).toBe(accounts);
    expect(await db.user.count()).toBe(DEMO_USERS.length);
    expect(await db.auditLog.count({ where: { action: "seed" } })).toBe(1);
  });

  it("needs no admin settings with BOWTIE_DEMO=off once users exist", async () => {
    const result = await seedIfEmpty(db, { ...demo, env: env({ BOWTIE_DEMO: "off" }) });
    expect(result.seeded).toBe("nothing");
  });

  it("resets to a fresh demo (--reset)", async () => {
    const result = await resetAndSeedDemo(db, { today, accountCount: 5, log: quiet });
    expect(result.counts.accounts).toBe(5);
    expect(await db.account.count()).toBe(5);
    expect(await db.user.count()).toBe(DEMO_USERS.length);
    expect(await db.account.findUnique({ where: { externalId: "after-seed" } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "seed" } })).toBe(1);
  });

  it("adds scale accounts in batches, continuing names and ids (--accounts N)", async () => {
    const result = await seedScale(db, { accounts: 25, batchSize: 10, usageDays: 7, today, log: quiet });
    expect(result.counts.accounts).toBe(25);
    expect(await db.account.count()).toBe(30);
    expect(await db.account.count({ where: { externalId: "CRM-000030" } })).toBe(1);
    const perAccount = await db.usageDay.groupBy({ by: ["accountId"], _count: true, where: { accountId: { gt: 5 } } });
    expect(Math.max(...perAccount.map((g) => g._count))).toBe(7);
    expect(await db.auditLog.count({ where: { action: "seed", entityId: "scale" } })).toBe(1);
  });

  it("creates only the first admin with BOWTIE_DEMO=off, and explains what is missing", async () => {
    await deleteAllData(db);
    await expect(seedIfEmpty(db, { ...demo, env: env({ BOWTIE_DEMO: "off" }) })).rejects.toThrow(AppError);
    const tooShort = env({ BOWTIE_DEMO: "off", BOWTIE_ADMIN_EMAIL: "ops@example.com", BOWTIE_ADMIN_PASSWORD: "short" });
    await expect(seedIfEmpty(db, { ...demo, env: tooShort })).rejects.toThrow(/BOWTIE_ADMIN_PASSWORD/);

    const admin = env({
      BOWTIE_DEMO: "off",
      BOWTIE_ADMIN_EMAIL: " Ops@Example.com ",
      BOWTIE_ADMIN_PASSWORD: "a long enough secret",
    });
    const result = await seedIfEmpty(db, { ...demo, env: admin });
    expect(result).toEqual({ seeded: "admin", counts: { users: 1 } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(user).toMatchObject({ role: "admin", name: "Administrator" });
    expect(await verifyPassword("a long enough secret", user.passwordHash)).toBe(true);
    expect(await db.account.count()).toBe(0);
    expect(await db.scorecardMeasurable.count()).toBe(10);
  });
});

describe("bulkInsert", () => {
  it("writes text arrays with quotes, commas, backslashes and NULLs intact", async () => {
    const account = await db.account.create({
      data: {
        externalId: "bulk",
        name: "Bulk",
        segment: "smb",
        seats: 1,
        arr: "1.00",
        contractStart: today,
        renewalDate: today,
      },
    });
    const features = ['a "quoted", comma', "back\\slash", "{braces}", "NULL", ""];
    const spec = {
      table: "UsageDay",
      columns: columns<{ accountId: number; date: Date; featuresUsed: string[]; dataQuality: number | null }>({
        accountId: "int",
        date: "date",
        featuresUsed: "text[]",
        dataQuality: "float",
      }),
    };
    const rows = [0, 1, 2].map((n) => ({
      accountId: account.id,
      date: new Date(Date.UTC(2026, 0, 1 + n)),
      featuresUsed: features,
      dataQuality: n === 1 ? null : 0.5,
    }));
    expect(await bulkInsert(db, spec, rows, 2)).toBe(3);
    const stored = await db.usageDay.findMany({ where: { accountId: account.id }, orderBy: { date: "asc" } });
    expect(stored.map((u) => u.featuresUsed)).toEqual([features, features, features]);
    expect(stored.map((u) => u.dataQuality)).toEqual([0.5, null, 0.5]);
  });
});
