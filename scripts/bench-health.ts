// npm run bench:health — the health issue's performance bars on PostgreSQL (DATABASE_URL):
//   1. full batch recompute of every active account, beside the floor: the one SQL statement
//      that computes the same aggregates (lib/data/health-inputs.sql.ts) on its own;
//   2. triage first page (band filter, sorted by score) and account page: server p50 / p95;
//   3. one API call upserting 10,000 usage days.
// Load data first: `npm run bench:seed` (50,000 accounts). Pages are measured over HTTP against
// `npm start` on BENCH_PORT (default 3300), which this script starts and stops.
import { addDays, todayIso } from "@/lib/domain/dates";
import { HEALTH_INPUTS_SQL } from "@/lib/data/health-inputs.sql";
import { recomputeHealth } from "@/lib/data/health";
import { openDb } from "@/lib/db/client";
import { createApiKey } from "@/lib/data/api-keys";
import { closeDb } from "@/lib/db";
import { BENCH_BASE, BENCH_PORT, BENCH_RUNS, pageTimes, requirePostgres, seconds, signIn, startServer, stopServer, time } from "./bench-support";

const [port, base, runs] = [BENCH_PORT, BENCH_BASE, BENCH_RUNS];
requirePostgres();
const handle = openDb();
const db = handle.prisma;
const today = todayIso();

async function batchRecompute() {
  const accounts = await db.account.count({ where: { status: "active" } });
  await db.$queryRawUnsafe(HEALTH_INPUTS_SQL, today, null); // warm the cache once
  const [, floor] = await time(() => db.$queryRawUnsafe(HEALTH_INPUTS_SQL, today, null));
  const [results, full] = await time(() => recomputeHealth(db, { asOf: today }));
  console.log(`Batch recompute: ${results.size.toLocaleString()} of ${accounts.toLocaleString()} active accounts in ${seconds(full)}`);
  console.log(`  floor (the aggregate SQL alone): ${seconds(floor)} · ratio ${(full / floor).toFixed(2)}×`);
}

async function usageUpsert() {
  const key = await createApiKey(`bench ${new Date().toISOString()}`, { system: "bench" });
  const account = await db.account.findFirstOrThrow({ where: { status: "active" }, orderBy: { id: "desc" }, select: { externalId: true } });
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

let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  await batchRecompute();
  server = await startServer(port);
  const manager = await signIn(base, "manager@bowtie.demo");
  const csm = await signIn(base, "priya@bowtie.demo");
  await pageTimes(base, "Triage, manager, red, by score", manager, ["/accounts?band=red"], runs);
  await pageTimes(base, "Triage, CSM's own book, red", csm, ["/accounts?band=red"], runs);
  const sample = await db.$queryRawUnsafe<{ externalId: string }[]>(`SELECT "externalId" FROM "Account" WHERE status = 'active' ORDER BY random() LIMIT 40`);
  await pageTimes(base, "Account page", manager, sample.map((a) => `/accounts/${encodeURIComponent(a.externalId)}`), runs);
  await usageUpsert();
} finally {
  stopServer(server);
  await handle.close();
  await closeDb();
}
