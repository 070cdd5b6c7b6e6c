import { existsSync, mkdirSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { databaseTarget, PGLITE_PLACEHOLDER_URL } from "./lib/db/target";
import { pgliteAdapterFactory } from "./lib/db/pglite-adapter";
import { pgCliAdapterFactory } from "./lib/db/pg-cli-adapter";

// Prisma's own .env loading is off when a config file exists; load it ourselves.
if (existsSync(".env")) process.loadEnvFile(".env");

const target = databaseTarget();
// Without a URL the CLI tries to download a query-engine library; the value is unused with PGlite.
if (target.kind === "pglite") process.env.DATABASE_URL = PGLITE_PLACEHOLDER_URL;

// The WASM schema engine arms 10 s / 60 s timers it never clears: let the process exit anyway.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const timer = originalSetTimeout(...args);
  if (new Error().stack?.includes("wasm://")) timer.unref?.();
  return timer;
}) as typeof setTimeout;

// The CLI asks for the adapter more than once per command: one PGlite per data directory.
let pglite: PGlite | undefined;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (target.kind === "postgres") return pgCliAdapterFactory(target.url);
    if (!pglite) {
      if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
      pglite = new PGlite(target.dataDir);
      await pglite.waitReady;
    }
    return pgliteAdapterFactory(pglite);
  },
});
