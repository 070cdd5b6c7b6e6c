import "server-only";
import { db } from "@/lib/db";
import { statement } from "@/lib/data/platform/sql";

// What the job queue (lib/jobs/queue.ts, pg-boss in the `pgboss` schema) did lately, for admins:
// queued, running, retrying, completed and failed jobs with their errors. pg-boss keeps finished
// jobs 3 days in its job table and 30 more in its archive; both are listed.

export interface JobRow {
  id: string;
  queue: string;
  /** created · retry · active · completed · cancelled · failed */
  state: string;
  /** The day a daily job is for. */
  asOf: string | null;
  attempts: number;
  retryLimit: number;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** A failed attempt's error message, or a finished job's summary. */
  error: string | null;
  summary: Record<string, unknown> | null;
}

export interface JobSchedule {
  queue: string;
  cron: string;
}

const SCHEMA_READY = statement`SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.archive') IS NOT NULL AS ready`;

const RECENT = statement`
  SELECT * FROM (
    SELECT id::text AS id, name AS queue, state::text AS state, data, output, retry_count AS attempts,
           retry_limit AS "retryLimit", created_on AS "createdAt", started_on AS "startedAt", completed_on AS "completedAt"
      FROM pgboss.job WHERE left(name, 10) <> '__pgboss__'
    UNION ALL
    SELECT id::text, name, state::text, data, output, retry_count, retry_limit, created_on, started_on, completed_on
      FROM pgboss.archive WHERE left(name, 10) <> '__pgboss__'
  ) jobs
  ORDER BY "createdAt" DESC, id
  LIMIT $1`;

const SCHEDULES = statement`SELECT name AS queue, cron FROM pgboss.schedule ORDER BY name`;

interface RawJob extends Omit<JobRow, "asOf" | "error" | "summary"> {
  data: unknown;
  output: unknown;
}

function describe(raw: RawJob): JobRow {
  const { data, output, ...rest } = raw;
  const asOf =
    data && typeof data === "object" && typeof (data as { asOf?: unknown }).asOf === "string"
      ? (data as { asOf: string }).asOf
      : null;
  const out = output && typeof output === "object" ? (output as Record<string, unknown>) : null;
  const failed = rest.state === "failed" || rest.state === "retry";
  const message = out && typeof out.message === "string" ? out.message : null;
  return {
    ...rest,
    attempts: Number(rest.attempts),
    retryLimit: Number(rest.retryLimit),
    asOf,
    error: failed ? (message ?? (out ? JSON.stringify(out) : null)) : null,
    summary: failed ? null : out,
  };
}

/** The newest jobs (default 50) and the recurring schedules; empty before the queue first started. */
export async function listRecentJobs(limit = 50): Promise<{ jobs: JobRow[]; schedules: JobSchedule[] }> {
  const [{ ready }] = await db.$queryRaw<{ ready: boolean }[]>(SCHEMA_READY());
  if (!ready) return { jobs: [], schedules: [] };
  const [jobs, schedules] = await Promise.all([
    db.$queryRaw<RawJob[]>(RECENT(limit)),
    db.$queryRaw<JobSchedule[]>(SCHEDULES()),
  ]);
  return { jobs: jobs.map(describe), schedules };
}
