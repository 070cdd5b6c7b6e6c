// The daily job's statistics step on a real database (PGlite, and PostgreSQL with
// TEST_DATABASE_URL): it vacuums the renewal rollup's change log and analyses the tables the
// job rewrote, outside a transaction, on both engines.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshPlannerStatistics } from "@/lib/data/platform/planner-statistics";

describe("the daily statistics step", () => {
  it("vacuums the rollup's change log and analyses the daily tables, on this database", async () => {
    await expect(refreshPlannerStatistics(db)).resolves.toBeUndefined();
    const [log] = await db.$queryRaw<{ vacuumed: boolean; analyzed: boolean }[]>`
      SELECT last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed
      FROM pg_stat_user_tables WHERE relname = 'RenewalRollupChange' AND schemaname = current_schema()`;
    expect(log).toEqual({ vacuumed: true, analyzed: true });
  });

  it("analyses every table after a seed", async () => {
    await expect(refreshPlannerStatistics(db, { all: true })).resolves.toBeUndefined();
    const [account] = await db.$queryRaw<{ analyzed: boolean }[]>`
      SELECT last_analyze IS NOT NULL AS analyzed
      FROM pg_stat_user_tables WHERE relname = 'Account' AND schemaname = current_schema()`;
    expect(account).toEqual({ analyzed: true });
  });
});
