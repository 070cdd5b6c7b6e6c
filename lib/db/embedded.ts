// The embedded PGlite database of a data folder, as one process sees it: either this process
// owns the folder (takes the lock, opens PGlite, and – for the server – serves it on a local
// socket), or another process owns and serves it and this one connects through `pg`, as to
// PostgreSQL. Never two processes on one folder (lib/db/embedded-owner.ts).
// No Next imports: scripts, prisma.config.ts and the server share it.
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { pgliteAdapterFactory } from "./pglite-adapter";
import { gateFor } from "./pglite-gate";
import { servePglite, type Listen, type PgliteSocketServer } from "./pglite-server";
import {
  acquireOrWait,
  describeOwner,
  EmbeddedDbBusyError,
  publishEndpoint,
  releaseOwnership,
  securePermissions,
  type OwnerEndpoint,
} from "./embedded-owner";

/** The socket's file is `.s.PGSQL.5432` in the data folder, so `psql -h <folder>` finds it. */
export const SOCKET_PORT = 5432;
/** Unix socket paths are limited to about 107 bytes; longer folders are served on TCP only. */
const MAX_SOCKET_PATH = 100;

export type Connected =
  | { kind: "own"; pglite: PGlite; factory: SqlDriverAdapterFactory }
  | {
      kind: "remote";
      endpoint: OwnerEndpoint;
      pgConfig: pg.PoolConfig;
      factory: SqlDriverAdapterFactory;
      owner: string;
    };

export interface EmbeddedDb {
  dataDir: string;
  /** Owns the folder or connects to its owner; the first call decides, later calls share it. */
  connect(): Promise<Connected>;
  close(): Promise<void>;
}

interface Shared {
  refs: number;
  connected?: Promise<Connected>;
  server?: PgliteSocketServer;
}

const shared = new Map<string, Shared>();

/** pg settings that reach an owner's endpoint (the socket when there is one). */
export function endpointConfig(endpoint: OwnerEndpoint): pg.PoolConfig {
  const socket = endpoint.socketDir !== undefined;
  return {
    host: socket ? endpoint.socketDir : (endpoint.host ?? "127.0.0.1"),
    port: socket ? endpoint.socketPort : endpoint.port,
    user: "postgres",
    database: "postgres",
  };
}

function waitMs(serve: boolean): number {
  const n = Number(process.env.BOWTIE_DB_LOCK_WAIT_MS);
  if (Number.isFinite(n) && n >= 0) return n;
  return serve ? 120_000 : 30_000;
}

function listenAddresses(dir: string): Listen[] {
  const listens: Listen[] = [];
  const socketPath = join(dir, `.s.PGSQL.${SOCKET_PORT}`);
  if (socketPath.length <= MAX_SOCKET_PATH) listens.push({ path: socketPath });
  const port = Number(process.env.BOWTIE_PGLITE_PORT);
  if (Number.isInteger(port) && port > 0) listens.push({ host: "127.0.0.1", port });
  else if (listens.length === 0) listens.push({ host: "127.0.0.1", port: 0 });
  return listens;
}

async function connectShared(dir: string, serve: boolean, state: Shared): Promise<Connected> {
  const role = serve ? "server" : "command";
  const wait = waitMs(serve);
  const noteTimer = setTimeout(
    () => console.error(`… waiting for the embedded database in ${dir} (another command holds it).`),
    1500,
  );
  let owner;
  try {
    owner = await acquireOrWait(dir, role, wait);
  } finally {
    clearTimeout(noteTimer);
  }
  if (!owner) {
    const socketPath = join(dir, `.s.PGSQL.${SOCKET_PORT}`);
    rmSync(socketPath, { force: true }); // left by an owner that died
    const pglite = new PGlite(dir);
    await pglite.waitReady;
    securePermissions(dir);
    if (serve) {
      state.server = await servePglite(pglite, gateFor(pglite), listenAddresses(dir));
      const unix = state.server.addresses.find((a): a is { path: string } => "path" in a);
      const tcp = state.server.addresses.find((a): a is { host: string; port: number } => "port" in a);
      publishEndpoint(dir, {
        ...(unix ? { socketDir: dir, socketPort: SOCKET_PORT } : {}),
        ...(tcp ? { host: tcp.host, port: tcp.port } : {}),
      });
    }
    return { kind: "own", pglite, factory: pgliteAdapterFactory(pglite) };
  }
  if (serve) {
    throw new EmbeddedDbBusyError(
      owner.endpoint
        ? `Another Bowtie server, ${describeOwner(owner)}, already serves the embedded database in ${dir}. Stop it first, or set BOWTIE_DATA_DIR to another folder.`
        : `The embedded database in ${dir} is still held by ${describeOwner(owner)} after ${wait / 1000} s. Wait for it to finish, or stop it.`,
    );
  }
  if (!owner.endpoint) {
    throw new EmbeddedDbBusyError(
      `The embedded database in ${dir} is in use by ${describeOwner(owner)}. Wait for it to finish and run this again (nothing was changed).`,
    );
  }
  const pgConfig = endpointConfig(owner.endpoint);
  return {
    kind: "remote",
    endpoint: owner.endpoint,
    pgConfig,
    owner: describeOwner(owner),
    // The owner runs one statement at a time; a few connections only queue there.
    factory: new PrismaPg({ ...pgConfig, max: 4, allowExitOnIdle: true }),
  };
}

export function openEmbedded(dataDir: string, options: { serve: boolean }): EmbeddedDb {
  const dir = resolve(dataDir);
  let state = shared.get(dir);
  if (!state) {
    state = { refs: 0 };
    shared.set(dir, state);
  }
  state.refs++;
  const s = state;
  let closed = false;
  return {
    dataDir: dir,
    connect: () => (s.connected ??= connectShared(dir, options.serve, s)),
    close: async () => {
      if (closed) return;
      closed = true;
      if (--s.refs > 0) return;
      shared.delete(dir);
      const connected = await s.connected?.catch(() => undefined);
      if (connected?.kind !== "own") return;
      await s.server?.close();
      await connected.pglite.close();
      releaseOwnership(dir);
    },
  };
}
