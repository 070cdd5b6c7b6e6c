// Shared by the set-based task writers (playbook escalations, renewal stage tasks): the end of
// a `WITH created AS (INSERT INTO "Task" … SELECT …` statement. It skips a kind already open for
// the account (the partial unique index "Task_open_kind_key"), then audits each created task as
// a system create — what recordAudit writes, with the new fields as `after`.
import "server-only";
import { sqlLiteral, sqlText, type SqlText } from "../platform/sql";

export function skipOpenKindAndAudit(action: "create (playbook)" | "create (renewals)"): SqlText {
  return sqlText`
  ON CONFLICT ("accountId", kind) WHERE status = 'open' AND kind IS NOT NULL DO NOTHING
  RETURNING id, "accountId", "ownerId", title, kind, "dueDate", priority, source, status
)
INSERT INTO "AuditLog" ("accountId", entity, "entityId", action, after)
SELECT c."accountId", 'task', c.id::text, ${sqlLiteral(action)},
  jsonb_build_object('title', c.title, 'kind', c.kind, 'ownerId', c."ownerId", 'dueDate', to_char(c."dueDate", 'YYYY-MM-DD'),
    'priority', c.priority, 'source', c.source, 'status', c.status)
FROM created c`;
}
