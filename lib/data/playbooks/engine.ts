// The playbook engine (SPEC §4): reads the facts of many accounts in one query, asks the pure
// rules (lib/domain/playbooks.ts) which steps are due, and writes them in one statement that the
// database keeps free of duplicates. Runs after every rescore (a write, the batch) and daily.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import type { Band, RenewalForecast, Segment } from "@/lib/domain/health";
import {
  longestRearm,
  playbookManager,
  planPlaybooks,
  type PlannedStep,
  type PlaybookFacts,
} from "@/lib/domain/playbooks";
import { clock } from "@/lib/clock";
import { sendEmails, type EmailStatus, type KeyedEmailInput } from "@/lib/email/send";
import { bulkPoolOf } from "@/lib/db/client";
import { sqlLiteral, sqlText, statement, type Statement } from "../platform/sql";
import { snapshotMeasureSql } from "../platform/rules.sql";
import { loadPlaybookRules } from "./rules";
import type { Db } from "@/lib/db/types";

interface FactsRow {
  id: number;
  status: "active" | "churned";
  segment: Segment;
  band: Band | null;
  score: number | null;
  insufficient: boolean;
  trend: number | null;
  detractor: string | null;
  contract_start: IsoDate;
  renewal_date: IsoDate;
  forecast: RenewalForecast | null;
  open_expansions: number;
  feature_adoption: number | null;
  exec_sponsor_days: number | null;
  nps: number | null;
  csm_id: number | null;
  ae_id: number | null;
}

// $1 = account ids (NULL: every active account). Upsell signals come from the account's current
// snapshot (written by the rescore that runs just before), so they match the explained score:
// its typed `measures`, NULL in snapshots written before them (as in those before version 2).
// Deactivated owners count as none, so their steps go to the manager rather than nobody.
const FACTS_SQL = statement`
SELECT a.id, a.status::text AS status, a.segment::text AS segment, a."healthBand"::text AS band,
  a."healthScore" AS score, a."healthInsufficient" AS insufficient, a."healthTrend" AS trend,
  a."healthDetractor" AS detractor,
  to_char(a."contractStart", 'YYYY-MM-DD') AS contract_start, to_char(a."renewalDate", 'YYYY-MM-DD') AS renewal_date,
  (SELECT r.forecast::text FROM "Renewal" r WHERE r."accountId" = a.id AND r.status = 'open'
   ORDER BY r."renewalDate" LIMIT 1) AS forecast,
  (SELECT count(*)::int FROM "ExpansionOpportunity" e WHERE e."accountId" = a.id AND e.status = 'open') AS open_expansions,
  ${snapshotMeasureSql(sqlText`s.measures`, "feature_adoption", "raw")} AS feature_adoption,
  ${snapshotMeasureSql(sqlText`s.measures`, "exec_sponsor_engagement", "raw")} AS exec_sponsor_days,
  ${snapshotMeasureSql(sqlText`s.measures`, "nps", "raw")} AS nps,
  CASE WHEN csm.active THEN a."csmId" END AS csm_id, CASE WHEN ae.active THEN a."aeId" END AS ae_id
FROM "Account" a
LEFT JOIN "User" csm ON csm.id = a."csmId"
LEFT JOIN "User" ae ON ae.id = a."aeId"
LEFT JOIN "HealthSnapshot" s ON s."accountId" = a.id AND s."asOf" = a."healthAsOf"
WHERE CASE WHEN $1::int[] IS NULL THEN a.status = 'active' ELSE a.id = ANY($1::int[]) END`;

/**
 * An email step's outcome from the moment it is recorded until its send is noted over it. A run
 * that stops in between leaves it so, and the next run sends it (runPlaybooks).
 */
const UNSENT = "Waiting to be sent.";
/** An email step's task title; the subject is read back from it when the step is sent. */
const EMAIL_TITLE = "Email: ";

// One statement, so the tasks and their audit rows commit together even outside a transaction.
// ON CONFLICT DO NOTHING skips what the partial unique indexes forbid: a second open task for a
// rule step ("Task_open_rule_step_key"), a second task for one occurrence ("Task_rule_cycle_key").
// Email steps are recorded as done tasks, waiting to be sent (UNSENT). Audit rows have the
// shape recordAudit gives a system actor's create. The re-arm period (a closed state step stays
// closed) is applied before, from CLOSED_SQL: a correlated NOT EXISTS here was planned as a
// sequential scan of "Task" per planned step whenever the table's statistics said it was empty,
// and each scan then read the rows this statement had inserted so far (quadratic: a first daily
// run at 50,000 accounts ran for many minutes).
const INSERT_SQL = statement`
WITH v AS (
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[])
    AS v(account_id, rule_key, step, cycle, owner_id, title, description, reason, due, priority, type)
), created AS (
  INSERT INTO "Task" ("accountId", "ownerId", title, description, "ruleKey", step, cycle, reason, "dueDate", priority,
    source, status, "completedAt", outcome)
  SELECT v.account_id, v.owner_id, v.title, NULLIF(v.description, ''), v.rule_key, v.step, v.cycle, v.reason, v.due::date,
    v.priority::"TaskPriority", 'playbook'::"TaskSource",
    (CASE WHEN v.type = 'email' THEN 'done' ELSE 'open' END)::"TaskStatus",
    CASE WHEN v.type = 'email' THEN $12::timestamptz END,
    CASE WHEN v.type = 'email' THEN ${sqlLiteral(UNSENT)} END
  FROM v
  ON CONFLICT DO NOTHING
  RETURNING id, "accountId", "ownerId", title, description, "ruleKey", step, reason, "dueDate", priority, source, status
), audited AS (
  INSERT INTO "AuditLog" ("accountId", entity, "entityId", action, after)
  SELECT c."accountId", 'task', c.id::text, 'create (playbook)',
    jsonb_build_object('title', c.title, 'rule', c."ruleKey", 'step', c.step, 'reason', c.reason, 'ownerId', c."ownerId",
      'dueDate', to_char(c."dueDate", 'YYYY-MM-DD'), 'priority', c.priority, 'source', c.source, 'status', c.status)
  FROM created c
)
SELECT c.id, c."accountId" AS account_id, c."ruleKey" AS rule_key, c.step, c.status::text AS status
FROM created c ORDER BY c.id`;

// Each rule step's latest closing within the longest re-arm period, as days before the run's day
// (the listed accounts, or every account when null): one grouped read.
const CLOSED_SQL = statement`
SELECT t."accountId" AS account_id, t."ruleKey" AS rule_key, t.step, ($1::date - max(t."completedAt")::date) AS days_ago
FROM "Task" t
WHERE t."ruleKey" IS NOT NULL AND t.status <> 'open' AND t."completedAt" >= $1::date - $2::int
  AND ($3::int[] IS NULL OR t."accountId" = ANY($3::int[]))
GROUP BY 1, 2, 3`;

/**
 * The planned steps without those inside their re-arm period: a state step (no cycle) closed
 * less than `rearmDays` days ago stays closed. Occurrence steps (with a cycle) are kept: the
 * unique index decides those.
 */
async function withoutRearming<T extends PlannedStep & { accountId: number }>(
  client: Db,
  asOf: IsoDate,
  steps: T[],
  accountIds: number[] | null,
): Promise<T[]> {
  const longest = longestRearm(steps);
  if (longest === 0) return steps;
  const closed = await query<{ account_id: number; rule_key: string; step: string; days_ago: number }>(
    client,
    CLOSED_SQL,
    [asOf, longest, accountIds],
  );
  if (closed.length === 0) return steps;
  const daysAgo = new Map(closed.map((c) => [`${c.account_id}|${c.rule_key}|${c.step}`, c.days_ago]));
  return steps.filter((s) => {
    if (s.cycle !== null) return true;
    const ago = daysAgo.get(`${s.accountId}|${s.ruleKey}|${s.step}`);
    return ago === undefined || ago > s.rearmDays;
  });
}

interface CreatedRow {
  id: number;
  account_id: number;
  rule_key: string;
  step: string;
  status: "open" | "done";
}

export interface PlaybookRunResult {
  /** Tasks opened for people. */
  created: number;
  /** Email steps recorded (and sent). */
  emails: number;
}

/** A stand-in manager for planning before the users are read (never stored). */
const ANY_MANAGER = -1;

/**
 * Runs every enabled playbook for the listed accounts (or every active one) as of a day.
 * Idempotent: however often (or concurrently) it runs, no step is ever open twice for an account.
 */
export async function runPlaybooks(
  client: Db,
  { asOf, accountIds = null }: { asOf: IsoDate; accountIds?: number[] | null },
): Promise<PlaybookRunResult> {
  // Email steps go out from runs outside a transaction (the daily run, the batch): a message sent
  // from inside a write that then rolls back could not be taken back.
  const mailing = "$transaction" in client;
  const result = await raiseSteps(client, asOf, accountIds, mailing);
  // Every email step recorded and not sent yet goes out now: this run's, and any that a run which
  // stopped between recording and sending left behind. Each message is keyed by its step, so a
  // step whose message already went out is not sent again.
  if (mailing) await sendStepEmails(client, await query<UnsentRow>(client, UNSENT_SQL, [accountIds]));
  return result;
}

async function raiseSteps(
  client: Db,
  asOf: IsoDate,
  accountIds: number[] | null,
  mailing: boolean,
): Promise<PlaybookRunResult> {
  // Sequential rather than Promise.all: the client may be an interactive transaction.
  const rules = await loadPlaybookRules(client);
  if (!rules.some((r) => r.enabled)) return { created: 0, emails: 0 };
  const facts = await loadPlaybookFacts(client, accountIds);
  const plan = (managerId: number | null) =>
    [...facts].flatMap(([accountId, f]) =>
      planPlaybooks(rules, f, { asOf, managerId })
        .filter((p) => mailing || p.type === "task")
        .map((p) => ({ ...p, accountId })),
    );
  // Most writes raise nothing: a plan with some manager (any id plans at least the steps the real
  // one would) tells so without reading the users.
  if (plan(ANY_MANAGER).length === 0) return { created: 0, emails: 0 };
  const users = await client.user.findMany({
    where: { role: { in: ["manager", "admin"] } },
    select: { id: true, role: true, active: true },
  });
  const planned = await withoutRearming(client, asOf, plan(playbookManager(users)), accountIds);
  if (planned.length === 0) return { created: 0, emails: 0 };
  const created = await insertSteps(client, planned);
  const emails = created.filter((c) => c.status === "done").length;
  return { created: created.length - emails, emails };
}

interface UnsentRow {
  id: number;
  account_id: number;
  title: string;
  description: string | null;
}

// The email steps recorded and not sent yet, of the listed accounts (every account when null).
const UNSENT_SQL = statement`
SELECT t.id, t."accountId" AS account_id, t.title, t.description FROM "Task" t
WHERE t.source = 'playbook' AND t.status = 'done' AND t.outcome = ${sqlLiteral(UNSENT)}
  AND ($1::int[] IS NULL OR t."accountId" = ANY($1::int[]))
ORDER BY t.id`;

// The accounts' contacts, in the order they were added. One array parameter: the first daily run
// at 200,000 accounts records emails for 160,000 accounts, past PostgreSQL's 65,535 parameters
// (Prisma's `in` list binds one per id).
const CONTACT_EMAILS_SQL = statement`
SELECT c."accountId" AS "accountId", c.email FROM "Contact" c WHERE c."accountId" = ANY($1::int[]) ORDER BY c.id`;

/**
 * Sends each recorded email step to its account's contacts (through lib/email: SMTP, or the
 * outbox without SMTP_URL) and notes the result on the step. Keyed by the step's task, so a
 * retried send never goes out twice. The subject and text are the step's task's own.
 */
async function sendStepEmails(client: Db, rows: UnsentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const contacts = await query<{ accountId: number; email: string }>(client, CONTACT_EMAILS_SQL, [
    [...new Set(rows.map((r) => r.account_id))],
  ]);
  // Looked up by account, not searched per row: the first daily run at 50,000 accounts records
  // tens of thousands of email steps.
  const emailsByAccount = new Map<number, string[]>();
  for (const c of contacts) {
    const list = emailsByAccount.get(c.accountId);
    if (list) list.push(c.email);
    else emailsByAccount.set(c.accountId, [c.email]);
  }
  const outcomes = new Map<number, string>();
  const messages: { row: UnsentRow; input: KeyedEmailInput }[] = [];
  for (const row of rows) {
    const to = emailsByAccount.get(row.account_id) ?? [];
    if (to.length > 0)
      messages.push({
        row,
        input: {
          to,
          subject: row.title.startsWith(EMAIL_TITLE) ? row.title.slice(EMAIL_TITLE.length) : row.title,
          text: row.description ?? "",
          key: `playbook-task:${row.id}`,
          accountId: row.account_id,
        },
      });
    else outcomes.set(row.id, "Not sent: the account has no contacts.");
  }
  const sent = await sendEmails(
    client,
    messages.map((m) => m.input),
  );
  messages.forEach(({ row, input }, i) =>
    outcomes.set(row.id, EMAIL_OUTCOMES[sent[i].status]([input.to].flat().length, sent[i].error)),
  );
  // Every step's outcome in one statement.
  await client.$executeRaw`
    UPDATE "Task" AS t SET outcome = v.outcome
    FROM unnest(${[...outcomes.keys()]}::int[], ${[...outcomes.values()]}::text[]) AS v(id, outcome)
    WHERE t.id = v.id`;
}

const contactsPhrase = (n: number) => `${n} ${n === 1 ? "contact" : "contacts"}`;
const EMAIL_OUTCOMES: Record<EmailStatus, (n: number, error: string | null) => string> = {
  sent: (n) => `Sent to ${contactsPhrase(n)}.`,
  outboxed: (n) => `In the outbox for ${contactsPhrase(n)} (no SMTP server configured).`,
  failed: (n, error) => `Sending to ${contactsPhrase(n)} failed: ${error ?? "unknown error"}.`,
};

/** The engine's facts of the listed accounts (every active one when null), by account id. */
export async function loadPlaybookFacts(client: Db, accountIds: number[] | null): Promise<Map<number, PlaybookFacts>> {
  const rows = await query<FactsRow>(client, FACTS_SQL, [accountIds]);
  return new Map(rows.map((r) => [r.id, toFacts(r)]));
}

function toFacts(r: FactsRow): PlaybookFacts {
  return {
    status: r.status,
    segment: r.segment,
    band: r.band,
    score: r.score,
    insufficientData: r.insufficient,
    trend: r.trend,
    detractor: r.detractor,
    contractStart: r.contract_start,
    renewalDate: r.renewal_date,
    renewalForecast: r.forecast,
    openExpansions: r.open_expansions,
    featureAdoption: r.feature_adoption,
    execSponsorDays: r.exec_sponsor_days,
    nps: r.nps,
    csmId: r.csm_id,
    aeId: r.ae_id,
  };
}

async function insertSteps(client: Db, steps: (PlannedStep & { accountId: number })[]): Promise<CreatedRow[]> {
  const col = <T>(pick: (s: PlannedStep & { accountId: number }) => T) => steps.map(pick);
  return query<CreatedRow>(client, INSERT_SQL, [
    col((s) => s.accountId),
    col((s) => s.ruleKey),
    col((s) => s.step),
    col((s) => s.cycle),
    col((s) => s.ownerId),
    col((s) => (s.type === "email" ? `${EMAIL_TITLE}${s.subject ?? s.title}` : s.title)),
    col((s) => s.description),
    col((s) => s.reason),
    col((s) => s.dueDate),
    col((s) => s.priority),
    col((s) => s.type),
    clock.now(),
  ]);
}

/**
 * Runs a statement through the bulk pg pool beside an app client when there is one (the daily
 * run over every account reads and writes tens of thousands of rows, and Prisma's raw-query path
 * costs seconds of CPU per 50,000 rows), else through the client itself (PGlite, transactions).
 */
async function query<T>(client: Db, sql: Statement, values: unknown[]): Promise<T[]> {
  const pool = bulkPoolOf(client);
  if (pool) return (await pool.query(sql.text, values)).rows as T[];
  return client.$queryRaw<T[]>(sql(...values));
}
