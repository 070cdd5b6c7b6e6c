// The renewal job: keeps one open renewal per active account in step with the account, starts
// the process when a renewal enters the 90-day window and opens each window's stage tasks
// (lib/domain/renewals.ts decides which). Set-based, so it runs over every account in a few
// statements.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import { escalationManager } from "@/lib/domain/escalation";
import { stageTaskDue, stageTaskOwner, stageTasksFor } from "@/lib/domain/renewals";
import { skipOpenKindAndAudit } from "../tasks/insert.sql";
import { statement } from "../platform/sql";
import type { Db } from "@/lib/db/types";

export interface RenewalSyncResult {
  created: number;
  updated: number;
  started: number;
  tasks: number;
}

// Each statement writes its rows and their audit entries together (the shape recordAudit gives a
// system actor), so the job needs no transaction of its own to stay consistent.

// Active accounts without an open renewal get one; ON CONFLICT covers a concurrent writer.
const CREATE_SQL = statement`
WITH created AS (
  INSERT INTO "Renewal" ("accountId", "renewalDate", arr, status)
  SELECT a.id, a."renewalDate", a.arr, 'open'::"RenewalStatus" FROM "Account" a
  WHERE a.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM "Renewal" r WHERE r."accountId" = a.id AND r.status = 'open')
  ON CONFLICT ("accountId") WHERE status = 'open' DO NOTHING
  RETURNING id, "accountId", "renewalDate", arr
)
INSERT INTO "AuditLog" ("accountId", entity, "entityId", action, after)
SELECT c."accountId", 'renewal', c.id::text, 'create (renewals)',
  jsonb_build_object('renewalDate', to_char(c."renewalDate", 'YYYY-MM-DD'), 'arr', c.arr, 'status', 'open')
FROM created c`;

// The open renewal follows the account's renewal date and ARR (a CRM edit that bypassed the API).
const FOLLOW_SQL = statement`
WITH changed AS (
  SELECT r.id, r."accountId", r."renewalDate" AS old_date, r.arr AS old_arr, a."renewalDate" AS new_date, a.arr AS new_arr
  FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
  WHERE r.status = 'open' AND a.status = 'active' AND (r."renewalDate" <> a."renewalDate" OR r.arr <> a.arr)
), updated AS (
  UPDATE "Renewal" r SET "renewalDate" = c.new_date, arr = c.new_arr FROM changed c WHERE r.id = c.id RETURNING r.id
)
INSERT INTO "AuditLog" ("accountId", entity, "entityId", action, before, after)
SELECT c."accountId", 'renewal', c.id::text, 'update (renewals)',
  jsonb_build_object('renewalDate', to_char(c.old_date, 'YYYY-MM-DD'), 'arr', c.old_arr),
  jsonb_build_object('renewalDate', to_char(c.new_date, 'YYYY-MM-DD'), 'arr', c.new_arr)
FROM changed c JOIN updated u ON u.id = c.id`;

// The process starts the first day the job sees the renewal within 90 days (or overdue).
const START_SQL = statement`
WITH started AS (
  UPDATE "Renewal" SET "processStartedAt" = $1::date
  WHERE status = 'open' AND "processStartedAt" IS NULL AND "renewalDate" <= $1::date + 90
  RETURNING id, "accountId"
)
INSERT INTO "AuditLog" ("accountId", entity, "entityId", action, before, after)
SELECT s."accountId", 'renewal', s.id::text, 'update (renewals)',
  jsonb_build_object('processStartedAt', NULL), jsonb_build_object('processStartedAt', $1::text)
FROM started s`;

interface WindowRow {
  renewal_id: number;
  account_id: number;
  renewal_date: IsoDate;
  ae_id: number | null;
  csm_id: number | null;
}

// Open renewals of active accounts in the 0–90 day windows; deactivated owners count as none.
const WINDOW_SQL = statement`
SELECT r.id AS renewal_id, r."accountId" AS account_id, to_char(r."renewalDate", 'YYYY-MM-DD') AS renewal_date,
  CASE WHEN ae.active THEN a."aeId" END AS ae_id, CASE WHEN csm.active THEN a."csmId" END AS csm_id
FROM "Renewal" r JOIN "Account" a ON a.id = r."accountId"
LEFT JOIN "User" ae ON ae.id = a."aeId" LEFT JOIN "User" csm ON csm.id = a."csmId"
WHERE r.status = 'open' AND a.status = 'active' AND r."renewalDate" BETWEEN $1::date AND $1::date + 90`;

// ON CONFLICT against "Task_open_kind_key" skips a stage already open; NOT EXISTS skips a stage
// completed (or cancelled) since this renewal was created, so done work is not handed back.
const TASK_SQL = statement`
WITH created AS (
  INSERT INTO "Task" ("accountId", "ownerId", title, description, kind, "dueDate", priority, source, status)
  SELECT v.account_id, v.owner_id, v.title, v.description, v.kind, v.due::date, 'normal'::"TaskPriority", 'playbook'::"TaskSource", 'open'::"TaskStatus"
  FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
    AS v(renewal_id, account_id, owner_id, title, description, kind, due)
  JOIN "Renewal" r ON r.id = v.renewal_id
  WHERE NOT EXISTS (
    SELECT 1 FROM "Task" t
    WHERE t."accountId" = v.account_id AND t.kind = v.kind AND t.status <> 'open' AND t."createdAt" >= r."createdAt")
${skipOpenKindAndAudit("create (renewals)")}`;

/**
 * Brings every active account's renewal up to date as of a day. Idempotent: running it again
 * the same day changes nothing, and no stage task is ever opened twice for a renewal.
 */
export async function syncRenewals(client: Db, { asOf }: { asOf: IsoDate }): Promise<RenewalSyncResult> {
  // Sequential: the client may be an interactive transaction (one connection).
  const created = await client.$executeRaw(CREATE_SQL());
  const updated = await client.$executeRaw(FOLLOW_SQL());
  const started = await client.$executeRaw(START_SQL(asOf));
  const tasks = await openStageTasks(client, asOf);
  return { created, updated, started, tasks };
}

async function openStageTasks(client: Db, asOf: IsoDate): Promise<number> {
  const rows = await client.$queryRaw<WindowRow[]>(WINDOW_SQL(asOf));
  if (rows.length === 0) return 0;
  const users = await client.user.findMany({
    where: { role: { in: ["manager", "admin"] } },
    select: { id: true, role: true, active: true },
  });
  const managerId = escalationManager(users);
  const planned = rows.flatMap((row) =>
    stageTasksFor(row.renewal_date, asOf).flatMap((task) => {
      const ownerId = stageTaskOwner(task, { aeId: row.ae_id, csmId: row.csm_id, managerId });
      if (ownerId === null) return [];
      const description = `${task.description} Renewal date ${row.renewal_date}.`;
      return [{ ...row, ownerId, task, description, due: stageTaskDue(task, row.renewal_date, asOf) }];
    }),
  );
  if (planned.length === 0) return 0;
  return client.$executeRaw(
    TASK_SQL(
      planned.map((p) => p.renewal_id),
      planned.map((p) => p.account_id),
      planned.map((p) => p.ownerId),
      planned.map((p) => p.task.title),
      planned.map((p) => p.description),
      planned.map((p) => p.task.kind),
      planned.map((p) => p.due),
    ),
  );
}
