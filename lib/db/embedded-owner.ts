// Who owns an embedded PGlite data folder. Exactly one process opens a folder: it holds the
// lock file `bowtie-owner.json` in the folder (created exclusively, removed on exit) and, when
// it is the server, serves the database on a local socket and writes the endpoint into the lock.
// Every other process reads the lock and connects through that endpoint (as to PostgreSQL),
// or – when the owner is a short-lived command without an endpoint – refuses or waits.
// Stale locks (dead pid) are removed. The folder is private: 0700, files 0600.
// No Next imports: scripts, prisma.config.ts and the server share it.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  closeSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { clock } from "../clock";

export const LOCK_FILE = "bowtie-owner.json";

export interface OwnerEndpoint {
  /** Folder holding the Unix socket `.s.PGSQL.<socketPort>` (psql -h <socketDir>). */
  socketDir?: string;
  socketPort?: number;
  /** TCP address, when served there too (BOWTIE_PGLITE_PORT) or instead. */
  host?: string;
  port?: number;
}

export interface OwnerInfo {
  pid: number;
  /** What holds the folder: "server" serves it, anything else is a command. */
  role: string;
  command: string;
  since: string;
  endpoint?: OwnerEndpoint;
}

export class EmbeddedDbBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedDbBusyError";
  }
}

/** Files created by this process are private to its user (the data folder is 0700, files 0600). */
export function privateUmask() {
  try {
    process.umask(0o077);
  } catch {
    /* worker threads cannot change the umask; their parent process did */
  }
}

/** Makes an existing data folder private: folders 0700, files 0600 (sockets are left alone). */
export function securePermissions(dir: string) {
  if (!existsSync(dir)) return;
  const walk = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (stat.isFile() && (stat.mode & 0o777) !== 0o600) {
      chmodSync(path, 0o600);
    }
  };
  walk(dir);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const lockPath = (dataDir: string) => join(dataDir, LOCK_FILE);

/** The live owner of the folder, if any (a stale lock is removed). */
export function readOwner(dataDir: string): OwnerInfo | undefined {
  const path = lockPath(dataDir);
  let owner: OwnerInfo;
  try {
    owner = JSON.parse(readFileSync(path, "utf8")) as OwnerInfo;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // Being written right now (created, not yet filled): treat as owned for a moment.
    return { pid: -1, role: "starting", command: "?", since: "" };
  }
  if (owner.pid === process.pid || alive(owner.pid)) return owner;
  try {
    unlinkSync(path);
  } catch {
    /* another process cleared it first */
  }
  return undefined;
}

const heldLocks = new Map<string, OwnerInfo>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const dir of heldLocks.keys()) releaseOwnership(dir);
  });
}

/**
 * Takes the folder for this process. Returns undefined when it now owns it, or the live
 * owner that holds it. Creates the folder (0700) if needed.
 */
export function tryAcquire(dataDir: string, role: string): OwnerInfo | undefined {
  privateUmask();
  const dir = resolve(dataDir);
  if (heldLocks.has(dir)) return undefined;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt++) {
    const info: OwnerInfo = {
      pid: process.pid,
      role,
      command: process.argv.slice(1).join(" ").slice(0, 200),
      since: clock.now().toISOString(),
    };
    try {
      const fd = openSync(lockPath(dir), "wx", 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      heldLocks.set(dir, info);
      installExitHook();
      // The previous owner may have died without closing PGlite: its pid file is stale now.
      rmSync(join(dir, "postmaster.pid"), { force: true });
      securePermissions(dir);
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(dir);
      if (owner) return owner;
    }
  }
  return readOwner(dir) ?? { pid: -1, role: "unknown", command: "?", since: "" };
}

/** Records where the owner serves the database, for the other processes. */
export function publishEndpoint(dataDir: string, endpoint: OwnerEndpoint) {
  const dir = resolve(dataDir);
  const info = heldLocks.get(dir);
  if (!info) throw new Error(`This process does not own ${dir}.`);
  const updated = { ...info, endpoint };
  heldLocks.set(dir, updated);
  const tmp = `${lockPath(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(updated), { mode: 0o600 });
  renameSync(tmp, lockPath(dir));
}

export function releaseOwnership(dataDir: string) {
  const dir = resolve(dataDir);
  if (!heldLocks.delete(dir)) return;
  try {
    const owner = JSON.parse(readFileSync(lockPath(dir), "utf8")) as OwnerInfo;
    if (owner.pid === process.pid) unlinkSync(lockPath(dir));
  } catch {
    /* already gone */
  }
}

/** Waits until the folder can be taken (or the owner serves it), polling the lock. */
export async function acquireOrWait(dataDir: string, role: string, waitMs: number): Promise<OwnerInfo | undefined> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    const owner = tryAcquire(dataDir, role);
    if (!owner || owner.endpoint || performance.now() >= deadline) return owner;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function describeOwner(owner: OwnerInfo): string {
  return `process ${owner.pid}${owner.command && owner.command !== "?" ? ` (${owner.command})` : ""}`;
}

/** For commands: a refusal to share the folder is one clear line and exit code 1, not a stack trace. */
export function reportRefusal(error: unknown): void {
  if (!(error instanceof EmbeddedDbBusyError)) throw error;
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}
