// Applies the escalation ladder (lib/domain/escalation.ts) to the stored health of many
// accounts at once: one query reads their state, the pure rules decide, one statement writes.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import type { Band } from "@/lib/domain/health";
import {
  escalationManager,
  escalationsFor,
  REARM_AFTER_DAYS,
  type EscalationState,
  type EscalationTask,
} from "@/lib/domain/escalation";
import { skipOpenKindAndAudit } from "../tasks/insert.sql";
import { statement } from "../platform/sql";
import type { Db } from "@/lib/db/types";

interface StateRow {
  id: number;
  status: "active" | "churned";
  band: Band | null;
  score: number | null;
  insufficient: boolean;
  trend: number | null;
  detractor: string | null;
  days_to_renewal: number;
  csm_id: number | null;
}

// $1 = as-of date, $2 = account ids (NULL: every active account, as recomputeHealth scores).
// A deactivated CSM counts as none, so their steps go to the manager rather than nobody.
const STATE_SQL = statement`
SELECT a.id, a.status::text AS status, a."healthBand"::text AS band, a."healthScore" AS score,
  a."healthInsufficient" AS insufficient, a."healthTrend" AS trend, a."healthDetractor" AS detractor,
  (a."renewalDate" - $1::date)::int AS days_to_renewal,
  CASE WHEN u.active THEN a."csmId" END AS csm_id
FROM "Account" a LEFT JOIN "User" u ON u.id = a."csmId"
WHERE CASE WHEN $2::int[] IS NULL THEN a.status = 'active' ELSE a.id = ANY($2::int[]) END`;

// One statement, so the tasks and their audit rows commit together even outside a transaction.
// ON CONFLICT against the partial unique index "Task_open_kind_key" skips steps that are already
// open; NOT EXISTS skips steps completed within the re-arm period. The audit rows have the shape
// recordAudit gives a system actor's create (action "create (playbook)", the new fields as after).
const INSERT_SQL = statement`
WITH created AS (
  INSERT INTO "Task" ("accountId", "ownerId", title, description, kind, "dueDate", priority, source, status)
  SELECT v.account_id, v.owner_id, v.title, v.description, v.kind, v.due::date, v.priority::"TaskPriority", 'playbook'::"TaskSource", 'open'::"TaskStatus"
  FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
    AS v(account_id, owner_id, title, description, kind, due, priority)
  WHERE NOT EXISTS (
    SELECT 1 FROM "Task" t
    WHERE t."accountId" = v.account_id AND t.kind = v.kind AND t.status <> 'open'
      AND t."completedAt" >= $8::date - $9::int)
${skipOpenKindAndAudit("create (playbook)")}`;

type PlannedTask = EscalationTask & { accountId: number };

/**
 * Raises the playbook tasks the listed accounts (or every active one) need as of a date.
 * Idempotent: a step already open for an account is never created twice, however often this
 * runs. Returns how many tasks were created.
 */
export async function applyEscalations(
  client: Db,
  { asOf, accountIds }: { asOf: IsoDate; accountIds: number[] | null },
): Promise<{ created: number }> {
  // Sequential rather than Promise.all: the client may be an interactive transaction.
  const states = await client.$queryRaw<StateRow[]>(STATE_SQL(asOf, accountIds));
  const users = await client.user.findMany({
    where: { role: { in: ["manager", "admin"] } },
    select: { id: true, role: true, active: true },
  });
  const managerId = escalationManager(users);
  const planned = states.flatMap((s) =>
    escalationsFor(toState(s), { asOf, managerId }).map((t) => ({ ...t, accountId: s.id })),
  );
  if (planned.length === 0) return { created: 0 };
  return { created: await insertTasks(client, asOf, planned) };
}

function toState(r: StateRow): EscalationState {
  return {
    band: r.band,
    score: r.score,
    insufficientData: r.insufficient,
    trend: r.trend,
    daysToRenewal: r.days_to_renewal,
    csmId: r.csm_id,
    status: r.status,
    detractor: r.detractor,
  };
}

async function insertTasks(client: Db, asOf: IsoDate, tasks: PlannedTask[]): Promise<number> {
  return client.$executeRaw(
    INSERT_SQL(
      tasks.map((t) => t.accountId),
      tasks.map((t) => t.ownerId),
      tasks.map((t) => t.title),
      tasks.map((t) => t.description),
      tasks.map((t) => t.kind),
      tasks.map((t) => t.dueDate),
      tasks.map((t) => t.priority),
      asOf,
      REARM_AFTER_DAYS,
    ),
  );
}
