-- Two changes that make the daily rescore's writes cheaper (docs/benchmarks.md, "Rescore writes").
--
-- 1. HealthSnapshot.readings is written by the rescore, which has the 19 scores in hand, instead
--    of being computed by the database from 19 paths into every new snapshot's document (a third
--    of the cost of writing a slice of snapshots). Rows stored so far keep the values they have.
ALTER TABLE "HealthSnapshot" ALTER COLUMN "readings" DROP EXPRESSION;

-- 2. Every account's row is updated once a day (score, band, trend and the date of the score).
--    With full pages, each update writes a new row version on another page and a new entry in
--    each of Account's indexes. Half-full pages leave room for the new version on the same page,
--    so an update that changes no indexed column (two thirds of the accounts on a given day: the
--    date and trend move, the score does not) touches no index at all. CLUSTER rewrites the table
--    once with the new fill factor (it may run inside the migration's transaction).
ALTER TABLE "Account" SET (fillfactor = 50);
CLUSTER "Account" USING "Account_pkey";
