import "server-only";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { statement } from "../platform/sql";

// Dashboard aggregates read data that changes daily (usage arrives daily, scores are recomputed
// in the daily batch), yet some scan hundreds of thousands of usage or snapshot rows. The daily
// job computes them once per day into DailyRollup (refreshDashboardRollups); pages read the
// stored row, the same on every server replica. A page computes one only when no day of the
// last week has it (a database the daily job has not yet run on), and stores it for the others.

/** How far back a page may fall back to an earlier day's rollup while today's is being computed. */
const FALLBACK_DAYS = 7;

const LATEST = statement`SELECT value FROM "DailyRollup" WHERE key = $1 AND "asOf" BETWEEN $2::date AND $3::date ORDER BY "asOf" DESC LIMIT 1`;
const STORE = statement`INSERT INTO "DailyRollup" (key, "asOf", value, "computedAt") VALUES ($1, $2::date, $3::jsonb, $4)
  ON CONFLICT (key, "asOf") DO UPDATE SET value = excluded.value, "computedAt" = excluded."computedAt"`;

/** Stores an aggregate's value for a day (the daily job). */
export async function storeRollup(key: string, asOf: IsoDate, value: unknown): Promise<void> {
  await db.$executeRaw(STORE(key, asOf, JSON.stringify(value), clock.now()));
}

/** The day's stored aggregate (or the latest of the week before); computed and stored only if none. */
export async function cachedAggregate<T>(key: string, today: IsoDate, load: () => Promise<T>): Promise<T> {
  const [row] = await db.$queryRaw<{ value: T }[]>(LATEST(key, addDays(today, -FALLBACK_DAYS), today));
  if (row) return row.value;
  const value = await load();
  await storeRollup(key, today, value);
  return value;
}
