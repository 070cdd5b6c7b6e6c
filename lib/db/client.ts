import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseTarget, type DatabaseTarget } from "./target";
import { pgliteAdapterFactory } from "./pglite-adapter";
import { isDatabaseUnavailable, unavailable } from "@/lib/errors";

export type Db = PrismaClient;

export interface DbHandle {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** The embedded database, when there is one (scripts and tests close it explicitly). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** Opens Prisma on the configured database. Scripts and tests call this; the app uses lib/db.ts. */
export function openDb(target: DatabaseTarget = databaseTarget()): DbHandle {
  if (target.kind === "postgres") {
    const { connectionString, schema } = splitSchema(target.url);
    const adapter = new PrismaPg({ connectionString }, schema ? { schema } : undefined);
    const prisma = withUnavailableErrors(new PrismaClient({ adapter }));
    return { prisma, target, close: () => prisma.$disconnect() };
  }
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
