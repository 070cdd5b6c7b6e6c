// Shared by the benchmark scripts: start `npm start` on a port, sign in as a demo user, and
// time pages over HTTP (server response time, body included).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

export function benchServer(port: number, extraEnv: Record<string, string | undefined> = {}) {
  const base = `http://localhost:${port}`;

  let serverPid: number | undefined;

  async function start(): Promise<ChildProcess> {
    const env = { ...process.env, PORT: String(port), NEXTAUTH_URL: base, BOWTIE_JOBS: "off", ...extraEnv };
    const server = spawn("node", ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
    serverPid = server.pid;
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
    const session = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.includes("session-token"));
    if (!session) throw new Error(`Could not sign in as ${email}.`);
    return session;
  }

  async function get(path: string, cookie: string): Promise<number> {
    const [status, ms] = await time(async () => {
      const r = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
      await r.text();
      return r.status;
    });
    if (status !== 200) throw new Error(`${path} answered ${status}`);
    return ms;
  }

  /**
   * p50 / p95 over `runs` requests cycling through `paths`, after one warm-up request per path
   * (returned as `first`); with `barMs`, the p95 against that bar (issue 16: ≤ 150 ms) with ✓ or ✗;
   * and the server's CPU time per request.
   */
  async function pageTimes(label: string, cookie: string, paths: string[], runs: number, barMs?: number) {
    const warmUp: number[] = [];
    for (const path of paths.slice(0, 3)) warmUp.push(await get(path, cookie));
    const times: number[] = [];
    const cpuBefore = serverPid === undefined ? undefined : processTreeCpuMs(serverPid);
    for (let i = 0; i < runs; i++) times.push(await get(paths[i % paths.length], cookie));
    const cpuAfter = serverPid === undefined ? undefined : processTreeCpuMs(serverPid);
    const result = { label, p50: percentile(times, 50), p95: percentile(times, 95), first: warmUp[0] };
    const bar = barMs === undefined ? "" : ` · bar p95 ≤ ${barMs} ms ${result.p95 <= barMs ? "✓" : "✗"}`;
    // The server's CPU per request (the database's is not in it): comparable across machine loads.
    const cpu =
      cpuBefore === undefined || cpuAfter === undefined
        ? ""
        : ` · server CPU ${((cpuAfter - cpuBefore) / runs).toFixed(0)} ms/request`;
    console.log(
      `${label}: p50 ${result.p50.toFixed(0)} ms · p95 ${result.p95.toFixed(0)} ms${bar}${cpu} (${runs} requests; first request ${result.first.toFixed(0)} ms)`,
    );
    return result;
  }

  return { base, start, signIn, get, pageTimes };
}

/** Issue 16's bar for a page's p95 at 50,000 accounts, as the widest role sees it. */
export const PAGE_P95_BAR_MS = 150;
/** … and the tighter one for triage and the account page. */
export const TRIAGE_P95_BAR_MS = 100;

export function stopServer(server: ChildProcess | undefined) {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}

/** The pids of a process and all its descendants, from /proc (Linux). */
function processTree(rootPid: number): Set<number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent pid is the 4th field, after the command name in parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* the process ended meanwhile */
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents)
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  return tree;
}

/**
 * The resident memory of a process and all its descendants (the `npm start` wrapper and the
 * server it runs), in bytes, from /proc (Linux); undefined elsewhere.
 */
export function processTreeRss(rootPid: number): number | undefined {
  try {
    let total = 0;
    for (const pid of processTree(rootPid)) {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += match ? Number(match[1]) * 1024 : 0;
    }
    return total;
  } catch {
    return undefined;
  }
}

/**
 * The CPU time (user + system) a process and its descendants have used, in ms, from /proc
 * (Linux; clock ticks of 10 ms); undefined elsewhere. Unlike a response time it hardly depends on
 * what else the machine runs, so a page's CPU per request is comparable across loads.
 */
export function processTreeCpuMs(rootPid: number): number | undefined {
  try {
    let total = 0;
    for (const pid of processTree(rootPid)) {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    }
    return total;
  } catch {
    return undefined;
  }
}
