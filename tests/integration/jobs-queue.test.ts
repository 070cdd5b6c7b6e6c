// Background work on the job queue (pg-boss): the daily job runs once per date however many
// processes share the database, a failing job is retried and then shown failed with its error,
// and on the embedded database the same queue runs inside the one process.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db, dbHandle } from "@/lib/db";
import { listRecentJobs } from "@/lib/data/jobs/recent-jobs";
import { cachedAggregate } from "@/lib/data/dashboards/cache";
import { jobId, QUEUES, startJobs, type JobRunner } from "@/lib/jobs/queue";
import { migrationScripts } from "@/lib/db/migration-sql";
import { clock } from "@/lib/clock";
import { addDays } from "@/lib/domain/dates";

const today = clock.today();
const serverUrl = process.env.TEST_DATABASE_URL;

const INSERT_ACCOUNTS = `
  INSERT INTO "Account" ("externalId", name, segment, seats, arr, "contractStart", "renewalDate", "updatedAt")
  SELECT 'jobs-' || n, 'Jobs test ' || n, 'smb', 10, 12000, $1::date, $2::date, now() FROM generate_series(1, 3) n`;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const until = performance.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("the job queue in this process", () => {
  let runner: JobRunner | undefined;
  afterAll(async () => {
    await runner?.stop();
  });

  it("runs today's daily job once, rescoring the active accounts, and lists it for admins", async () => {
    // On a shared PostgreSQL server the queue's schema outlives a test run's own schema.
    await db.$executeRaw`DROP SCHEMA IF EXISTS pgboss CASCADE`;
    await db.$executeRawUnsafe(INSERT_ACCOUNTS, addDays(today, -400), addDays(today, 200));
    runner = await startJobs(dbHandle, { pollingIntervalSeconds: 0.5 });
    const done = await waitFor("the daily job", async () => {
      const { jobs } = await listRecentJobs();
      return jobs.find((j) => j.queue === QUEUES.daily && j.state === "completed");
    });
    expect(done).toMatchObject({ asOf: today, attempts: 0, error: null, id: jobId(QUEUES.daily, today) });
    expect(done.summary).toMatchObject({ asOf: today, rescored: 3 });
    const scored = await db.account.count({
      where: { externalId: { startsWith: "jobs-" }, healthAsOf: { not: null } },
    });
    expect(scored).toBe(3);

    // The dashboards' heavy aggregates are stored for the day; pages read them without computing.
    const rollups = await db.dailyRollup.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(rollups.map((r) => r.key)).toEqual([
      "churn-reasons",
      "health-mix",
      "retention",
      "stage:adoption",
      "stage:expansion",
      "stage:onboarding",
      "stage:renewal",
      "stage:value_realization",
    ]);
    let computed = 0;
    const charts = await cachedAggregate("stage:expansion", today, async () => ++computed);
    expect(computed).toBe(0);
    expect(charts).toMatchObject({ stage: "expansion" });

    // Asking again for the same day (another replica's start-up, the quarter-hourly check) adds nothing.
    await runner.queueDaily(today);
    await runner.queueDaily(today);
    const { jobs, schedules } = await listRecentJobs();
    expect(jobs.filter((j) => j.queue === QUEUES.daily)).toHaveLength(1);
    expect(schedules.map((s) => s.queue).sort()).toEqual(
      [QUEUES.dailyCheck, QUEUES.scorecardWeek, QUEUES.purgeIdempotencyKeys].sort(),
    );
  });

  it("retries a failing job with backoff and then shows it failed with its error", async () => {
    const boss = runner!.boss;
    await boss.createQueue("jobs-test-failing", { name: "jobs-test-failing", retryLimit: 1, retryDelay: 1 });
    let attempts = 0;
    await boss.work("jobs-test-failing", { pollingIntervalSeconds: 0.5 }, async () => {
      attempts++;
      throw new Error("The mail server refused the connection");
    });
    await boss.send("jobs-test-failing", { asOf: today });
    const failed = await waitFor("the failed job", async () => {
      const { jobs } = await listRecentJobs();
      return jobs.find((j) => j.queue === "jobs-test-failing" && j.state === "failed");
    });
    expect(attempts).toBe(2);
    expect(failed).toMatchObject({ attempts: 1, retryLimit: 1, error: "The mail server refused the connection" });
  });
});

// Two worker processes (the same workers `npm start` runs) against one PostgreSQL database.
describe.runIf(serverUrl)("two processes on one PostgreSQL database", () => {
  const name = `bowtie_jobs_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  const url = new URL(serverUrl ?? "postgresql://localhost/none");
  url.pathname = `/${name}`;
  url.search = "";
  const workers: { child: ChildProcess; out: string }[] = [];

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("runs each daily job exactly once", async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    for (const sql of migrationScripts()) await client.query(sql);
    await client.query(INSERT_ACCOUNTS, [addDays(today, -400), addDays(today, 200)]);

    for (let i = 0; i < 2; i++) {
      const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/jobs-worker.ts"], {
        env: {
          ...process.env,
          DATABASE_URL: url.toString(),
          BOWTIE_NOW: clock.now().toISOString(),
          BOWTIE_JOBS_POLL_SECONDS: "0.5",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const worker = { child, out: "" };
      child.stdout!.on("data", (chunk) => (worker.out += String(chunk)));
      child.stderr!.on("data", (chunk) => (worker.out += String(chunk)));
      workers.push(worker);
    }
    await waitFor("both workers", async () => (workers.every((w) => w.out.includes("started")) ? true : undefined));
    await waitFor("the daily job", async () => {
      const { rows } = await client.query(`SELECT state FROM pgboss.job WHERE name = 'daily' AND state = 'completed'`);
      return rows.length > 0 ? true : undefined;
    });
    // Both workers keep polling for a few rounds: nothing else runs.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const { rows } = await client.query(
      `SELECT data->>'asOf' AS "asOf", state, retry_count FROM pgboss.job WHERE name = 'daily'`,
    );
    expect(rows).toEqual([{ asOf: today, state: "completed", retry_count: 0 }]);
    const runs = workers.map((w) => (w.out.match(/\] rescored: /g) ?? []).length);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const { rows: scored } = await client.query(
      `SELECT count(*)::int AS n FROM "Account" WHERE "healthAsOf" = $1::date`,
      [today],
    );
    expect(scored[0].n).toBe(3);
    await client.end();
    for (const w of workers) w.child.kill("SIGTERM");
  }, 120_000);
});
