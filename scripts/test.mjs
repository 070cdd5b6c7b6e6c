// `npm test`: unit and integration tests (vitest), then browser tests (Playwright).
// Integration tests use in-memory PGlite, or PostgreSQL when TEST_DATABASE_URL is set; the
// browser tests then run the real app against a fresh database of the same kind.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label, command, args) {
  console.log(`\n▸ ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

const db = env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite";
run(`Unit and integration tests on ${db}`, bin("vitest"), ["run"]);

const chromium = env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const message = `No Chromium at ${chromium}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`;
  if (env.CI) {
    console.error(`✗ ${message}`);
    process.exit(1);
  }
  console.warn(`\n⚠ Browser tests skipped. ${message}`);
  process.exit(0);
}
run(`Browser tests on ${db}`, bin("playwright"), ["test"]);
