// Runs before each integration test file: a fresh, migrated database that the app's own
// `db` singleton (lib/db.ts) picks up. In-memory PGlite by default; with TEST_DATABASE_URL,
// a fresh schema on that PostgreSQL server, dropped afterwards.
import { afterAll } from "vitest";
import pg from "pg";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrationScripts } from "@/lib/db/migration-sql";

const serverUrl = process.env.TEST_DATABASE_URL;
let handle: DbHandle;
let dropSchema: (() => Promise<void>) | undefined;

if (serverUrl) {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  for (const sql of migrationScripts()) await admin.query(sql);
  const url = new URL(serverUrl);
  url.searchParams.set("schema", schema);
  handle = openDb({ kind: "postgres", url: url.toString() });
  dropSchema = async () => {
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  };
} else {
  handle = openDb({ kind: "pglite", dataDir: "memory://" });
  for (const sql of migrationScripts()) await handle.pglite!.exec(sql);
}

(globalThis as unknown as { bowtieDb?: DbHandle }).bowtieDb = handle;

afterAll(async () => {
  await handle.close();
  await dropSchema?.();
});
