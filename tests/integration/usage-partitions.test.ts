// Usage days partitioned by month (issue 16): the migration that converts an existing table,
// and the daily step that keeps the months (lib/data/health/usage-partitions.ts). On PGlite by
// default, on PostgreSQL with TEST_DATABASE_URL.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrationScripts } from "@/lib/db/migration-sql";
import { clock } from "@/lib/clock";
import { addDays } from "@/lib/domain/dates";
import {
  shiftMonth,
  usageKeepFrom,
  usagePartition,
  USAGE_DEFAULT_PARTITION,
  USAGE_MONTHS_AHEAD,
} from "@/lib/domain/usage-partitions";
import { getHealthModel, loadHealthInputs, recomputeHealth } from "@/lib/data/health/recompute";
import { scoreHealth, type HealthResult } from "@/lib/domain/health";
import { maintainUsagePartitions } from "@/lib/data/health/usage-partitions";
import type { Db } from "@/lib/db/types";
import type { UsageUpsertResult } from "@/lib/data/health/usage";
import { accountBody, apiClient, createTestKey, usageDays, type ApiClient } from "@/tests/factories/api";

const today = clock.today();
const MIGRATION = "20261201191000_usage_partitions";

/** Where each usage row of an account is stored: its date and the partition's name. */
async function placement(client: Db, accountId: number): Promise<{ date: string; partition: string }[]> {
  return client.$queryRaw`
    SELECT u.date::text AS date, c.relname::text AS partition
    FROM "UsageDay" u JOIN pg_class c ON c.oid = u.tableoid
    WHERE u."accountId" = ${accountId} ORDER BY u.date`;
}

/** The partitions of "UsageDay" (pg_inherits), by name. */
async function partitions(client: Db): Promise<string[]> {
  const rows = await client.$queryRaw<{ name: string }[]>`
    SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '"UsageDay"'::regclass ORDER BY 1`;
  return rows.map((r) => r.name);
}

/** The scores and their components, account by account. */
const scores = (results: Map<number, HealthResult>) => [...results.entries()];

/**
 * A second database migrated up to just before the partitioning, beside the test's own:
 * in-memory PGlite, or a schema of its own on the TEST_DATABASE_URL server. `migrate` upgrades it
 * as a deployment would: the partitioning and every migration after it.
 */
async function databaseBeforePartitioning(): Promise<{ handle: DbHandle; migrate: () => Promise<unknown> }> {
  const dir = join(process.cwd(), "prisma", "migrations");
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const scripts = migrationScripts(dir);
  const before = scripts.slice(0, names.indexOf(MIGRATION));
  const upgrade = scripts.slice(names.indexOf(MIGRATION));
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = openDb({ kind: "pglite", dataDir: "memory://" });
    const exec = (sql: string) => handle.pglite!.exec(sql);
    for (const sql of before) await exec(sql);
    return {
      handle,
      migrate: async () => {
        for (const sql of upgrade) await exec(sql);
      },
    };
  }
  const schema = `t_parts_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  for (const sql of before) await admin.query(sql);
  const scoped = new URL(url);
  scoped.searchParams.set("schema", schema);
  const inner = openDb({ kind: "postgres", url: scoped.toString() });
  const handle: DbHandle = {
    ...inner,
    close: async () => {
      await inner.close();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
  return {
    handle,
    migrate: async () => {
      for (const sql of upgrade) await admin.query(sql);
    },
  };
}

describe("the migration to monthly partitions", () => {
  let scratch: Awaited<ReturnType<typeof databaseBeforePartitioning>>;
  beforeAll(async () => {
    scratch = await databaseBeforePartitioning();
  });
  afterAll(async () => scratch?.handle.close());

  it("keeps every usage row, each in its month's partition, and the account's score", async () => {
    const client = scratch.handle.prisma;
    const account = await client.account.create({
      data: {
        externalId: "before",
        name: "Before",
        segment: "mid_market",
        seats: 50,
        arr: 120_000,
        contractStart: new Date(`${addDays(today, -900)}T00:00:00Z`),
        renewalDate: new Date(`${addDays(today, 60)}T00:00:00Z`),
        purchasedFeatures: ["reports", "dashboards", "alerts", "api"],
      },
    });
    // 800 days: about 27 months, so the conversion spans year boundaries.
    const days = usageDays(800).map((d, i) => ({
      ...d,
      accountId: account.id,
      logins: i % 37,
      date: new Date(`${d.date}T00:00:00Z`),
    }));
    await client.usageDay.createMany({ data: days });
    // Scored from the inputs the old schema gives (the rescore's writes need the newest schema).
    const model = await getHealthModel(client);
    const inputs = await loadHealthInputs(client, today, [account.id]);
    const before = new Map([...inputs].map(([id, i]) => [id, scoreHealth(i, model)] as const));

    await scratch.migrate();

    const placed = await placement(client, account.id);
    expect(placed).toHaveLength(800);
    expect(placed.filter((p) => p.partition !== usagePartition(p.date).name)).toEqual([]);
    const months = [...new Set(placed.map((p) => usagePartition(p.date).name))];
    expect(await partitions(client)).toEqual([...months, USAGE_DEFAULT_PARTITION].sort());
    const after = await recomputeHealth(client, { asOf: today, accountIds: [account.id], playbooks: false });
    expect(scores(after.results)).toEqual(scores(before));
  });
});

describe("the daily partition step", () => {
  let api: ApiClient;
  let accountId: number;
  beforeAll(async () => {
    api = apiClient((await createTestKey()).key);
    await api.put("/accounts/parts", accountBody({ name: "Parts", contractStart: addDays(today, -1000) }));
    accountId = (await db.account.findUniqueOrThrow({ where: { externalId: "parts" } })).id;
  });

  it("moves usage from the default partition into its months and leaves the score as it was", async () => {
    // A fresh database has only the default partition: 900 days (30 months) of usage land there.
    const put = await api.put<UsageUpsertResult>("/accounts/parts/usage", { days: usageDays(900) });
    expect(put.body).toEqual({ upserted: 900, inserted: 900, updated: 0 });
    expect(new Set((await placement(db, accountId)).map((p) => p.partition))).toEqual(
      new Set([USAGE_DEFAULT_PARTITION]),
    );
    const before = await recomputeHealth(db, { asOf: today, accountIds: [accountId], playbooks: false });

    const summary = await maintainUsagePartitions(db, { asOf: today, retentionMonths: 25 });

    const keepFrom = usageKeepFrom(today, 25);
    const kept = usageDays(900).filter((d) => d.date >= keepFrom);
    expect(summary.keepFrom).toBe(keepFrom);
    expect(summary.created).toEqual(
      Array.from({ length: 25 + 1 + USAGE_MONTHS_AHEAD }, (_, i) => usagePartition(shiftMonth(keepFrom, i)).name),
    );
    expect(summary).toMatchObject({
      dropped: [],
      movedFromDefault: kept.length,
      deletedFromDefault: 900 - kept.length,
    });
    const placed = await placement(db, accountId);
    expect(placed.map((p) => p.date)).toEqual(kept.map((d) => d.date));
    expect(placed.filter((p) => p.partition !== usagePartition(p.date).name)).toEqual([]);

    const after = await recomputeHealth(db, { asOf: today, accountIds: [accountId], playbooks: false });
    expect(scores(after.results)).toEqual(scores(before.results));
  });

  it("does nothing more when run again the same day", async () => {
    const partitionsBefore = await partitions(db);
    const again = await maintainUsagePartitions(db, { asOf: today, retentionMonths: 25 });
    expect(again).toEqual({
      keepFrom: usageKeepFrom(today, 25),
      created: [],
      dropped: [],
      movedFromDefault: 0,
      deletedFromDefault: 0,
      analyzed: false,
    });
    expect(await partitions(db)).toEqual(partitionsBefore);
  });

  it("drops the months a shorter retention no longer keeps, and keeps the rest", async () => {
    const rowsBefore = await placement(db, accountId);
    const keepFrom = usageKeepFrom(today, 12);
    const expired = [...new Set(rowsBefore.filter((r) => r.date < keepFrom).map((r) => r.partition))];
    expect(expired.length).toBe(13);

    const summary = await maintainUsagePartitions(db, { asOf: today, retentionMonths: 12 });
    expect(summary).toMatchObject({
      keepFrom,
      created: [],
      dropped: expired,
      movedFromDefault: 0,
      deletedFromDefault: 0,
    });
    expect(await placement(db, accountId)).toEqual(rowsBefore.filter((r) => r.date >= keepFrom));
    const names = await partitions(db);
    expect(names.filter((n) => expired.includes(n))).toEqual([]);
    expect(names).toContain(usagePartition(today).name);
    expect(names).toContain(USAGE_DEFAULT_PARTITION);
  });

  it("keeps upserts by (account, date) working across partitions, and clears expired days written later", async () => {
    const recent = usageDays(3).map((d) => ({ ...d, logins: 99 }));
    const old = usageDays(1, addDays(usageKeepFrom(today, 12), -1));
    const res = await api.put<UsageUpsertResult>("/accounts/parts/usage", { days: [...old, ...recent] });
    expect(res.body).toEqual({ upserted: 4, inserted: 1, updated: 3 });
    const stored = await db.usageDay.findUniqueOrThrow({
      where: { accountId_date: { accountId, date: new Date(`${today}T00:00:00Z`) } },
    });
    expect(stored.logins).toBe(99);
    const placedOld = (await placement(db, accountId)).find((p) => p.date === old[0]?.date);
    expect(placedOld?.partition).toBe(USAGE_DEFAULT_PARTITION);

    const summary = await maintainUsagePartitions(db, { asOf: today, retentionMonths: 12 });
    expect(summary).toMatchObject({ created: [], dropped: [], deletedFromDefault: 1 });
    expect((await placement(db, accountId)).some((p) => p.date === old[0]?.date)).toBe(false);
  });

  it("refuses to drop anything that is not a month partition of UsageDay", async () => {
    await expect(db.$queryRaw`SELECT "UsageDay_drop_partition"('Account')::text`).rejects.toThrow();
    await expect(db.$queryRaw`SELECT "UsageDay_drop_partition"('UsageDay_default')::text`).rejects.toThrow();
    expect(await db.account.count()).toBeGreaterThan(0);
  });
});
