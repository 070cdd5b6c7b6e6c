// npm run bench:load — latency under concurrent load (issue 9): four requests, each alone at
// 10 and at 50 connections, on embedded PGlite and on PostgreSQL:
//   GET /api/v1/accounts · GET /api/v1/accounts/{id}/health · PUT …/usage (one day) ·
//   the signed-in triage page (/accounts).
// Prints requests per second, p50 / p95 / p99 (ms, from every response), errors (non-2xx,
// socket errors and timeouts) and the server's peak resident memory during the run (the process
// tree of `npm start`, sampled every 250 ms from /proc). Each database gets a fresh `npm start` (demo data) on BENCH_PORT
// (default 3300): PGlite in a new temporary data folder, PostgreSQL on BENCH_DATABASE_URL
// (default: TEST_DATABASE_URL's server, database "<name>_load", recreated). BENCH_DB=pglite or
// postgres runs one of them; BENCH_DURATION (s, default 10) per run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { benchServer, percentile, processTreeRss, stopServer } from "./bench-http";
import { clock } from "@/lib/clock";

const port = Number(process.env.BENCH_PORT || 3300);
const duration = Number(process.env.BENCH_DURATION || 10);
const which = process.env.BENCH_DB ?? "both";
const CONNECTIONS = [10, 50];
const base = `http://localhost:${port}`;

interface Row {
  db: string;
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  /** Peak resident memory of the server (the process tree of `npm start`) during the run, MB. */
  rssMb?: number;
}

/** A key per connection (the API allows each key 600 requests a minute), made through the running server. */
async function createKeys(n: number): Promise<string[]> {
  const { createApiKey } = await import("@/lib/data/platform/api-keys");
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push((await createApiKey(`load ${i}`, { system: "bench" })).key);
  return keys;
}

interface Call {
  method?: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One autocannon run: `call(i)` is what connection i sends, again and again. */
async function load(label: string, connections: number, call: (i: number) => Call, serverPid?: number) {
  // Warm-up, not counted: first compiles, caches and connections.
  let warm = 0;
  await autocannon({
    url: base,
    connections,
    duration: 2,
    timeout: 30,
    setupClient: (c) => c.setRequests([{ method: "GET", ...call(warm++) }]),
  });
  const latencies: number[] = [];
  let errors = 0;
  let client = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration,
    timeout: 30,
    setupClient: (c) => c.setRequests([{ method: "GET", ...call(client++) }]),
  });
  instance.on("response", (_c, status, _bytes, ms) => {
    latencies.push(ms);
    if (status < 200 || status >= 300) errors++;
  });
  let rss: number | undefined;
  const sampler = setInterval(() => {
    const now = serverPid ? processTreeRss(serverPid) : undefined;
    if (now !== undefined) rss = Math.max(rss ?? 0, now);
  }, 250);
  const result = await instance;
  clearInterval(sampler);
  return {
    label,
    connections,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors,
    requests: latencies.length,
    rssMb: rss === undefined ? undefined : Math.round(rss / 1024 / 1024),
  };
}

async function runOn(db: string, env: Record<string, string | undefined>): Promise<Row[]> {
  const http = benchServer(port, env);
  const server = await http.start();
  const rows: Row[] = [];
  try {
    const keys = await createKeys(Math.max(...CONNECTIONS));
    const auth = (i: number) => ({ authorization: `Bearer ${keys[i % keys.length]}` });
    const list = (await (await fetch(`${base}/api/v1/accounts?limit=100`, { headers: auth(0) })).json()) as {
      data: { externalId: string; status?: string }[];
    };
    const ids = list.data.map((a) => a.externalId);
    const cookie = await http.signIn("manager@bowtie.demo");
    const today = clock.today();
    const day = JSON.stringify({
      days: [
        {
          date: today,
          activeUsers: 30,
          logins: 40,
          sessions: 50,
          sessionMinutes: 800,
          featuresUsed: ["reports"],
          workflowsStarted: 10,
          workflowsCompleted: 9,
          integrationsActive: ["slack"],
        },
      ],
    });
    const account = (i: number) => encodeURIComponent(ids[i % ids.length]);
    const scenarios: { label: string; call: (i: number) => Call }[] = [
      { label: "GET /api/v1/accounts", call: (i) => ({ path: "/api/v1/accounts", headers: auth(i) }) },
      {
        label: "GET /api/v1/accounts/{id}/health",
        call: (i) => ({ path: `/api/v1/accounts/${account(i)}/health`, headers: auth(i) }),
      },
      {
        label: "PUT /api/v1/accounts/{id}/usage (1 day)",
        // Each connection writes its own account's day, as separate integrations would.
        call: (i) => ({
          method: "PUT",
          path: `/api/v1/accounts/${account(i)}/usage`,
          headers: { ...auth(i), "content-type": "application/json" },
          body: day,
        }),
      },
      { label: "GET /accounts (triage, signed in)", call: () => ({ path: "/accounts", headers: { cookie } }) },
    ];
    for (const s of scenarios) {
      for (const connections of CONNECTIONS) {
        const row = { db, ...(await load(s.label, connections, s.call, server.pid)) };
        rows.push(row);
        print(row);
      }
    }
  } finally {
    stopServer(server);
    await new Promise((r) => setTimeout(r, 2000));
  }
  return rows;
}

function print(r: Row) {
  console.log(
    `${r.db.padEnd(10)} ${r.label.padEnd(42)} c=${String(r.connections).padStart(2)}  ${r.rps.toFixed(1).padStart(6)} rps  p50 ${r.p50.toFixed(0).padStart(5)}  p95 ${r.p95.toFixed(0).padStart(5)}  p99 ${r.p99.toFixed(0).padStart(5)} ms  p99/p50 ${(r.p99 / r.p50).toFixed(1).padStart(4)}×  errors ${r.errors}/${r.requests}  server RSS ${r.rssMb === undefined ? "n/a" : `${r.rssMb} MB`}`,
  );
}

async function postgresEnv(): Promise<Record<string, string | undefined> | undefined> {
  const source = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!source) return undefined;
  const url = new URL(source);
  const name = `${url.pathname.slice(1) || "postgres"}_load`;
  const admin = new pg.Client({ connectionString: source });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString(), BOWTIE_DATA_DIR: undefined };
}

// Each database is measured in a child process whose environment names it, so the app's own
// data functions (used to make the API keys) reach that database – on PGlite through the
// running server's socket.
if (process.env.BENCH_CHILD) {
  const rows = await runOn(process.env.BENCH_CHILD, {});
  console.log(`ROWS ${JSON.stringify(rows)}`);
  const { closeDb } = await import("@/lib/db");
  await closeDb();
} else {
  const all: Row[] = [];
  const child = (db: string, env: Record<string, string | undefined>) =>
    new Promise<Row[]>((resolve, reject) => {
      const c = spawn(process.execPath, [...process.execArgv, process.argv[1]], {
        env: { ...process.env, ...env, BENCH_CHILD: db } as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      c.stdout.on("data", (d: Buffer) => {
        out += d;
        for (const line of d.toString().split("\n")) if (line && !line.startsWith("ROWS ")) console.log(line);
      });
      c.on("exit", (code) => {
        const line = out.split("\n").find((l) => l.startsWith("ROWS "));
        if (code !== 0 || !line) reject(new Error(`${db} run failed (exit ${code})`));
        else resolve(JSON.parse(line.slice(5)) as Row[]);
      });
    });
  if (which !== "postgres") {
    const dir = mkdtempSync(join(tmpdir(), "bowtie-load-"));
    try {
      all.push(...(await child("PGlite", { DATABASE_URL: undefined, BOWTIE_DATA_DIR: join(dir, "pglite") })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (which !== "pglite") {
    const env = await postgresEnv();
    if (env) all.push(...(await child("PostgreSQL", env)));
    else console.log("PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a server URL.");
  }
  console.log("\nSummary:");
  all.forEach(print);
}
