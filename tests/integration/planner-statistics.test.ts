// The daily job's statistics step on a real database (PGlite, and PostgreSQL with
// TEST_DATABASE_URL): it vacuums and analyses the tables the job rewrote (the renewal rollup's
// change log among them), outside a transaction, on both engines.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshPlannerStatistics } from "@/lib/data/platform/planner-statistics";

describe("the daily statistics step", () => {
  it("vacuums and analyses the tables the daily job rewrites, the rollup's change log among them", async () => {
    await expect(refreshPlannerStatistics(db)).resolves.toBeUndefined();
    const tables = await db.$queryRaw<{ relname: string; vacuumed: boolean; analyzed: boolean }[]>`
      SELECT relname::text AS relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed
      FROM pg_stat_user_tables
      WHERE relname IN ('RenewalRollupChange', 'Account', 'HealthSnapshot', 'Task') AND schemaname = current_schema()
      ORDER BY relname`;
    expect(tables).toEqual(
      ["Account", "HealthSnapshot", "RenewalRollupChange", "Task"].map((relname) => ({
        relname,
        vacuumed: true,
        analyzed: true,
      })),
    );
  });

  it("analyses every table after a seed", async () => {
    await expect(refreshPlannerStatistics(db, { all: true })).resolves.toBeUndefined();
    const [account] = await db.$queryRaw<{ analyzed: boolean }[]>`
      SELECT last_analyze IS NOT NULL AS analyzed
      FROM pg_stat_user_tables WHERE relname = 'Account' AND schemaname = current_schema()`;
    expect(account).toEqual({ analyzed: true });
  });
});
