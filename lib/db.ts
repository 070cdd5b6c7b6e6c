import "server-only";
import { openDb, type DbHandle } from "@/lib/db/client";

// One database handle per server process (kept across hot reloads in development).
// In the Next server, an embedded (PGlite) folder is owned by this process and served on a
// local socket to the CLI and psql (lib/db/embedded.ts); scripts importing this module
// connect to that server, or own the folder for their run when no server is up.
const serve = process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build";
const globalForDb = globalThis as unknown as { bowtieDb?: DbHandle };
const handle = globalForDb.bowtieDb ?? openDb(undefined, { serve });
globalForDb.bowtieDb = handle;

export const db = handle.prisma;

/** The handle itself (the job queue reaches the same database through it). */
export const dbHandle = handle;

/** Connects at once (the server calls it at start-up, so the embedded socket is up before any request). */
export const connectDb = () => handle.prisma.$connect();

/** For scripts: close the connection (and the embedded database) so the process can exit. */
export const closeDb = () => handle.close();
