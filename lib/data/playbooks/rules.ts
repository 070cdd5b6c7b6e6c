// Stored playbook rules: read (validated), written by admins, and the defaults on first use.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_PLAYBOOKS } from "@/lib/domain/playbook-defaults";
import { ZRuleDefinition, type PlaybookRule, type RuleDefinition } from "@/lib/domain/playbooks";
import type { Db } from "@/lib/db/types";

const definitionOf = (r: PlaybookRule): RuleDefinition => ({
  trigger: r.trigger,
  cadence: r.cadence,
  conditions: r.conditions,
  steps: r.steps,
  rearmDays: r.rearmDays,
});

/** The shipped playbooks as rows (position = their order). */
export const defaultRuleRows = () =>
  DEFAULT_PLAYBOOKS.map((r, position) => ({
    key: r.key,
    name: r.name,
    enabled: r.enabled,
    position,
    definition: definitionOf(r) as unknown as Prisma.InputJsonValue,
  }));

/**
 * Every stored rule in order; on an empty table the shipped defaults are stored first. A stored
 * definition that no longer validates is skipped (and reported) rather than stopping the others.
 */
export async function loadPlaybookRules(client: Db): Promise<PlaybookRule[]> {
  let rows = await client.playbookRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  if (rows.length === 0) {
    await client.playbookRule.createMany({ data: defaultRuleRows(), skipDuplicates: true });
    rows = await client.playbookRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  }
  return rows.flatMap((row) => {
    const parsed = ZRuleDefinition.safeParse(row.definition);
    if (!parsed.success) {
      console.error(`[playbooks] rule ${row.key} is not valid and was skipped`, parsed.error.issues);
      return [];
    }
    return [{ key: row.key, name: row.name, enabled: row.enabled, ...parsed.data }];
  });
}
