import "server-only";
import { openDb, type DbHandle } from "@/lib/db/client";

// One database handle per server process (kept across hot reloads in development).
const globalForDb = globalThis as unknown as { bowtieDb?: DbHandle };
const handle = globalForDb.bowtieDb ?? openDb();
globalForDb.bowtieDb = handle;

export const db = handle.prisma;

/** For scripts: close the connection (and the embedded database) so the process can exit. */
export const closeDb = () => handle.close();
