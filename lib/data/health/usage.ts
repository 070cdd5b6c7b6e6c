import "server-only";
import type { TUsageDay } from "@/lib/validation/api";
import { recordAudit, type AuditActor } from "../platform/audit";
import { columns, upsertCounting, type TableSpec } from "../platform/bulk-insert";
import { USAGE_DAY_COLUMNS } from "./usage-columns";
import { writeAccountFacts, type Tx } from "../accounts/write";

// Usage days (SPEC §2: one row per account and day, idempotent on the date). A batch of up to
// 10,000 days is ONE set-based statement: each column travels as one array-literal parameter
// (the technique of bulk-insert.ts), unnested and upserted on (accountId, date).

interface UsageRow {
  accountId: number;
  date: string;
  activeUsers: number;
  logins: number;
  sessions: number;
  sessionMinutes: number;
  featuresUsed: readonly string[];
  workflowsStarted: number;
  workflowsCompleted: number;
  integrationsActive: readonly string[];
  dataQuality: number | null;
}

const USAGE_TABLE: TableSpec<UsageRow> = { table: "UsageDay", columns: columns<UsageRow>(USAGE_DAY_COLUMNS) };

export interface UsageUpsertResult {
  upserted: number;
  inserted: number;
  updated: number;
}

/**
 * Upserts an account's usage days (dates distinct, as ZUsageBatch guarantees) and rescores it.
 * The batch is audited as one entry (its date range and counts), not day by day.
 */
export function upsertUsageDays(
  externalId: string,
  days: readonly TUsageDay[],
  actor: AuditActor,
  outerTx?: Tx,
): Promise<UsageUpsertResult> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const rows = days.map((day): UsageRow => ({ ...day, accountId, dataQuality: day.dataQuality ?? null }));
      const counts = await upsertCounting(tx, USAGE_TABLE, ["accountId", "date"], rows);
      const result = {
        upserted: counts.upserted,
        inserted: counts.inserted,
        updated: counts.upserted - counts.inserted,
      };
      const dates = days.map((day) => day.date).sort();
      await recordAudit(tx, actor, {
        entity: "usage_days",
        entityId: `${dates[0]}..${dates[dates.length - 1]}`,
        accountId,
        action: result.updated === 0 ? "create" : "update",
        after: { from: dates[0], to: dates[dates.length - 1], ...result },
      });
      return result;
    },
    outerTx,
  );
}
