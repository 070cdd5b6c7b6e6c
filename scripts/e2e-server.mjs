// Playwright's web server: a fresh database for each run, then the real `npm start` path.
// PGlite: a throw-away data folder. PostgreSQL: a database named after TEST_DATABASE_URL's
// with an "_e2e" suffix, recreated from scratch.
import { rmSync } from "node:fs";
import pg from "pg";

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_e2e`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.BOWTIE_DATA_DIR = "./.data/e2e";
  rmSync(".data/e2e", { recursive: true, force: true });
}
delete process.env.BOWTIE_DEMO;
await import("./start.mjs");
