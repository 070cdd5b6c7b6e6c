// The one place that decides which database Bowtie talks to: PostgreSQL when DATABASE_URL
// is set, otherwise an embedded PGlite database in a git-ignored folder.
// Imported by the server, the Prisma CLI config, scripts and tests, so it has no Next imports.

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/** Placeholder URL the Prisma CLI needs in PGlite mode (it never connects to it). */
export const PGLITE_PLACEHOLDER_URL = "postgresql://pglite@localhost/pglite";

export const DEFAULT_PGLITE_DIR = "./.data/pglite";

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (url && url !== PGLITE_PLACEHOLDER_URL) return { kind: "postgres", url };
  return { kind: "pglite", dataDir: env.BOWTIE_DATA_DIR || DEFAULT_PGLITE_DIR };
}
