-- Usage days partitioned by month (issue 16, docs/scaling.md).
-- "UsageDay" becomes PARTITION BY RANGE ("date"), one partition per calendar month named
-- UsageDay_YYYY_MM, plus UsageDay_default for any day no month partition covers, so a write
-- never fails for lack of a partition. The key (accountId, date) already holds the partition
-- column, so the primary key and every ON CONFLICT ("accountId", "date") upsert stay as they are.
-- The daily job (lib/data/health/usage-partitions.ts) creates the months ahead, moves rows out
-- of the default partition and drops the months past BOWTIE_USAGE_RETENTION_MONTHS.
--
-- Existing rows are kept: the old table is renamed, a partition is made for every month it
-- holds, its rows are copied, and it is dropped. The primary key and the foreign key are added
-- after the copy (one index build and one check per partition, not one per row). The whole
-- script runs as one transaction.

ALTER TABLE "UsageDay" RENAME TO "UsageDay_unpartitioned";
ALTER TABLE "UsageDay_unpartitioned" RENAME CONSTRAINT "UsageDay_pkey" TO "UsageDay_unpartitioned_pkey";
ALTER TABLE "UsageDay_unpartitioned" DROP CONSTRAINT "UsageDay_accountId_fkey";

-- The same columns, types, NOT NULLs and defaults as the old table.
CREATE TABLE "UsageDay" (LIKE "UsageDay_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("date");

CREATE TABLE "UsageDay_default" PARTITION OF "UsageDay" DEFAULT;

-- The two changes the daily job makes (which ones is decided by lib/domain/usage-partitions.ts).
-- They are functions so that the app sends names and bounds as bound parameters and format()
-- quotes them here, never SQL text built in JavaScript.
-- Creating a month moves its days out of the default partition first (a month cannot be attached
-- while the default one holds days of it) and returns how many it moved.
CREATE FUNCTION "UsageDay_create_partition"(partition_name text, from_day date, to_day date) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  moved bigint;
BEGIN
  EXECUTE format('CREATE TABLE %I (LIKE "UsageDay" INCLUDING DEFAULTS)', partition_name);
  EXECUTE format(
    'WITH moved AS (DELETE FROM "UsageDay_default" WHERE "date" >= %L AND "date" < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
    from_day, to_day, partition_name
  );
  GET DIAGNOSTICS moved = ROW_COUNT;
  EXECUTE format('ALTER TABLE "UsageDay" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', partition_name, from_day, to_day);
  RETURN moved;
END
$$;

-- Dropping a month refuses any table that is not a month partition of "UsageDay".
CREATE FUNCTION "UsageDay_drop_partition"(partition_name text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF partition_name = 'UsageDay_default' OR NOT EXISTS (
    SELECT 1 FROM pg_inherits
    WHERE inhparent = '"UsageDay"'::regclass AND inhrelid = to_regclass(quote_ident(partition_name))
  ) THEN
    RAISE EXCEPTION 'not a month partition of "UsageDay": %', partition_name;
  END IF;
  EXECUTE format('DROP TABLE %I', partition_name);
END
$$;

-- One partition per month that holds usage, named as lib/domain/usage-partitions.ts names them
-- (tests/integration/usage-partitions.test.ts checks that they agree).
DO $$
DECLARE
  month_start date;
BEGIN
  FOR month_start IN
    SELECT DISTINCT date_trunc('month', "date")::date FROM "UsageDay_unpartitioned" ORDER BY 1
  LOOP
    PERFORM "UsageDay_create_partition"(
      'UsageDay_' || to_char(month_start, 'YYYY_MM'), month_start, (month_start + interval '1 month')::date
    );
  END LOOP;
END
$$;

INSERT INTO "UsageDay" ("accountId", "date", "activeUsers", "logins", "sessions", "sessionMinutes", "featuresUsed",
                        "workflowsStarted", "workflowsCompleted", "integrationsActive", "dataQuality")
SELECT "accountId", "date", "activeUsers", "logins", "sessions", "sessionMinutes", "featuresUsed",
       "workflowsStarted", "workflowsCompleted", "integrationsActive", "dataQuality"
FROM "UsageDay_unpartitioned";

DROP TABLE "UsageDay_unpartitioned";

ALTER TABLE "UsageDay" ADD CONSTRAINT "UsageDay_pkey" PRIMARY KEY ("accountId", "date");
ALTER TABLE "UsageDay" ADD CONSTRAINT "UsageDay_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Autovacuum never analyses a partitioned table itself, only its partitions: statistics of the
-- whole table now, so the first plans after the migration are good.
ANALYZE "UsageDay";
