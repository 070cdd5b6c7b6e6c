// Filling a database: demo data (or just the first admin) on a fresh install, a reset for
// developers and a large seed for benchmarks. Used by scripts/seed.ts and the tests; takes a
// Prisma client rather than the app's singleton so scripts can open and close their own.
import "server-only";
import { maintainUsagePartitions } from "../health/usage-partitions";
import { seedFiscalYearStarts, seedGrowthDemo } from "../whitespace/seed-demo";
import { hashPassword } from "@/lib/auth/password";
import { isDemoMode, usageRetentionMonths } from "@/lib/config";
import { utcDay } from "@/lib/demo/calendar";
import {
  appendDemoData,
  DEFAULT_ACCOUNT_COUNT,
  DEMO_SEED,
  emptyDemoData,
  generateAccountBatch,
  generateDemoData,
  type GeneratedBatch,
  type GenerateOptions,
} from "@/lib/demo/generate";
import type { FirstIds, SerialTable } from "@/lib/demo/ids";
import type * as Rows from "@/lib/demo/types";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZUserCreate } from "@/lib/validation/users";
import { toIsoDate } from "@/lib/domain/dates";
import { backfillHealthHistory } from "../health/recompute";
import { syncRenewals } from "../renewals/window-job";
import { backfillStageHistory, syncLifecycleStages } from "../accounts/lifecycle-stages";
import { ensureDefaultMeasurables } from "../scorecard/defaults";
export { deleteAllData } from "./bulk-insert";
import { USAGE_DAY_COLUMNS } from "../health/usage-columns";
import {
  bulkInsert,
  columns,
  deleteAllData,
  nextIds,
  syncIdSequences,
  type SqlRunner,
  type TableSpec,
} from "./bulk-insert";
import { clock } from "@/lib/clock";
import type { Tx } from "@/lib/db/types";
import { AppError } from "@/lib/errors";

const HEALTH_HISTORY_WEEKS = 26;
export type SeedLog = (message: string) => void;

export interface SeedResult {
  seeded: "demo" | "admin" | "scale" | "nothing";
  /** Rows written per table (e.g. { users: 8, accounts: 150, usageDays: 46211 }). */
  counts: Record<string, number>;
}

export interface DemoSeedOptions {
  /** Defaults to the current UTC date, so the demo always looks recent. */
  today?: Date;
  /** Fewer accounts keep tests fast; the default is the demo's 150. */
  accountCount?: number;
  log?: SeedLog;
}

/** A configuration problem the operator must fix (the seed script prints it without a stack trace). */
const configError = (message: string) => new AppError("invalid", message);

// Seeding runs in one transaction: a failure leaves the database as it was, and a second process
// seeding at the same moment waits on the advisory lock, then finds the users and stops.
const SEED_LOCK = 0x5eed;
const SEED_TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 };

/**
 * First start: when the database has no users, seed the demo (users and data), or with
 * BOWTIE_DEMO=off only the first admin from BOWTIE_ADMIN_EMAIL / _PASSWORD / _NAME.
 */
export async function seedIfEmpty(
  db: PrismaClient,
  options: DemoSeedOptions & { env?: NodeJS.ProcessEnv } = {},
): Promise<SeedResult> {
  const { env = process.env, log = console.log } = options;
  if ((await db.user.count()) > 0) return nothingToSeed(log);
  const demo = isDemoMode(env);
  // Checked and hashed before the transaction: no lock is held while bcrypt works.
  const users = demo ? await demoUsers() : [await firstAdmin(env)];
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK}::bigint)`;
    if ((await tx.user.count()) > 0) return nothingToSeed(log);
    if (demo) return seedDemo(tx, users, options);
    const counts = { users: (await insertUsers(tx, users)).length };
    await ensureDefaultMeasurables(tx);
    log(`Created the first admin, ${users[0].email}.`);
    await recordSeed(tx, "admin", counts);
    return { seeded: "admin", counts };
  }, SEED_TRANSACTION);
}

/** For developers: delete every row of every table, then seed the demo. */
export async function resetAndSeedDemo(db: PrismaClient, options: DemoSeedOptions = {}): Promise<SeedResult> {
  const users = await demoUsers();
  return db.$transaction(async (tx) => {
    await deleteAllData(tx);
    (options.log ?? console.log)("Deleted all data.");
    return seedDemo(tx, users, options);
  }, SEED_TRANSACTION);
}

export interface ScaleSeedOptions {
  accounts: number;
  /** Days of usage per account (default 90). */
  usageDays?: number;
  /** Accounts generated and written per batch (default 1,000). */
  batchSize?: number;
  today?: Date;
  log?: SeedLog;
  /** Where the rows go (default: the Prisma client); scripts/seed.ts passes a pg pool on PostgreSQL. */
  writer?: SqlRunner;
}

/** Batches written at once: PostgreSQL inserts on both cores while this process generates the next. */
const WRITES_IN_FLIGHT = 2;
/** Accounts generated between two yields to the event loop, so queued writes are sent promptly. */
const GENERATION_SLICE = 100;

/**
 * Benchmark data: `accounts` more accounts with everything about them and `usageDays` of usage,
 * owned by the existing users (the demo users are created when there are none). Written in
 * batches outside a transaction, so a long run shows progress and keeps what it wrote.
 */
export async function seedScale(db: PrismaClient, options: ScaleSeedOptions): Promise<SeedResult> {
  const { accounts, usageDays = 90, batchSize = 1_000, log = console.log, writer = db } = options;
  const today = options.today ?? utcDay(clock.now());
  const counts: Record<string, number> = {};
  if ((await db.user.count()) === 0) {
    counts.users = (await insertUsers(db, await demoUsers())).length;
    log(`Created the ${counts.users} demo users to own the accounts.`);
  }
  const users = await owners(db);
  // Usage's month partitions first, so the days go straight to their months, not the default one.
  await maintainUsagePartitions(db, { asOf: toIsoDate(today), retentionMonths: usageRetentionMonths() });
  const firstIndex = await db.account.count();
  let firstIds = await serialNextIds(writer);
  const started = performance.now();
  const writes = new JobPool(WRITES_IN_FLIGHT);
  for (let done = 0; done < accounts; done += batchSize) {
    const accountCount = Math.min(batchSize, accounts - done);
    const batch = await generateInSlices({
      seed: DEMO_SEED,
      today,
      users,
      accountCount,
      firstAccountIndex: firstIndex + done,
      usageDays,
      firstIds,
    });
    firstIds = batch.nextIds;
    await writes.add(async () => {
      addCounts(counts, await writeDemoData(writer, batch.data));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`  ${counts.accounts} / ${accounts} accounts, ${counts.usageDays ?? 0} usage rows, ${seconds} s`);
    });
  }
  await writes.drain();
  await syncIdSequences(writer, SERIAL_TABLES);
  await syncLifecycleStages(db, { asOf: toIsoDate(today) });
  await recordSeed(db, "scale", counts);
  return { seeded: "scale", counts };
}

/** generateAccountBatch, a slice at a time, letting the pending writes proceed in between. */
async function generateInSlices(options: GenerateOptions): Promise<GeneratedBatch> {
  const { accountCount = DEFAULT_ACCOUNT_COUNT, firstAccountIndex = 0 } = options;
  const data = emptyDemoData();
  let firstIds = options.firstIds;
  for (let offset = 0; offset < accountCount; offset += GENERATION_SLICE) {
    const slice = generateAccountBatch({
      ...options,
      accountCount: Math.min(GENERATION_SLICE, accountCount - offset),
      firstAccountIndex: firstAccountIndex + offset,
      firstIds,
    });
    appendDemoData(data, slice.data);
    firstIds = slice.nextIds;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { data, nextIds: firstIds ?? {} };
}

/** Runs at most `limit` jobs at once: add() waits for a free slot; the first failure is rethrown. */
class JobPool {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  async add(job: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    this.rethrow();
    const run: Promise<void> = job()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}

// ----------------------------------------------------------------------------------------------

interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

async function seedDemo(tx: Tx, users: readonly NewUser[], options: DemoSeedOptions): Promise<SeedResult> {
  const { log = console.log, accountCount = DEFAULT_ACCOUNT_COUNT } = options;
  const today = options.today ?? utcDay(clock.now());
  const created = await insertUsers(tx, users);
  const data = generateDemoData({
    seed: DEMO_SEED,
    today,
    users: usersByRole(created),
    accountCount,
    firstAccountIndex: await tx.account.count(),
    firstIds: await serialNextIds(tx),
  });
  const counts = { users: created.length, ...(await writeDemoData(tx, data)) };
  await syncIdSequences(tx, SERIAL_TABLES);
  await seedFiscalYearStarts(tx);
  // Scores with six months of weekly history, so trends and charts are live from the first visit.
  await backfillHealthHistory(tx, { today: toIsoDate(today), weeks: HEALTH_HISTORY_WEEKS });
  // The renewal stage tasks of today's windows, as the daily job would have opened them.
  await syncRenewals(tx, { asOf: toIsoDate(today) });
  // Lifecycle stages with their weekly history, and the manager's scorecard and rocks.
  await backfillStageHistory(tx, { today: toIsoDate(today), weeks: HEALTH_HISTORY_WEEKS });
  await ensureDefaultMeasurables(tx);
  await seedGrowthDemo(tx, toIsoDate(today));
  await recordSeed(tx, "demo", counts);
  log(`Seeded the demo as of ${today.toISOString().slice(0, 10)}: ${describeCounts(counts)}.`);
  log(`Sign in as any demo user (e.g. ${DEMO_USERS[0].email}) with the password "${DEMO_PASSWORD}".`);
  return { seeded: "demo", counts };
}

function nothingToSeed(log: SeedLog): SeedResult {
  log("The database already has users: nothing to seed.");
  return { seeded: "nothing", counts: {} };
}

async function demoUsers(): Promise<NewUser[]> {
  return Promise.all(DEMO_USERS.map(async (user) => ({ ...user, passwordHash: await hashPassword(DEMO_PASSWORD) })));
}

/** The first admin of a production install, validated like `npm run user:create`. */
async function firstAdmin(env: NodeJS.ProcessEnv): Promise<NewUser> {
  if (!env.BOWTIE_ADMIN_EMAIL || !env.BOWTIE_ADMIN_PASSWORD) {
    throw configError(
      "BOWTIE_DEMO=off and the database has no users: set BOWTIE_ADMIN_EMAIL and BOWTIE_ADMIN_PASSWORD " +
        "(and optionally BOWTIE_ADMIN_NAME) to create the first admin.",
    );
  }
  const parsed = ZUserCreate.safeParse({
    email: env.BOWTIE_ADMIN_EMAIL,
    password: env.BOWTIE_ADMIN_PASSWORD,
    name: env.BOWTIE_ADMIN_NAME || "Administrator",
    role: "admin",
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `BOWTIE_ADMIN_${String(i.path[0]).toUpperCase()}: ${i.message}`);
    throw configError(`Cannot create the first admin. ${problems.join(" ")}`);
  }
  const { email, name, role, password } = parsed.data;
  return { email, name, role, passwordHash: await hashPassword(password) };
}

async function insertUsers(db: Tx | PrismaClient, users: readonly NewUser[]) {
  return db.user.createManyAndReturn({ data: [...users], select: { id: true, role: true } });
}

function usersByRole(users: ReadonlyArray<{ id: number; role: Role }>): Rows.UserIdsByRole {
  const ids = (role: Role) => users.filter((u) => u.role === role).map((u) => u.id);
  return { admin: ids("admin"), manager: ids("manager"), csm: ids("csm"), ae: ids("ae"), executive: ids("executive") };
}

/** Account owners for the scale seed: CSMs and AEs, or managers and admins if a role has nobody. */
async function owners(db: PrismaClient): Promise<Rows.UserIdsByRole> {
  const byRole = usersByRole(
    await db.user.findMany({ where: { active: true }, select: { id: true, role: true }, orderBy: { id: "asc" } }),
  );
  const fallback = [...(byRole.manager ?? []), ...(byRole.admin ?? [])];
  return {
    ...byRole,
    csm: byRole.csm.length > 0 ? byRole.csm : fallback,
    ae: byRole.ae.length > 0 ? byRole.ae : fallback,
  };
}

/** MAX(id) + 1 of every table the generator assigns ids in. */
function serialNextIds(db: SqlRunner): Promise<FirstIds> {
  return nextIds(db, SERIAL_TABLE_NAMES);
}

async function writeDemoData(db: SqlRunner, data: Rows.DemoData): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  // DEMO_TABLES lists the tables parents first, so every foreign key finds its row.
  for (const key of Object.keys(DEMO_TABLES) as Rows.DemoTable[]) {
    const spec = DEMO_TABLES[key] as TableSpec<unknown>;
    const rows = data[key] as unknown[];
    if (rows.length > 0) counts[key] = await bulkInsert(db, spec, rows);
  }
  return counts;
}

/** Every write path is audited; a seed run is one entry with what it wrote. */
async function recordSeed(
  db: Tx | PrismaClient,
  mode: SeedResult["seeded"],
  counts: Record<string, number>,
): Promise<void> {
  await db.auditLog.create({
    data: { entity: "database", entityId: mode, action: "seed", after: { mode, ...counts } },
  });
}

function addCounts(total: Record<string, number>, more: Record<string, number>): void {
  for (const [key, n] of Object.entries(more)) total[key] = (total[key] ?? 0) + n;
}

function describeCounts(counts: Record<string, number>): string {
  const shown = ["users", "accounts", "contacts", "usageDays", "touchpoints", "supportTickets"];
  return shown.map((key) => `${(counts[key] ?? 0).toLocaleString("en-US")} ${key}`).join(", ");
}

// ----------------------------------------------------------------------------------------------
// The demo's tables as the bulk writer sees them: table names and column types, parents first.

const segment = { enum: "Segment" } as const;

export const DEMO_TABLES: { [K in Rows.DemoTable]: TableSpec<Rows.DemoData[K][number]> } = {
  accounts: {
    table: "Account",
    columns: columns<Rows.AccountRow>({
      id: "int",
      externalId: "text",
      name: "text",
      domain: "text",
      industry: "text",
      segment,
      plan: "text",
      seats: "int",
      arr: "numeric",
      contractStart: "date",
      renewalDate: "date",
      lifecycleStage: { enum: "LifecycleStage" },
      status: { enum: "AccountStatus" },
      churnedAt: "date",
      purchasedFeatures: "text[]",
      csmId: "int",
      aeId: "int",
      lastTouchAt: "date",
    }),
    // @updatedAt has no database default: Prisma fills it, so raw inserts must.
    expressions: { updatedAt: "CURRENT_TIMESTAMP" },
  },
  contacts: {
    table: "Contact",
    columns: columns<Rows.ContactRow>({
      id: "int",
      accountId: "int",
      name: "text",
      email: "text",
      title: "text",
      execSponsor: "boolean",
      champion: "boolean",
      decisionMaker: "boolean",
      referenceWilling: "boolean",
      lastTouchAt: "date",
    }),
  },
  contractLines: {
    table: "ContractLine",
    columns: columns<Rows.ContractLineRow>({
      id: "int",
      accountId: "int",
      product: "text",
      seats: "int",
      price: "numeric",
      startDate: "date",
      endDate: "date",
    }),
  },
  usageDays: {
    table: "UsageDay",
    columns: columns<Rows.UsageDayRow>(USAGE_DAY_COLUMNS),
  },
  supportTickets: {
    table: "SupportTicket",
    columns: columns<Rows.SupportTicketRow>({
      id: "int",
      accountId: "int",
      externalId: "text",
      subject: "text",
      openedAt: "date",
      closedAt: "date",
      priority: { enum: "TicketPriority" },
      sentiment: { enum: "Sentiment" },
    }),
  },
  surveyResponses: {
    table: "SurveyResponse",
    columns: columns<Rows.SurveyResponseRow>({
      id: "int",
      accountId: "int",
      contactId: "int",
      type: { enum: "SurveyType" },
      score: "int",
      respondedAt: "date",
      comment: "text",
      externalId: "text",
    }),
  },
  touchpoints: {
    table: "Touchpoint",
    columns: columns<Rows.TouchpointRow>({
      id: "int",
      accountId: "int",
      type: { enum: "TouchpointType" },
      occurredAt: "date",
      attended: "boolean",
      notes: "text",
      createdById: "int",
      createdAt: "timestamp",
    }),
  },
  touchpointContacts: {
    table: "TouchpointContact",
    columns: columns<Rows.TouchpointContactRow>({ touchpointId: "int", contactId: "int" }),
  },
  qbrs: {
    table: "Qbr",
    columns: columns<Rows.QbrRow>({
      id: "int",
      accountId: "int",
      kind: { enum: "TouchpointType" },
      scheduledFor: "date",
      status: { enum: "QbrStatus" },
      checklist: "jsonb",
      touchpointId: "int",
    }),
  },
  successOutcomes: {
    table: "SuccessOutcome",
    columns: columns<Rows.SuccessOutcomeRow>({
      id: "int",
      accountId: "int",
      key: "text",
      title: "text",
      dueDate: "date",
      achieved: "boolean",
      achievedAt: "date",
    }),
  },
  onboardingMilestones: {
    table: "OnboardingMilestone",
    columns: columns<Rows.OnboardingMilestoneRow>({
      id: "int",
      accountId: "int",
      key: "text",
      targetDate: "date",
      reachedAt: "date",
      challenges: "text",
      issues: "text",
    }),
  },
  renewals: {
    table: "Renewal",
    columns: columns<Rows.RenewalRow>({
      id: "int",
      accountId: "int",
      renewalDate: "date",
      status: { enum: "RenewalStatus" },
      forecast: { enum: "RenewalForecast" },
      arr: "numeric",
      processStartedAt: "date",
      outcome: { enum: "RenewalOutcome" },
      newArr: "numeric",
      signedAt: "date",
      churnReason: "text",
    }),
  },
  expansionOpportunities: {
    table: "ExpansionOpportunity",
    columns: columns<Rows.ExpansionOpportunityRow>({
      id: "int",
      accountId: "int",
      key: "text",
      title: "text",
      type: { enum: "ExpansionType" },
      arr: "numeric",
      status: { enum: "OpportunityStatus" },
      stage: { enum: "ExpansionStage" },
      createdAt: "timestamp",
      closedAt: "date",
    }),
  },
  arrMovements: {
    table: "ArrMovement",
    columns: columns<Rows.ArrMovementRow>({
      id: "int",
      accountId: "int",
      type: { enum: "ArrMovementType" },
      amount: "numeric",
      date: "date",
      note: "text",
    }),
  },
  offboardings: {
    table: "Offboarding",
    columns: columns<Rows.OffboardingRow>({
      id: "int",
      accountId: "int",
      startedAt: "timestamp",
      accessOffDate: "date",
      churnReasons: "text[]",
      churnNotes: "text",
      exitInterview: "text",
      completedAt: "timestamp",
    }),
  },
  offboardingItems: {
    table: "OffboardingItem",
    columns: columns<Rows.OffboardingItemRow>({
      id: "int",
      offboardingId: "int",
      key: "text",
      title: "text",
      ownerId: "int",
      dueDate: "date",
      doneAt: "timestamp",
    }),
  },
  feedbackItems: {
    table: "FeedbackItem",
    columns: columns<Rows.FeedbackItemRow>({
      id: "int",
      accountId: "int",
      type: { enum: "FeedbackType" },
      title: "text",
      description: "text",
      status: { enum: "FeedbackStatus" },
      createdAt: "timestamp",
    }),
  },
  sentimentOverrides: {
    table: "SentimentOverride",
    columns: columns<Rows.SentimentOverrideRow>({
      id: "int",
      accountId: "int",
      band: { enum: "Band" },
      reason: "text",
      createdById: "int",
      createdAt: "timestamp",
    }),
  },
  csCosts: {
    table: "CsCost",
    columns: columns<Rows.CsCostRow>({
      id: "int",
      periodStart: "date",
      periodEnd: "date",
      amount: "numeric",
      grossMarginPct: "float",
    }),
  },
  rocks: {
    table: "Rock",
    columns: columns<Rows.RockRow>({
      id: "int",
      title: "text",
      ownerId: "int",
      dueDate: "date",
      status: { enum: "RockStatus" },
      metricKey: "text",
      startValue: "float",
      targetValue: "float",
    }),
  },
};

const SERIAL_TABLE_NAMES = Object.fromEntries(
  Object.entries(DEMO_TABLES)
    .filter(([key]) => key !== "usageDays" && key !== "touchpointContacts")
    .map(([key, spec]) => [key, spec.table]),
) as Record<SerialTable, string>;

const SERIAL_TABLES = Object.values(SERIAL_TABLE_NAMES);
