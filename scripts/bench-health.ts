// npm run bench:health — the health issue's performance bars on PostgreSQL (DATABASE_URL):
//   1. full batch recompute of every active account, beside the floor: the one SQL statement
//      that computes the same aggregates (lib/data/health-inputs.sql.ts) on its own;
//   2. triage first page (band filter, sorted by score) and account page: server p50 / p95;
//   3. one API call upserting 10,000 usage days.
// Load data first: `npm run bench:seed` (50,000 accounts). Pages are measured over HTTP against
// `npm start` on BENCH_PORT (default 3300), which this script starts and stops.
import { spawn } from "node:child_process";
import { addDays, todayIso } from "@/lib/domain/dates";
import { HEALTH_INPUTS_SQL } from "@/lib/data/health-inputs.sql";
import { recomputeHealth } from "@/lib/data/health";
import { openDb } from "@/lib/db/client";
import { createApiKey } from "@/lib/data/api-keys";
import { closeDb } from "@/lib/db";

const port = Number(process.env.BENCH_PORT || 3300);
const base = `http://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS || 40);

if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL database loaded with `npm run bench:seed`.");
const handle = openDb();
const db = handle.prisma;
const today = todayIso();

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function batchRecompute() {
  const accounts = await db.account.count({ where: { status: "active" } });
  await db.$queryRawUnsafe(HEALTH_INPUTS_SQL, today, null); // warm the cache once
  const [, floor] = await time(() => db.$queryRawUnsafe(HEALTH_INPUTS_SQL, today, null));
  const [results, full] = await time(() => recomputeHealth(db, { asOf: today }));
  console.log(`Batch recompute: ${results.size.toLocaleString()} of ${accounts.toLocaleString()} active accounts in ${seconds(full)}`);
  console.log(`  floor (the aggregate SQL alone): ${seconds(floor)} · ratio ${(full / floor).toFixed(2)}×`);
}

async function startServer() {
  const env = { ...process.env, PORT: String(port), NEXTAUTH_URL: base, BOWTIE_JOBS: "off" };
  const server = spawn("node", ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/sign-in`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("The server did not start.");
}

/** Signs in through next-auth's credentials flow and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "bowtie-demo", json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Could not sign in as ${email}.`);
  return session;
}

async function pageTimes(label: string, cookie: string, paths: string[]) {
  for (const path of paths.slice(0, 3)) await fetch(`${base}${path}`, { headers: { cookie } }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const path = paths[i % paths.length];
    const [res, ms] = await time(async () => {
      const r = await fetch(`${base}${path}`, { headers: { cookie } });
      await r.text();
      return r;
    });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    times.push(ms);
  }
  console.log(`${label}: p50 ${percentile(times, 50).toFixed(0)} ms · p95 ${percentile(times, 95).toFixed(0)} ms (${runs} requests)`);
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

let server: ReturnType<typeof spawn> | undefined;
try {
  await batchRecompute();
  server = await startServer();
  const manager = await signIn("manager@bowtie.demo");
  const csm = await signIn("priya@bowtie.demo");
  await pageTimes("Triage, manager, red, by score", manager, ["/accounts?band=red"]);
  await pageTimes("Triage, CSM's own book, red", csm, ["/accounts?band=red"]);
  const sample = await db.$queryRawUnsafe<{ externalId: string }[]>(`SELECT "externalId" FROM "Account" WHERE status = 'active' ORDER BY random() LIMIT 40`);
  await pageTimes("Account page", manager, sample.map((a) => `/accounts/${encodeURIComponent(a.externalId)}`));
  await usageUpsert();
} finally {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await handle.close();
  await closeDb();
}
