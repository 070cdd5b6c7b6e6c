// What the benchmark scripts share: timing, percentiles, and `npm start` on a port with
// sessions signed in through next-auth's credentials flow.
import { spawn, type ChildProcess } from "node:child_process";

export const BENCH_PORT = Number(process.env.BENCH_PORT || 3300);
export const BENCH_BASE = `http://localhost:${BENCH_PORT}`;
export const BENCH_RUNS = Number(process.env.BENCH_RUNS || 40);

/** The benchmarks measure PostgreSQL: refuse to run on anything else. */
export function requirePostgres(): void {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL database loaded with `npm run bench:seed`.");
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** Starts `npm start`'s script (build if needed, migrate, serve) with the daily jobs off. */
export async function startServer(port: number): Promise<ChildProcess> {
  const base = `http://localhost:${port}`;
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

/** Stops the server and the processes it started. */
export function stopServer(server: ChildProcess | undefined): void {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}

/** Signs in as a demo user and returns the session cookie. */
export async function signIn(base: string, email: string): Promise<string> {
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

/** Server response times of GET requests cycling through `paths` (after a short warm-up). */
export async function pageTimes(base: string, label: string, cookie: string, paths: string[], runs: number): Promise<void> {
  for (const path of paths.slice(0, 3)) await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const path = paths[i % paths.length];
    const [res, ms] = await time(async () => {
      const r = await fetch(`${base}${path}`, { headers: { cookie } });
      bytes = (await r.text()).length;
      return r;
    });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    times.push(ms);
  }
  console.log(`${label}: p50 ${percentile(times, 50).toFixed(0)} ms · p95 ${percentile(times, 95).toFixed(0)} ms (${runs} requests, last ${(bytes / 1e6).toFixed(2)} MB)`);
}
