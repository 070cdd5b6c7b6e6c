// npm run bench:backtest — the health backtest over 50,000 accounts with 4 closed renewals each
// (200,000 renewals × 4 horizons = 800,000 scores) on PostgreSQL (DATABASE_URL). Bar: < 30 s.
//
// Loads its own data into an empty, migrated database (the first run takes a few minutes):
// accounts, closed renewals whose outcome depends on the account's risk, and the daily
// snapshots the daily job would have stored on each horizon date — except for one account in
// 50 (2%), whose scores are recomputed from dated facts (60 days of usage each), as for an
// install younger than its renewal history. Then times one runHealthBacktest.
//   createdb bowtie_btbench && export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bowtie_btbench
//   npx prisma migrate deploy && npm run bench:backtest
import { runHealthBacktest } from "@/lib/data/health/backtest";
import { scoreHealth, type HealthInputs } from "@/lib/domain/health";
import { toStoredHealth } from "@/lib/domain/health-snapshot";
import { snapshotReadings } from "@/lib/domain/backtest-report";
import { openDb } from "@/lib/db/client";
import { closeDb } from "@/lib/db";
import { clock } from "@/lib/clock";
import { time } from "./bench-http";
import { cpus, loadavg } from "node:os";

const BAR_MS = 30_000;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS || 50_000);
if (!process.env.DATABASE_URL?.startsWith("postgres"))
  throw new Error("Set DATABASE_URL to an empty, migrated PostgreSQL database.");
const handle = openDb();
const db = handle.prisma;
const today = clock.today();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** 101 stored results from poor to excellent usage: the snapshots' contents. */
function templates(): {
  k: number;
  score: number | null;
  band: string | null;
  components: unknown;
  readings: (number | null)[];
}[] {
  const base: HealthInputs = {
    segment: "mid_market",
    seats: 10,
    arr: 100_000,
    daysSinceContractStart: 400,
    hasUsage: true,
    purchasedFeatureCount: 4,
    logins: 0,
    activeUsers: 0,
    sessions: 100,
    sessionMinutes: 0,
    workflowsStarted: 20,
    workflowsCompleted: 0,
    meanFeatureDepth: 0,
    featuresAdopted: 0,
    latestDataQuality: 0.5,
    integrations: 0,
    tickets: 3,
    daysSinceExecSponsorTouch: 120,
    attendedReviews: 0,
    npsResponses: 4,
    npsPromoters: 0,
    npsDetractors: 2,
    csatResponses: 2,
    csatSum: 6,
    outcomesDue: 2,
    outcomesAchieved: 0,
    renewalForecast: null,
    openExpansionArr: 0,
    referenceWilling: false,
  };
  return Array.from({ length: 101 }, (_, k) => {
    const f = k / 100;
    const r = scoreHealth({
      ...base,
      logins: 130 * f,
      activeUsers: 200 * f,
      sessionMinutes: 2_000 * f,
      workflowsCompleted: 18 * f,
      meanFeatureDepth: 0.5 * f,
      featuresAdopted: Math.round(4 * f),
      latestDataQuality: 0.5 + 0.45 * f,
      integrations: Math.round(3 * f),
      tickets: Math.round(3 * (1 - f)),
      daysSinceExecSponsorTouch: Math.round(120 - 90 * f),
      npsPromoters: Math.round(3 * f),
      npsDetractors: Math.round(2 * (1 - f)),
      outcomesAchieved: Math.round(2 * f),
    });
    // An object, not its JSON text: json_to_recordset would store a string as a jsonb string.
    return { k, score: r.score, band: r.band, components: toStoredHealth(r), readings: snapshotReadings(r) };
  });
}

async function load() {
  if ((await db.account.count()) > 0) {
    console.log(`Reusing the ${(await db.renewal.count()).toLocaleString()} renewals already loaded.`);
    return;
  }
  const started = performance.now();
  await db.$executeRaw`
    INSERT INTO "Account" ("externalId", name, segment, seats, arr, "contractStart", "renewalDate", "updatedAt", "purchasedFeatures")
    SELECT 'BT-' || g, 'Bench ' || g, (ARRAY['enterprise', 'mid_market', 'smb'])[1 + g % 3]::"Segment", 10, 100000,
           ${today}::date - 1500, ${today}::date + 1 + g % 365, now(), ARRAY['reports', 'alerts', 'api', 'sso']
    FROM generate_series(1, ${ACCOUNTS}::int) g`;
  // The account's risk is its template index (0 = worst); a renewal is lost with a probability
  // falling with it. Renewal dates spread over the last three years.
  await db.$executeRaw`SELECT setseed(0.15)`;
  await db.$executeRaw`
    INSERT INTO "Renewal" ("accountId", "renewalDate", status, arr, outcome, "newArr", "signedAt")
    SELECT a.id, d.day, 'closed', 100000, o.outcome::"RenewalOutcome", 100000, d.day
    FROM "Account" a
    CROSS JOIN generate_series(1, 4) k
    CROSS JOIN LATERAL (SELECT ${today}::date - 30 - ((a.id * 37 + k * 271) % 1050) AS day) d
    CROSS JOIN LATERAL (SELECT CASE
      WHEN random() < 1 / (1 + exp(((a.id * 7919) % 101 - 45) / 9.0)) THEN (ARRAY['churned', 'downgraded'])[1 + (a.id + k) % 2]
      ELSE (ARRAY['renewed', 'expanded'])[1 + (a.id + k) % 2] END AS outcome) o`;
  await db.$executeRaw`CREATE TEMP TABLE tpl (k int PRIMARY KEY, score int, band "Band", components json, readings float8[])`;
  await db.$executeRaw`
    INSERT INTO tpl SELECT * FROM json_to_recordset(${JSON.stringify(templates())}::json)
      AS t(k int, score int, band "Band", components json, readings float8[])`;
  // Snapshots drift a little with the horizon around the account's risk.
  await db.$executeRaw`
    INSERT INTO "HealthSnapshot" ("accountId", "asOf", score, band, "insufficientData", components, readings, "computedAt")
    SELECT DISTINCT ON (r."accountId", r."renewalDate" - h) r."accountId", r."renewalDate" - h, t.score, t.band, false, t.components, t.readings, now()
    FROM "Renewal" r
    CROSS JOIN unnest(ARRAY[30, 60, 90, 180]) h
    JOIN tpl t ON t.k = least(100, greatest(0, (r."accountId" * 7919) % 101 + (r.id % 11) - 5 + h / 30))
    WHERE r."accountId" % 50 <> 0
    ORDER BY r."accountId", r."renewalDate" - h`;
  // The 2% without snapshots: dated usage to recompute from, around their renewals.
  await db.$executeRaw`
    INSERT INTO "UsageDay" ("accountId", date, "activeUsers", logins, sessions, "sessionMinutes", "featuresUsed",
      "workflowsStarted", "workflowsCompleted", "integrationsActive", "dataQuality")
    SELECT DISTINCT ON (r."accountId", r."renewalDate" - 90 - g) r."accountId", r."renewalDate" - 90 - g,
      5 + r."accountId" % 7, 3 + r."accountId" % 5, 6, 60, ARRAY['reports'], 4, 3, ARRAY['slack'], 0.8
    FROM "Renewal" r CROSS JOIN generate_series(0, 14) g
    WHERE r."accountId" % 50 = 0
    ORDER BY r."accountId", r."renewalDate" - 90 - g`;
  await db.$executeRaw`ANALYZE`;
  console.log(`Loaded the bench data in ${seconds(performance.now() - started)}.`);
}

try {
  await load();
  const [accounts, renewals, snapshots] = await Promise.all([
    db.account.count(),
    db.renewal.count({ where: { status: "closed" } }),
    db.healthSnapshot.count(),
  ]);
  console.log(
    `${accounts.toLocaleString()} accounts, ${renewals.toLocaleString()} closed renewals, ${snapshots.toLocaleString()} snapshots.`,
  );
  // On a shared machine wall time depends on the load: the process's own CPU time is printed too.
  const cpuBefore = process.cpuUsage();
  const [run, ms] = await time(() => runHealthBacktest(db, { asOf: today }));
  const cpu = process.cpuUsage(cpuBefore);
  const all90 = run.slices.find((s) => s.horizonDays === 90 && s.segment === "all");
  console.log(
    `Backtest (read scores, recompute the missing, report, suggestions, store): ${seconds(ms)} wall, ${seconds((cpu.user + cpu.system) / 1000)} Node CPU · 90-day AUC ${all90?.auc?.toFixed(3)} over ${all90?.n.toLocaleString()} renewals`,
  );
  console.log(
    `Bar: under ${seconds(BAR_MS)} at 50,000 accounts: ${accounts < 50_000 ? "not measured at this size" : ms < BAR_MS ? "✓" : "✗"} (${seconds(ms)} at ${accounts.toLocaleString()} accounts; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
} finally {
  await handle.close();
  await closeDb();
}
