// npx tsx --conditions=react-server scripts/seed.ts [--if-empty | --reset | --accounts N [--usage-days D] [--batch B]]
//   --if-empty    (default) seed an install that has no users: the demo, or with BOWTIE_DEMO=off
//                 only the first admin (BOWTIE_ADMIN_EMAIL, BOWTIE_ADMIN_PASSWORD, BOWTIE_ADMIN_NAME)
//   --reset       delete all data, then seed the demo (for developers)
//   --accounts N  add N accounts with D days of usage each (default 90), for benchmarks
// Works on PGlite (default) and PostgreSQL (DATABASE_URL), like the app.
import { parseArgs } from "node:util";
import pg from "pg";
import { refreshPlannerStatistics } from "@/lib/data/platform/planner-statistics";
import { pgRunner } from "@/lib/data/platform/bulk-insert";
import { resetAndSeedDemo, seedIfEmpty, seedScale, type SeedResult } from "@/lib/data/platform/seed";
import { AppError, isAppError } from "@/lib/errors";
import { openDb, splitSchema, type DbHandle } from "@/lib/db/client";
import { reportRefusal } from "@/lib/db/embedded-owner";

const { values } = parseArgs({
  options: {
    "if-empty": { type: "boolean" },
    reset: { type: "boolean" },
    accounts: { type: "string" },
    "usage-days": { type: "string" },
    batch: { type: "string" },
  },
});

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError("invalid", `--${name} must be a positive whole number, got "${raw}".`);
  return n;
}

async function run(handle: DbHandle): Promise<SeedResult> {
  const modes = [values["if-empty"], values.reset, values.accounts !== undefined].filter(Boolean).length;
  if (modes > 1) throw new AppError("invalid", "Choose one of --if-empty, --reset and --accounts N.");
  const accounts = positiveInt("accounts", values.accounts);
  if (accounts === undefined) return values.reset ? resetAndSeedDemo(handle.prisma) : seedIfEmpty(handle.prisma);
  const options = {
    accounts,
    usageDays: positiveInt("usage-days", values["usage-days"]),
    batchSize: positiveInt("batch", values.batch),
  };
  // Planner statistics for the millions of rows just written (lib/data/platform/planner-statistics.ts).
  const analyzed = <T>(result: T) => refreshPlannerStatistics(handle.prisma, { all: true }).then(() => result);
  if (handle.target.kind !== "postgres") return analyzed(await seedScale(handle.prisma, options));
  // On PostgreSQL the rows bypass Prisma (see pgRunner); two connections, one per write in flight.
  const pool = new pg.Pool({ connectionString: splitSchema(handle.target.url).connectionString, max: 2 });
  try {
    return analyzed(await seedScale(handle.prisma, { ...options, writer: pgRunner(pool) }));
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const handle = openDb();
  const where = handle.target.kind === "postgres" ? "PostgreSQL" : `PGlite (${handle.target.dataDir})`;
  console.log(`Seeding ${where}…`);
  try {
    const result = await run(handle);
    const rows = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const written = rows === 1 ? "1 row" : `${rows.toLocaleString("en-US")} rows`;
    console.log(`Done: ${result.seeded === "nothing" ? "nothing seeded" : written} in ${seconds} s.`);
  } catch (error) {
    if (!isAppError(error, "invalid")) return reportRefusal(error);
    console.error(`✗ ${error.message}`);
    process.exitCode = 1;
  } finally {
    // PGlite keeps the process alive until it is closed.
    await handle.close();
  }
}

await main();
