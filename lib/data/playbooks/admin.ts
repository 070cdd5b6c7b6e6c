// Playbooks for admins: the stored rules with each one's noise report, and the edit of a rule.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/domain/dates";
import { describeConditions, type PlaybookRule, type RuleDefinition } from "@/lib/domain/playbooks";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { TPlaybookSave } from "@/lib/validation/playbooks";
import { recordAudit, type AuditActor } from "../platform/audit";
import { statement } from "../platform/sql";
import { loadPlaybookRules } from "./rules";

/** The noise report looks at the tasks raised in this many days. */
export const NOISE_WINDOW_DAYS = 90;

export interface RuleNoise {
  raised: number;
  open: number;
  done: number;
  dismissed: number;
  /** Dismissed / (done + dismissed); null before any of its tasks was closed. */
  dismissalRate: number | null;
  /** The most common dismissal reasons, most frequent first. */
  topReasons: { reason: string; count: number }[];
}

export interface PlaybookView extends PlaybookRule {
  /** The conditions in words. */
  summary: string;
  noise: RuleNoise;
}

interface NoiseRow {
  rule_key: string;
  raised: number;
  open: number;
  done: number;
  dismissed: number;
}

// Per rule, over the tasks raised since $1 (the closing of a renewal cancels its steps without a
// reason: only dismissals with a reason count as noise).
const NOISE_SQL = statement`
SELECT "ruleKey" AS rule_key, count(*)::int AS raised,
  count(*) FILTER (WHERE status = 'open')::int AS open,
  count(*) FILTER (WHERE status = 'done')::int AS done,
  count(*) FILTER (WHERE status = 'cancelled' AND "dismissReason" IS NOT NULL)::int AS dismissed
FROM "Task" WHERE "ruleKey" IS NOT NULL AND "createdAt" >= $1::date
GROUP BY "ruleKey"`;

const REASONS_SQL = statement`
SELECT rule_key, reason, count FROM (
  SELECT "ruleKey" AS rule_key, "dismissReason" AS reason, count(*)::int AS count,
    row_number() OVER (PARTITION BY "ruleKey" ORDER BY count(*) DESC, "dismissReason") AS rank
  FROM "Task" WHERE "ruleKey" IS NOT NULL AND "dismissReason" IS NOT NULL AND "createdAt" >= $1::date
  GROUP BY "ruleKey", "dismissReason"
) r WHERE rank <= 3 ORDER BY rule_key, rank`;

/** Every rule in order, with how its tasks fared over the last 90 days. */
export async function listPlaybooks(): Promise<PlaybookView[]> {
  const since = addDays(clock.today(), -NOISE_WINDOW_DAYS);
  const rules = await loadPlaybookRules(db);
  const [noise, reasons] = await Promise.all([
    db.$queryRaw<NoiseRow[]>(NOISE_SQL(since)),
    db.$queryRaw<{ rule_key: string; reason: string; count: number }[]>(REASONS_SQL(since)),
  ]);
  const byRule = new Map(noise.map((n) => [n.rule_key, n]));
  return rules.map((rule) => {
    const n = byRule.get(rule.key) ?? { raised: 0, open: 0, done: 0, dismissed: 0 };
    const closed = n.done + n.dismissed;
    return {
      ...rule,
      summary: describeConditions(rule.conditions),
      noise: {
        raised: n.raised,
        open: n.open,
        done: n.done,
        dismissed: n.dismissed,
        dismissalRate: closed === 0 ? null : n.dismissed / closed,
        topReasons: reasons.filter((r) => r.rule_key === rule.key).map(({ reason, count }) => ({ reason, count })),
      },
    };
  });
}

/**
 * Saves an admin's edit of a rule (name, on/off, definition), audited. The key and trigger stay:
 * open tasks and their occurrences are keyed by them.
 */
export async function savePlaybook(input: TPlaybookSave, actor: AuditActor): Promise<{ key: string }> {
  return db.$transaction(async (tx) => {
    await loadPlaybookRules(tx);
    const existing = await tx.playbookRule.findUnique({ where: { key: input.key } });
    if (!existing) throw new AppError("not_found", "This playbook no longer exists.");
    const before = existing.definition as unknown as RuleDefinition;
    if (before.trigger !== input.definition.trigger || before.cadence !== input.definition.cadence)
      throw new AppError("invalid", "A playbook's trigger and cadence cannot change.", {
        issues: [{ path: "definition.trigger", message: "Keep the trigger and cadence." }],
      });
    const definition = input.definition as unknown as Prisma.InputJsonValue;
    await tx.playbookRule.update({
      where: { key: input.key },
      data: { name: input.name, enabled: input.enabled, definition },
    });
    await recordAudit(tx, actor, {
      entity: "playbook_rule",
      entityId: input.key,
      action: "update",
      before: { name: existing.name, enabled: existing.enabled, definition: JSON.stringify(existing.definition) },
      after: { name: input.name, enabled: input.enabled, definition: JSON.stringify(input.definition) },
    });
    return { key: input.key };
  });
}
