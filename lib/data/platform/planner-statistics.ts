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

// The tables the daily job rewrites, vacuumed and analysed. VACUUM also marks their pages all
// visible, which lets counts be answered from an index alone: at 200,000 accounts the scorecard's
// open tasks per CSM (395,276 open tasks, just written by the playbooks) read 58,000 heap pages
// in 383 ms before and 31 ms from the index after. It prunes the rescore's old row versions too,
// so tomorrow's update of each account finds room on its page (Account is at fill factor 50).
// The renewal rollup's change log is emptied by each daily refresh (a DELETE: writers' triggers
// keep appending meanwhile); until its dead rows are vacuumed every renewal page reads past them
// (at 200,000 accounts the forecast page went from 246 to 67 ms p50 after its VACUUM).
// 6.4 s at 200,000 accounts the first time, 2.2 s when little changed.
const VACUUM_DAILY = statement`VACUUM (ANALYZE) "RenewalRollupChange", "Account", "HealthSnapshot", "Renewal", "Task", "StageChange", "ExpansionOpportunity", "ScorecardValue", "DailyRollup", "RenewalRollup"`;
const VACUUM_CHANGE_LOG = statement`VACUUM (ANALYZE) "RenewalRollupChange"`;
const ANALYZE_ALL = statement`ANALYZE`;

/**
 * The tables the daily job rewrites vacuumed and analysed (or, with `all`, the change log
 * vacuumed and every table analysed, after the seed). Outside a transaction: VACUUM cannot run
 * inside one.
 */
export async function refreshPlannerStatistics(client: Db, { all = false }: { all?: boolean } = {}): Promise<void> {
  if (all) {
    await client.$executeRaw(VACUUM_CHANGE_LOG());
    await client.$executeRaw(ANALYZE_ALL());
  } else {
    await client.$executeRaw(VACUUM_DAILY());
  }
}
