import "server-only";
// Background work runs on pg-boss, a job queue kept in the database itself (schema `pgboss`):
// every server process starts a worker, and the database decides which one takes each job
// (SELECT … FOR UPDATE SKIP LOCKED), so N replicas sharing one PostgreSQL do each job once.
//  - `daily`: the day's work (lib/jobs/daily-health.ts), one job per UTC date. Its id is derived
//    from the date, so the start-up check of every replica and the quarter-hourly check all
//    insert the same row (ON CONFLICT DO NOTHING) and it runs once; a failure is retried with
//    exponential backoff and stays visible under Settings → Jobs.
//  - `daily-check`: every 15 minutes (a pg-boss schedule, itself sent once per tick across
//    replicas) queues today's `daily` job, so the work follows the date without a restart.
//  - `scorecard-week`: every 10 minutes, stores the scorecard's week under way again (its figure
//    is provisional until the week ends) and any week not stored yet, so the page only reads.
//  - `purge-idempotency-keys`: hourly, drops API idempotency keys past their 24 hours.
// On the embedded database (PGlite) the owning server process runs the same queue in-process:
// pg-boss gets an executor that sends its SQL straight to PGlite, taking turns through the
// database's gate like every other statement (PGlite is a single session, so its advisory locks
// and SKIP LOCKED simply succeed). A process that reaches another process's embedded database
// over its socket uses that socket like PostgreSQL.
import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import { dbHandle } from "@/lib/db";
import { splitSchema, type DbHandle } from "@/lib/db/client";
import { gateFor } from "@/lib/db/pglite-gate";
import { purgeExpiredIdempotencyKeys } from "@/lib/api/idempotency";
import { clock } from "@/lib/clock";
import type { IsoDate } from "@/lib/domain/dates";
import { runDailyJobs } from "./daily-health";
import { fillScorecardWeeks } from "@/lib/data/scorecard/scorecard";

/** The queue's own schema in the application's database (created and migrated by pg-boss). */
export const JOBS_SCHEMA = "pgboss";

export const QUEUES = {
  daily: "daily",
  dailyCheck: "daily-check",
  scorecardWeek: "scorecard-week",
  purgeIdempotencyKeys: "purge-idempotency-keys",
} as const;

/** Retry with backoff: 1, 2, 4, 8, 16 minutes apart, then the job stays failed (and listed). */
const RETRIES: PgBoss.RetryOptions = { retryLimit: 5, retryDelay: 60, retryBackoff: true };

/** A deterministic job id (a name-based UUID) so the same day's job is inserted once. */
export function jobId(queue: string, key: string): string {
  const hex = createHash("sha1").update(`bowtie:${queue}:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** pg-boss's SQL straight to an embedded PGlite, one statement or script per turn of its gate. */
function pgliteExecutor(pglite: PGlite): Executor {
  const gate = gateFor(pglite);
  return {
    executeSql: (text, values) =>
      gate.run(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }),
  };
}

async function connection(handle: DbHandle): Promise<PgBoss.ConstructorOptions> {
  if (handle.target.kind === "postgres") {
    // The queue's own small pool; it never needs the app's schema on its search path.
    const url = new URL(splitSchema(handle.target.url).connectionString);
    url.searchParams.delete("options");
    url.searchParams.delete("pgbouncer");
    return { connectionString: process.env.BOWTIE_JOBS_DATABASE_URL || url.toString(), max: 3 };
  }
  if (handle.pglite) return { db: pgliteExecutor(handle.pglite) };
  if (!handle.embedded) throw new Error("No database to run the job queue on.");
  const connected = await handle.embedded.connect();
  if (connected.kind === "own") return { db: pgliteExecutor(connected.pglite) };
  const { host, port, user, database } = connected.pgConfig;
  return { host, port, user, database, max: 2 };
}

/**
 * Creates a queue unless it exists. pg-boss 10's create_queue takes no lock, so replicas starting
 * together can deadlock on it (one of them is told so): that one waits a moment and looks again.
 */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...options });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "23505" && code !== "42P07")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}

export interface JobRunner {
  boss: PgBoss;
  /** Queues the daily job for a date (once per date, whoever asks). */
  queueDaily(asOf?: IsoDate): Promise<void>;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  /** Seconds between a worker's polls for new jobs (default 5). */
  pollingIntervalSeconds?: number;
}

/** Starts the queue and this process's workers, and queues today's daily job. */
export async function startJobs(handle: DbHandle = dbHandle, options: StartJobsOptions = {}): Promise<JobRunner> {
  const boss = new PgBoss({
    ...(await connection(handle)),
    schema: JOBS_SCHEMA,
    application_name: "bowtie-jobs",
    // A finished job stays in the job table (and so keeps its date's id taken) for 3 days,
    // then moves to the archive, which keeps it 30 days: Settings → Jobs lists both.
    archiveCompletedAfterSeconds: 3 * 86_400,
    archiveFailedAfterSeconds: 3 * 86_400,
    deleteAfterDays: 30,
  });
  // One line per error: a dropped connection (the database restarting, say) is the usual one, and
  // the driver's error object carries the whole client with it.
  boss.on("error", (error: Error & { code?: string }) =>
    console.error(`[jobs] ${error.message}${error.code ? ` (${error.code})` : ""}`),
  );
  await boss.start();
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 5;

  // The daily run at 50,000+ accounts takes under a minute; give it an hour before it counts as stuck.
  for (const name of Object.values(QUEUES)) await ensureQueue(boss, name, { ...RETRIES, expireInSeconds: 3600 });

  const queueDaily = async (asOf: IsoDate = clock.today()) => {
    await boss.send(QUEUES.daily, { asOf }, { id: jobId(QUEUES.daily, asOf), ...RETRIES, expireInSeconds: 3600 });
  };

  await boss.work<{ asOf: IsoDate }>(QUEUES.daily, { pollingIntervalSeconds }, async ([job]) =>
    runDailyJobs(job.data.asOf),
  );
  await boss.work(QUEUES.dailyCheck, { pollingIntervalSeconds }, async () => queueDaily());
  await boss.work(QUEUES.scorecardWeek, { pollingIntervalSeconds }, async () =>
    fillScorecardWeeks({ asOf: clock.today() }).then(() => ({ filled: clock.today() })),
  );
  await boss.work(QUEUES.purgeIdempotencyKeys, { pollingIntervalSeconds }, async () => ({
    purged: await purgeExpiredIdempotencyKeys(),
  }));
  await boss.schedule(QUEUES.dailyCheck, "*/15 * * * *", {}, { tz: "UTC" });
  await boss.schedule(QUEUES.scorecardWeek, "*/10 * * * *", {}, { tz: "UTC" });
  await boss.schedule(QUEUES.purgeIdempotencyKeys, "7 * * * *", {}, { tz: "UTC" });
  await queueDaily();

  return { boss, queueDaily, stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }) };
}
