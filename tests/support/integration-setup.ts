// Runs before each integration test file: a fresh, migrated database that the app's own
// `db` singleton (lib/db.ts) picks up. In-memory PGlite by default; with TEST_DATABASE_URL,
// a fresh schema on that PostgreSQL server, dropped afterwards.
import { afterAll } from "vitest";
import pg from "pg";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrationScripts } from "@/lib/db/migration-sql";
import { pinClock } from "@/lib/clock";

// The app's clock is pinned for the whole file: BOWTIE_TEST_NOW when set, otherwise noon (UTC)
// of the machine's day, so a run never straddles midnight and tests that build fixtures from
// "today" see one day throughout. CI also runs the suites under faketime at awkward dates
// (a leap day, a year end, the day before a leap day) to prove nothing reads the wall clock.
pinClock(process.env.BOWTIE_TEST_NOW ?? `${new Date().toISOString().slice(0, 10)}T12:00:00Z`);

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
