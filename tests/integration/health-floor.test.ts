// The benchmark's floor (lib/data/health/floor.sql.ts) is what the batch rescore is measured
// against, so it must do the work it names. Counting a grouped subquery's rows with count(*) lets
// PostgreSQL drop every aggregate the outer query never reads: the plan then only groups rows by
// account. These tests read the plan and fail if any aggregate is optimised away again.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HEALTH_FLOOR_SQL } from "@/lib/data/health/floor.sql";
import { seedDemoAsOf } from "@/tests/factories/demo";
import { addDays } from "@/lib/domain/dates";
import { HEALTH_WINDOW_DAYS } from "@/lib/domain/health";

const today = "2026-11-23";

beforeAll(() => seedDemoAsOf(today));

async function floorPlan(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN (VERBOSE) ${HEALTH_FLOOR_SQL.text}`,
    today,
  );
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("the rescore's floor", () => {
  it("computes every usage sum, survey sum and per-account count it names", async () => {
    const plan = await floorPlan();
    for (const aggregate of [
      "sum(u.logins)",
      'sum(u."activeUsers")',
      "sum(u.sessions)",
      'sum(u."sessionMinutes")',
      'sum(u."workflowsStarted")',
      'sum(u."workflowsCompleted")',
      "max(u.date)",
      "sum(s.score)",
    ])
      expect(plan).toContain(aggregate);
    // An aggregate the planner dropped shows as a NULL constant in its subquery's output.
    expect(plan).not.toMatch(/NULL::(bigint|numeric|date)/);
  });

  it("groups the distinct features and integrations by account and key", async () => {
    const plan = await floorPlan();
    expect(plan).toMatch(/(Group|Sort) Key: u(_\d+)?\."accountId", f\b/);
    expect(plan).toMatch(/(Group|Sort) Key: u(_\d+)?\."accountId", i\b/);
  });

  it("counts, per window, the accounts the model reads there", async () => {
    const usage = await db.usageDay.findMany({
      where: { date: { gte: new Date(addDays(today, 1 - HEALTH_WINDOW_DAYS.usage)), lte: new Date(today) } },
      select: { accountId: true, featuresUsed: true, integrationsActive: true },
    });
    const accountsWith = (keep: (u: (typeof usage)[number]) => boolean) =>
      new Set(usage.filter(keep).map((u) => u.accountId)).size;
    const [row] = await db.$queryRaw<Record<string, number>[]>(HEALTH_FLOOR_SQL(today));
    expect(accountsWith(() => true)).toBeGreaterThan(0);
    expect(row).toMatchObject({
      usage_sums: accountsWith(() => true),
      features: accountsWith((u) => u.featuresUsed.length > 0),
      integrations: accountsWith((u) => u.integrationsActive.length > 0),
    });
  });
});
