// npm run bench:renewals — the renewal issue's performance figures on PostgreSQL (DATABASE_URL):
//   1. the window job: syncRenewals over every account (creates, follows, starts, stage tasks),
//      as of today and as of tomorrow (it writes tomorrow's stage tasks into the database);
//   2. the pipeline page and the forecast page: server response p50 / p95 as an AE (own book)
//      and as a manager (everyone's).
// Load data first: `npm run bench:seed` (50,000 accounts). Pages are measured over HTTP against
// `npm start` on BENCH_PORT (default 3300), which this script starts and stops.
import { addDays } from "@/lib/domain/dates";
import { syncRenewals } from "@/lib/data/renewals/window-job";
import { openDb } from "@/lib/db/client";
import { closeDb } from "@/lib/db";
import { benchServer, PAGE_P95_BAR_MS, stopServer, time } from "./bench-http";
import { clock } from "@/lib/clock";

const port = Number(process.env.BENCH_PORT || 3300);
const runs = Number(process.env.BENCH_RUNS || 40);
if (!process.env.DATABASE_URL)
  throw new Error("Set DATABASE_URL to a PostgreSQL database loaded with `npm run bench:seed`.");
const http = benchServer(port);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const handle = openDb();
const db = handle.prisma;
const today = clock.today();

/**
 * The daily job as the server runs it: today (the seed already ran it, so this is the pass that
 * finds nothing to do), then tomorrow (a day's worth of renewals entering a window).
 */
async function windowJob() {
  const [accounts, open] = await Promise.all([
    db.account.count({ where: { status: "active" } }),
    db.renewal.count({ where: { status: "open" } }),
  ]);
  console.log(
    `Window job (syncRenewals), ${accounts.toLocaleString()} active accounts, ${open.toLocaleString()} open renewals:`,
  );
  for (const [label, asOf] of [
    ["as of today", today],
    ["as of tomorrow", addDays(today, 1)],
  ] as const) {
    const [result, ms] = await time(() => syncRenewals(db, { asOf }));
    console.log(`  ${label}: ${seconds(ms)} · ${JSON.stringify(result)}`);
  }
}

let server: Awaited<ReturnType<typeof http.start>> | undefined;
try {
  await windowJob();
  server = await http.start();
  const ae = await http.signIn("sam@bowtie.demo");
  const manager = await http.signIn("manager@bowtie.demo");
  // The manager (every AE's book) is the widest view: the bar applies there, and to the AE's too.
  const results = [
    await http.pageTimes("Pipeline page, AE (own book)", ae, ["/renewals"], runs, PAGE_P95_BAR_MS),
    await http.pageTimes("Pipeline page, manager (all AEs)", manager, ["/renewals"], runs, PAGE_P95_BAR_MS),
    await http.pageTimes("Forecast page, AE (own book)", ae, ["/renewals/forecast"], runs, PAGE_P95_BAR_MS),
    await http.pageTimes("Forecast page, manager (all AEs)", manager, ["/renewals/forecast"], runs, PAGE_P95_BAR_MS),
  ];
  const slow = results.filter((r) => r.p95 > PAGE_P95_BAR_MS);
  console.log(
    slow.length
      ? `\n✗ p95 above ${PAGE_P95_BAR_MS} ms: ${slow.map((r) => r.label).join(", ")}`
      : `\n✓ every p95 at or under ${PAGE_P95_BAR_MS} ms`,
  );
} finally {
  stopServer(server);
  await handle.close();
  await closeDb();
}
