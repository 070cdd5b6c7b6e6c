// npm run bench:health — the health issue's performance bars on PostgreSQL (DATABASE_URL):
//   1. full batch recompute of every active account, beside the true floor (the plain aggregates
//      of every window the model reads, lib/data/health/floor.sql.ts) and the inputs statement
//      (lib/data/health/inputs.sql.ts) on its own, with the ratios and the peak memory;
//   2. triage first page (band filter, sorted by score) and account page: server p50 / p95;
//   3. one API call upserting 10,000 usage days.
// Load data first: `npm run bench:seed` (50,000 accounts). Pages are measured over HTTP against
// `npm start` on BENCH_PORT (default 3300), which this script starts and stops.
import { addDays } from "@/lib/domain/dates";
import { HEALTH_INPUTS_SQL } from "@/lib/data/health/inputs.sql";
import { HEALTH_FLOOR_SQL } from "@/lib/data/health/floor.sql";
import { recomputeHealth } from "@/lib/data/health/recompute";
import { openDb } from "@/lib/db/client";
import { createApiKey } from "@/lib/data/platform/api-keys";
import { closeDb } from "@/lib/db";
import { benchServer, stopServer, time } from "./bench-http";
import { clock } from "@/lib/clock";

const port = Number(process.env.BENCH_PORT || 3300);
const base = `http://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS || 40);
// BENCH_HEALTH_INPUTS_ONLY=1: only the floor and the inputs statement (e.g. before and after a migration).
const inputsOnly = process.env.BENCH_HEALTH_INPUTS_ONLY === "1";

if (!process.env.DATABASE_URL)
  throw new Error("Set DATABASE_URL to a PostgreSQL database loaded with `npm run bench:seed`.");
const handle = openDb();
const db = handle.prisma;
const today = clock.today();

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const bar = (ok: boolean) => (ok ? "✓" : "✗");

/** A statement with JIT off (as the rescore runs its inputs statement), timed. */
async function timedWithoutJit(run: (tx: typeof db) => Promise<unknown>): Promise<number> {
  const [, ms] = await time(() =>
    db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL jit = off`;
        await run(tx as typeof db);
      },
      { timeout: 10 * 60_000 },
    ),
  );
  return ms;
}

async function batchRecompute() {
  const accounts = await db.account.count({ where: { status: "active" } });
  await timedWithoutJit((tx) => tx.$queryRaw(HEALTH_FLOOR_SQL(today))); // warm the cache once
  const floor = await timedWithoutJit((tx) => tx.$queryRaw(HEALTH_FLOOR_SQL(today)));
  const inputs = await timedWithoutJit((tx) => tx.$queryRaw(HEALTH_INPUTS_SQL(today, null)));
  console.log(`The true floor: ${seconds(floor)} · the inputs statement alone: ${seconds(inputs)}`);
  if (inputsOnly) return;
  const rssBefore = process.memoryUsage().rss;
  const [results, full] = await time(() => recomputeHealth(db, { asOf: today }));
  // maxRSS is the process's peak resident memory so far, in KiB.
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `Batch recompute: ${results.size.toLocaleString()} of ${accounts.toLocaleString()} active accounts in ${seconds(full)} ` +
      `(bar ≤ 12 s on a quiet machine: ${bar(full <= 12_000)})`,
  );
  console.log(
    `  true floor (plain aggregates of every window the model reads): ${seconds(floor)} · rescore / floor ${(full / floor).toFixed(2)}× (bar ≤ 2.5×: ${bar(full <= 2.5 * floor)})`,
  );
  console.log(`  the inputs statement alone: ${seconds(inputs)} · ${(inputs / floor).toFixed(2)}× the floor`);
  console.log(`  memory: RSS before ${mb(rssBefore)}, peak RSS of the process ${mb(peak)}`);
}

const http = benchServer(port);
const pageTimes = (label: string, cookie: string, paths: string[]) => http.pageTimes(label, cookie, paths, runs);

async function usageUpsert() {
  const key = await createApiKey(`bench ${clock.now().toISOString()}`, { system: "bench" });
  const account = await db.account.findFirstOrThrow({
    where: { status: "active" },
    orderBy: { id: "desc" },
    select: { externalId: true },
  });
  const days = Array.from({ length: 10_000 }, (_, i) => ({
    date: addDays(today, -i),
    activeUsers: 20 + (i % 7),
    logins: 40 + (i % 11),
    sessions: 30,
    sessionMinutes: 300,
    featuresUsed: ["dashboards", "reports"],
    workflowsStarted: 5,
    workflowsCompleted: 4,
    integrationsActive: ["slack"],
    dataQuality: 0.9,
  }));
  const body = JSON.stringify({ days });
  for (let i = 0; i < 3; i++) {
    const [res, ms] = await time(() =>
      fetch(`${base}/api/v1/accounts/${encodeURIComponent(account.externalId)}/usage`, {
        method: "PUT",
        headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
        body,
      }),
    );
    console.log(`PUT usage, 10,000 days (${(body.length / 1e6).toFixed(1)} MB): ${res.status} in ${ms.toFixed(0)} ms`);
  }
}

let server: Awaited<ReturnType<typeof http.start>> | undefined;
try {
  await batchRecompute();
  if (!inputsOnly) {
    server = await http.start();
    const manager = await http.signIn("manager@bowtie.demo");
    const csm = await http.signIn("priya@bowtie.demo");
    await pageTimes("Triage, manager, red, by score", manager, ["/accounts?band=red"]);
    await pageTimes("Triage, CSM's own book, red", csm, ["/accounts?band=red"]);
    const sample = await db.$queryRawUnsafe<{ externalId: string }[]>(
      `SELECT "externalId" FROM "Account" WHERE status = 'active' ORDER BY random() LIMIT 40`,
    );
    await pageTimes(
      "Account page",
      manager,
      sample.map((a) => `/accounts/${encodeURIComponent(a.externalId)}`),
    );
    await usageUpsert();
  }
} finally {
  stopServer(server);
  await handle.close();
  await closeDb();
}
