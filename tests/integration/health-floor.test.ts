// The benchmark's floor (lib/data/health/floor.sql.ts) is what the batch rescore is measured
// against, so it must do the work it names. Counting a grouped subquery's rows with count(*) lets
// PostgreSQL drop every aggregate the outer query never reads: the plan then only groups rows by
// account. These tests read the plan and fail if any aggregate is optimised away again.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HEALTH_FLOOR_SQL } from "@/lib/data/health/floor.sql";
import { clock } from "@/lib/clock";

async function floorPlan(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN (VERBOSE) ${HEALTH_FLOOR_SQL.text}`,
    clock.today(),
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

  it("returns a count for each window", async () => {
    const [row] = await db.$queryRaw<Record<string, number>[]>(HEALTH_FLOOR_SQL(clock.today()));
    expect(Object.keys(row).sort()).toEqual(
      ["features", "integrations", "outcomes", "reviews", "surveys", "tickets", "usage_sums"].sort(),
    );
  });
});
