// The embedded database shared by every command (issue 9): the real server (`npm start`) on
// PGlite in a fresh data folder, then the CLI against it while it runs. One process owns the
// folder; the commands reach the server's database through its socket, so what they write is
// what the server sees. Reuses the .next build when it is up to date (start.mjs builds otherwise).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PORT = Number(process.env.EMBEDDED_TEST_PORT || 3204);
const base = `http://localhost:${PORT}`;
const root = join(tmpdir(), "bowtie-embedded-");
let dir: string;
let dataDir: string;
let server: ChildProcess | undefined;

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    BOWTIE_DATA_DIR: dataDir,
    BOWTIE_JOBS: "off",
    BOWTIE_DEMO: "off",
    BOWTIE_ADMIN_EMAIL: "admin@example.com",
    BOWTIE_ADMIN_PASSWORD: "first-admin-password",
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "embedded-test-secret",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete e.DATABASE_URL;
  delete e.TEST_DATABASE_URL;
  return e;
}

function npm(...args: string[]) {
  return spawnSync("npm", ["run", "-s", ...args], { env: env(), encoding: "utf8", timeout: 120_000 });
}

/**
 * fetch on a fresh connection each time: the CLI runs between requests block this process for
 * seconds, longer than the server keeps an idle connection, and reusing one the server is
 * closing fails with "other side closed".
 */
function request(url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return fetch(url, { ...init, headers: { ...init.headers, connection: "close" } });
}

async function signIn(email: string, password: string): Promise<string | undefined> {
  const csrf = await request(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
}

function modes(path: string, out: { path: string; mode: number; dir: boolean }[] = []) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    out.push({ path, mode: stat.mode & 0o777, dir: true });
    for (const name of readdirSync(path)) modes(join(path, name), out);
  } else if (stat.isFile()) out.push({ path, mode: stat.mode & 0o777, dir: false });
  return out;
}

// PGlite only: the PostgreSQL run of the suite has nothing embedded to share.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "one embedded database for the server and every command",
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(root);
      dataDir = join(dir, "pglite");
      server = spawn("node", ["scripts/start.mjs"], { env: env(), stdio: ["ignore", "pipe", "pipe"], detached: true });
      let log = "";
      server.stdout?.on("data", (d) => (log += d));
      server.stderr?.on("data", (d) => (log += d));
      for (let i = 0; i < 900; i++) {
        if (server.exitCode !== null) throw new Error(`npm start exited:\n${log}`);
        try {
          if ((await request(`${base}/sign-in`)).ok) return;
        } catch {
          /* not up yet */
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      throw new Error(`The server did not start:\n${log}`);
    }, 900_000);

    afterAll(async () => {
      if (server?.pid && server.exitCode === null) {
        process.kill(-server.pid, "SIGTERM");
        await new Promise((r) => server!.once("exit", r));
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it("an API key made with `npm run apikey` works against the running server at once", async () => {
      const created = npm("apikey", "--", "--name", "CRM sync");
      expect(created.status, created.stderr).toBe(0);
      const key = created.stdout.trim().split("\n").at(-1)!;
      const res = await request(`${base}/api/v1/accounts`, { headers: { authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveProperty("data");
    }, 120_000);

    it("a user made with `npm run user:create` can sign in to the running server", async () => {
      expect(await signIn("new.csm@example.com", "a-long-password-1")).toBeUndefined();
      const created = npm(
        "user:create",
        "--",
        "--email",
        "new.csm@example.com",
        "--name",
        "New CSM",
        "--role",
        "csm",
        "--password",
        "a-long-password-1",
      );
      expect(created.status, created.stderr).toBe(0);
      expect(await signIn("new.csm@example.com", "a-long-password-1")).toBeTruthy();
    }, 120_000);

    it("the Prisma CLI reads the served database, and refuses what it cannot do while the server runs", () => {
      const status = spawnSync("npx", ["prisma", "migrate", "status"], {
        env: env(),
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(status.status, status.stderr).toBe(0);
      expect(status.stdout).toContain("Database schema is up to date");
      const dev = spawnSync("npx", ["prisma", "migrate", "dev", "--name", "nope"], {
        env: env(),
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(dev.status).not.toBe(0);
      expect(dev.stderr).toMatch(/cannot run while the Bowtie server .* serves the embedded database/);
      expect(existsSync("prisma/migrations") && readdirSync("prisma/migrations").some((m) => m.endsWith("_nope"))).toBe(
        false,
      );
    }, 240_000);

    it("psql reaches the same database through the socket in the data folder", () => {
      const which = spawnSync("which", ["psql"]);
      if (which.status !== 0) return; // no psql on this machine
      const psql = spawnSync("psql", ["-h", dataDir, "-U", "postgres", "-Atc", 'SELECT name FROM "ApiKey"'], {
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(psql.status, psql.stderr).toBe(0);
      expect(psql.stdout.trim()).toBe("CRM sync");
    });

    it("keeps the data folder private to its user: folders 0700, files 0600", () => {
      const entries = modes(dataDir);
      expect(entries.length).toBeGreaterThan(10);
      expect(
        entries.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600)).map((e) => `${e.path} ${e.mode.toString(8)}`),
      ).toEqual([]);
    });

    it("after the server stops, a command opens the folder itself and finds the same data", async () => {
      process.kill(-server!.pid!, "SIGTERM");
      await new Promise((r) => server!.once("exit", r));
      const list = npm("apikey", "--", "--list");
      expect(list.status, list.stderr).toBe(0);
      expect(list.stdout).toContain("CRM sync");
      expect(existsSync(join(dataDir, "bowtie-owner.json"))).toBe(false);
    }, 120_000);
  },
);
