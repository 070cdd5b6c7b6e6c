import "server-only";
import type { Db } from "@/lib/db/types";
import { statement } from "./sql";

// PostgreSQL plans every query from table statistics that ANALYZE gathers. After a bulk write
// (the seed, the daily rescore rewriting every account and snapshot, the stage sync) autovacuum
// gathers them only when it gets there, which on a busy server can be hours later; until then the
// planner guesses, e.g. 2 accounts in a lifecycle stage that holds 24,761, and picks plans that
// cost seconds instead of milliseconds (the expansion dashboard's 7 s, see docs/benchmarks.md).
// The daily job and the seed refresh them right after their writes. ANALYZE samples a fixed
// number of rows per table, so it costs well under a second at 50,000 accounts.

const ANALYZE_DAILY = statement`ANALYZE "Account", "HealthSnapshot", "Renewal", "Task", "StageChange", "ExpansionOpportunity", "ScorecardValue", "DailyRollup", "RenewalRollup"`;
const ANALYZE_ALL = statement`ANALYZE`;
// The renewal rollup's change log is emptied by each daily refresh (a DELETE: writers' triggers
// keep appending meanwhile). Until its dead rows are vacuumed every renewal page reads past them:
// at 200,000 accounts the forecast page went from 246 to 67 ms p50 after this VACUUM.
const VACUUM_CHANGE_LOG = statement`VACUUM (ANALYZE) "RenewalRollupChange"`;

/**
 * Statistics of the tables the daily job rewrites (or, with `all`, of every table), and the
 * rollup's change log vacuumed. Outside a transaction: VACUUM cannot run inside one.
 */
export async function refreshPlannerStatistics(client: Db, { all = false }: { all?: boolean } = {}): Promise<void> {
  await client.$executeRaw(VACUUM_CHANGE_LOG());
  await client.$executeRaw(all ? ANALYZE_ALL() : ANALYZE_DAILY());
}
