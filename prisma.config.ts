import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseTarget, PGLITE_PLACEHOLDER_URL } from "./lib/db/target";
import { pgliteAdapterFactory } from "./lib/db/pglite-adapter";
import { pgCliAdapterFactory } from "./lib/db/pg-cli-adapter";
import { openEmbedded } from "./lib/db/embedded";
import { EmbeddedDbBusyError } from "./lib/db/embedded-owner";
import { PGlite } from "@electric-sql/pglite";

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

/**
 * Commands that work through a running server's socket. The others need a shadow database or
 * rewrite the schema under the running app: they refuse while a server serves the folder.
 */
const THROUGH_SERVER = ["migrate deploy", "migrate status", "migrate resolve", "db execute"];

function refuse(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

// The CLI asks for the adapter more than once per command: one decision per process.
let factory: Promise<SqlMigrationAwareDriverAdapterFactory> | undefined;

async function embeddedFactory(dataDir: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (dataDir.startsWith("memory://")) return pgliteAdapterFactory(new PGlite(dataDir));
  // One process per folder: own it for this command, or go through the server that owns it.
  const embedded = openEmbedded(dataDir, { serve: false });
  let connected;
  try {
    connected = await embedded.connect();
  } catch (error) {
    if (error instanceof EmbeddedDbBusyError) refuse(error.message);
    throw error;
  }
  if (connected.kind === "own") return pgliteAdapterFactory(connected.pglite);
  const command = process.argv
    .slice(2)
    .filter((a) => !a.startsWith("-"))
    .slice(0, 2)
    .join(" ");
  if (!THROUGH_SERVER.includes(command)) {
    refuse(
      `\`prisma ${command}\` cannot run while the Bowtie server (${connected.owner}) serves the embedded database in ${embedded.dataDir}. ` +
        `Stop the server and run it again (nothing was changed). While it runs: ${THROUGH_SERVER.map((c) => `prisma ${c}`).join(", ")}.`,
    );
  }
  return pgCliAdapterFactory(connected.pgConfig);
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: () => {
    if (target.kind === "postgres") return Promise.resolve(pgCliAdapterFactory(target.url));
    return (factory ??= embeddedFactory(target.dataDir));
  },
});
