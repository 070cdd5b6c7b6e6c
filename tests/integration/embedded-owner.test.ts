// One process per embedded data folder: the lock, stale locks, refusals and private files.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { LOCK_FILE } from "@/lib/db/embedded-owner";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bowtie-owner-"));
  process.env.BOWTIE_DB_LOCK_WAIT_MS = "0";
});
afterAll(() => {
  delete process.env.BOWTIE_DB_LOCK_WAIT_MS;
  rmSync(dir, { recursive: true, force: true });
});

const pglite = (dataDir: string) => openDb({ kind: "pglite", dataDir });

describe("an embedded data folder", () => {
  it("is held by the process using it, private to its user, and released when closed", async () => {
    const dataDir = join(dir, "own");
    const handle = pglite(dataDir);
    await handle.prisma.$queryRawUnsafe("SELECT 1");
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dataDir, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(dataDir, f)).isFile());
    expect(files.filter((f) => (statSync(join(dataDir, f)).mode & 0o777) !== 0o600)).toEqual([]);
    await handle.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it("makes files of an older install private when it opens them", async () => {
    const dataDir = join(dir, "old");
    const first = pglite(dataDir);
    await first.prisma.$queryRawUnsafe("SELECT 1");
    await first.close();
    spawnSync("chmod", ["-R", "a+rwX", dataDir]);
    expect(statSync(join(dataDir, "PG_VERSION")).mode & 0o006).toBe(0o006); // readable and writable by anyone
    const again = pglite(dataDir);
    await again.prisma.$queryRawUnsafe("SELECT 1");
    expect(statSync(join(dataDir, "PG_VERSION")).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await again.close();
  });

  it("clears a lock left by a process that died", async () => {
    const dataDir = join(dir, "stale");
    mkdirSync(dataDir, { recursive: true });
    const dead = spawnSync("node", ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: Number(dead.stdout), role: "command", command: "seed", since: "" }),
    );
    const handle = pglite(dataDir);
    await handle.prisma.$queryRawUnsafe("SELECT 1");
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    await handle.close();
  });

  it("is refused, with nothing written, while another command holds it", async () => {
    const dataDir = join(dir, "busy");
    mkdirSync(dataDir, { recursive: true });
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(
        join(dataDir, LOCK_FILE),
        JSON.stringify({ pid: other.pid, role: "command", command: "npm run seed", since: "" }),
      );
      const handle = pglite(dataDir);
      await expect(handle.prisma.$queryRawUnsafe("SELECT 1")).rejects.toThrow(/in use by process \d+ \(npm run seed\)/);
      await handle.close();
      expect(readdirSync(dataDir)).toEqual([LOCK_FILE]);
    } finally {
      other.kill();
    }
  });
});
