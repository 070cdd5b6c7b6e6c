import { z } from "zod";
import { ZRuleDefinition } from "@/lib/domain/playbooks";

/** An admin's edit of one playbook rule (Settings → Playbooks). */
export const ZPlaybookSave = z.object({
  key: z.string().min(1),
  name: z.string().trim().min(1, "Name the playbook.").max(120, "Keep the name under 120 characters."),
  enabled: z.boolean(),
  definition: ZRuleDefinition,
});
export type TPlaybookSave = z.infer<typeof ZPlaybookSave>;
