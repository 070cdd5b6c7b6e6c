import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseTarget, type DatabaseTarget } from "./target";
import { pgliteAdapterFactory } from "./pglite-adapter";
import { openEmbedded, type EmbeddedDb } from "./embedded";
import { isDatabaseUnavailable, unavailable } from "@/lib/errors";

/** The app's client; data functions take lib/db/types.ts' Db (a client or a transaction). */
export type AppDb = PrismaClient;

export interface DbHandle {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** The in-memory embedded database of a test (tests apply migrations to it directly). */
  pglite?: PGlite;
  /** A data folder's embedded database (owned by this process or reached on its owner's socket). */
  embedded?: EmbeddedDb;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * The server: own the embedded data folder and serve it to the other processes on a local
   * socket (waiting for a running command to finish). Without it, a process connects to the
   * serving owner when there is one, or owns the folder itself for its run.
   */
  serve?: boolean;
}

/** Opens Prisma on the configured database. Scripts and tests call this; the app uses lib/db.ts. */
export function openDb(target: DatabaseTarget = databaseTarget(), options: OpenOptions = {}): DbHandle {
  if (target.kind === "postgres") {
    const { connectionString, schema } = splitSchema(target.url);
    const adapter = new PrismaPg({ connectionString }, schema ? { schema } : undefined);
    const prisma = withUnavailableErrors(new PrismaClient({ adapter }));
    let pool: pg.Pool | undefined;
    BULK_POOLS.set(prisma, () => (pool ??= bulkPool(connectionString)));
    return {
      prisma,
      target,
      close: async () => {
        await prisma.$disconnect();
        await pool?.end();
      },
    };
  }
  if (target.dataDir.startsWith("memory://")) {
    const pglite = new PGlite(target.dataDir);
    const prisma = withUnavailableErrors(new PrismaClient({ adapter: pgliteAdapterFactory(pglite) }));
    return {
      prisma,
      target,
      pglite,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  // A data folder: this process owns it, or reaches its owner's socket (lib/db/embedded.ts).
  const embedded = openEmbedded(target.dataDir, { serve: options.serve ?? false });
  // A transaction may wait its turn on the embedded database's queue, which bounds the wait
  // itself (lib/db/pglite-gate.ts): Prisma's 2 s default would give up first under load.
  const prisma = withUnavailableErrors(
    new PrismaClient({ adapter: lazyFactory(embedded), transactionOptions: { maxWait: 30_000 } }),
  );
  return {
    prisma,
    target,
    embedded,
    close: async () => {
      await prisma.$disconnect();
      await embedded.close();
    },
  };
}

// Bulk statements on PostgreSQL (the batch rescore's slices) go through a small pg pool of their
// own beside Prisma's: Prisma's client engine keeps large query parameters (a slice's snapshots,
// megabytes of JSON) alive long after the query, so the heap grew with every slice, and it
// passes each parameter through its WASM query compiler. pg sends them as they are.
const BULK_POOLS = new WeakMap<object, () => pg.Pool>();

/** Three connections: two slices read side by side while a third writes. JIT off (see recompute.ts). */
function bulkPool(connectionString: string): pg.Pool {
  const url = new URL(connectionString);
  url.searchParams.set("options", [url.searchParams.get("options"), "-c jit=off"].filter(Boolean).join(" "));
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4, allowExitOnIdle: true });
  pool.on("error", () => undefined); // an idle connection dropped: the next query reconnects
  return pool;
}

/**
 * The pg pool for bulk statements beside a PostgreSQL client opened by openDb (created at first
 * use); null for PGlite and for transaction clients (their statements must stay in the transaction).
 */
export function bulkPoolOf(client: object): pg.Pool | null {
  return BULK_POOLS.get(client)?.() ?? null;
}

/** Decides at the first query (Prisma connects lazily) whether to own the folder or connect to its owner. */
function lazyFactory(embedded: EmbeddedDb): SqlDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "bowtie-embedded",
    connect: async () => (await embedded.connect()).factory.connect(),
  };
}

/**
 * Prisma's `?schema=` URL parameter is not a PostgreSQL one: strip it, hand it to the adapter
 * (which qualifies Prisma's queries) and make it the search_path (for raw SQL).
 */
export function splitSchema(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  if (!schema || schema === "public") {
    u.searchParams.delete("schema");
    return { connectionString: u.toString() };
  }
  u.searchParams.delete("schema");
  u.searchParams.set("options", `-c search_path="${schema}"`);
  return { connectionString: u.toString(), schema };
}

/**
 * Turns "the database is down, full or unreachable" into AppError("unavailable") at the query, so
 * pages as well as the API and actions can tell an outage from a bug: its digest lets app/error.tsx
 * show "temporarily unavailable" (Next redacts messages in production, but keeps a digest).
 * The extension adds no API, so the client keeps the PrismaClient type.
 */
function withUnavailableErrors(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw isDatabaseUnavailable(error) ? unavailable(error) : error;
        }
      },
    },
  });
  return extended as unknown as PrismaClient;
}
