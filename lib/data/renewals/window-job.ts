// The renewal job: keeps one open renewal per active account in step with the account and starts
// the process when a renewal enters the 90-day window. Each window's tasks come from the
// "Renewal preparation" playbook (lib/domain/playbook-defaults.ts). Set-based, so it runs over
// every account in a few statements.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import { statement } from "../platform/sql";
import type { Db } from "@/lib/db/types";

export interface RenewalSyncResult {
  created: number;
  updated: number;
  started: number;
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

/**
 * Brings every active account's renewal up to date as of a day. Idempotent: running it again
 * the same day changes nothing.
 */
export async function syncRenewals(client: Db, { asOf }: { asOf: IsoDate }): Promise<RenewalSyncResult> {
  // Sequential: the client may be an interactive transaction (one connection).
  const created = await client.$executeRaw(CREATE_SQL());
  const updated = await client.$executeRaw(FOLLOW_SQL());
  const started = await client.$executeRaw(START_SQL(asOf));
  return { created, updated, started };
}
