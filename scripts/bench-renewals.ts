// npm run bench:renewals — the renewal issue's performance figures on PostgreSQL (DATABASE_URL):
//   1. the window job: syncRenewals over every account (creates, follows, starts, stage tasks),
//      as of today and as of tomorrow (it writes tomorrow's stage tasks into the database);
//   2. the pipeline page and the forecast page: server response p50 / p95 as an AE (own book)
//      and as a manager (everyone's).
// Load data first: `npm run bench:seed` (50,000 accounts). Pages are measured over HTTP against
// `npm start` on BENCH_PORT (default 3300), which this script starts and stops.
import { addDays, todayIso } from "@/lib/domain/dates";
import { syncRenewals } from "@/lib/data/renewal-pipeline";
import { openDb } from "@/lib/db/client";
import { closeDb } from "@/lib/db";
import { BENCH_BASE, BENCH_PORT, BENCH_RUNS, pageTimes, requirePostgres, seconds, signIn, startServer, stopServer, time } from "./bench-support";

const [port, base, runs] = [BENCH_PORT, BENCH_BASE, BENCH_RUNS];
requirePostgres();
const handle = openDb();
const db = handle.prisma;
const today = todayIso();

/**
 * The daily job as the server runs it: today (the seed already ran it, so this is the pass that
 * finds nothing to do), then tomorrow (a day's worth of renewals entering a window).
 */
async function windowJob() {
  const [accounts, open] = await Promise.all([db.account.count({ where: { status: "active" } }), db.renewal.count({ where: { status: "open" } })]);
  console.log(`Window job (syncRenewals), ${accounts.toLocaleString()} active accounts, ${open.toLocaleString()} open renewals:`);
  for (const [label, asOf] of [["as of today", today], ["as of tomorrow", addDays(today, 1)]] as const) {
    const [result, ms] = await time(() => syncRenewals(db, { asOf }));
    console.log(`  ${label}: ${seconds(ms)} · ${JSON.stringify(result)}`);
  }
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  await windowJob();
  server = await startServer(port);
  const ae = await signIn(base, "sam@bowtie.demo");
  const manager = await signIn(base, "manager@bowtie.demo");
  await pageTimes(base, "Pipeline page, AE (own book)", ae, ["/renewals"], runs);
  await pageTimes(base, "Pipeline page, manager (all AEs)", manager, ["/renewals"], runs);
  await pageTimes(base, "Forecast page, AE (own book)", ae, ["/renewals/forecast"], runs);
  await pageTimes(base, "Forecast page, manager (all AEs)", manager, ["/renewals/forecast"], runs);
} finally {
  stopServer(server);
  await handle.close();
  await closeDb();
}
