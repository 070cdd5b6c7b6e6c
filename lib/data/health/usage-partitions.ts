import "server-only";
import type { Db } from "@/lib/db/types";
import type { IsoDate } from "@/lib/domain/dates";
import {
  planUsagePartitions,
  USAGE_DEFAULT_PARTITION,
  USAGE_TABLE,
  type MonthPartition,
} from "@/lib/domain/usage-partitions";
import { sqlIdentifier, sqlLiteral, statement } from "../platform/sql";

// The daily step that keeps "UsageDay"'s monthly partitions (migration 20261201191000): every
// month of the retention and three ahead exist, older months are dropped (instant, no bloat,
// unlike DELETE), and days that fell into the default partition are moved to their month or,
// when older than the retention, deleted. Each change is one statement, so a run that fails
// half-way leaves whole partitions behind and the next run (or the queue's retry) finishes it.

const DEFAULT_PARTITION = sqlIdentifier(USAGE_DEFAULT_PARTITION);
// The migration's functions: they quote the names and bounds given here with format().
const CREATE_FUNCTION = sqlIdentifier(`${USAGE_TABLE}_create_partition`);
const DROP_FUNCTION = sqlIdentifier(`${USAGE_TABLE}_drop_partition`);

/** The month partitions there are, with their bounds (MINVALUE / MAXVALUE read as open ends). */
const LIST_PARTITIONS = statement<[]>`
  SELECT c.relname::text AS name,
         coalesce(substring(b.bound FROM 'FROM \\(''([0-9-]+)''\\)'), '0001-01-01') AS "from",
         coalesce(substring(b.bound FROM 'TO \\(''([0-9-]+)''\\)'), '9999-12-31') AS "to"
  FROM pg_inherits i
  JOIN pg_class c ON c.oid = i.inhrelid
  CROSS JOIN LATERAL (SELECT pg_get_expr(c.relpartbound, c.oid) AS bound) b
  WHERE i.inhparent = ${sqlLiteral(`"${USAGE_TABLE}"`)}::regclass AND b.bound <> 'DEFAULT'
  ORDER BY 2`;

const DELETE_OLD_DEFAULT_DAYS = statement<[IsoDate]>`DELETE FROM ${DEFAULT_PARTITION} WHERE date < $1::date`;
const CREATE_PARTITION = statement<[string, IsoDate, IsoDate]>`
  SELECT ${CREATE_FUNCTION}($1, $2::date, $3::date) AS moved`;
const DROP_PARTITION = statement<[string]>`SELECT ${DROP_FUNCTION}($1)::text AS dropped`;
// Autovacuum analyses the partitions but never the partitioned table, whose statistics the
// planner uses for joins and groupings over several months. ANALYZE of it also re-analyses every
// partition (11–15 s at 50k under load), so it runs when the months change: about once a month.
const ANALYZE_TABLE = statement<[]>`ANALYZE ${sqlIdentifier(USAGE_TABLE)}`;

export interface UsagePartitionSummary {
  keepFrom: IsoDate;
  created: string[];
  dropped: string[];
  /** Days moved from the default partition into a month created for them. */
  movedFromDefault: number;
  /** Days older than the retention deleted from the default partition. */
  deletedFromDefault: number;
  /** Whether the table's statistics were refreshed (when anything above changed). */
  analyzed: boolean;
}

/** Creates the partitions the retention and the months ahead need and drops the expired ones. Idempotent. */
export async function maintainUsagePartitions(
  client: Db,
  { asOf, retentionMonths }: { asOf: IsoDate; retentionMonths: number },
): Promise<UsagePartitionSummary> {
  const existing = await client.$queryRaw<MonthPartition[]>(LIST_PARTITIONS());
  const plan = planUsagePartitions({ today: asOf, retentionMonths, existing });
  const deletedFromDefault = await client.$executeRaw(DELETE_OLD_DEFAULT_DAYS(plan.keepFrom));
  let movedFromDefault = 0;
  for (const month of plan.create) {
    const [row] = await client.$queryRaw<{ moved: bigint | number }[]>(
      CREATE_PARTITION(month.name, month.from, month.to),
    );
    movedFromDefault += Number(row?.moved ?? 0);
  }
  for (const name of plan.drop) await client.$queryRaw(DROP_PARTITION(name));
  const analyzed = plan.create.length + plan.drop.length + deletedFromDefault > 0;
  if (analyzed) await client.$executeRaw(ANALYZE_TABLE());
  return {
    keepFrom: plan.keepFrom,
    created: plan.create.map((p) => p.name),
    dropped: plan.drop,
    movedFromDefault,
    deletedFromDefault,
    analyzed,
  };
}
