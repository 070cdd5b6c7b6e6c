"use server";

import { can } from "@/lib/auth/policy";
import { savePlaybook } from "@/lib/data/playbooks/admin";
import { ZPlaybookSave } from "@/lib/validation/playbooks";
import { defineAction, type ActionResult } from "./safe-action";

const save = defineAction({
  schema: ZPlaybookSave,
  authorize: (user) => can(user, "playbooks:manage"),
  revalidate: ["/settings/playbooks"],
  handler: (input, user) => savePlaybook(input, { userId: user.id }),
});

export async function savePlaybookAction(input: unknown): Promise<ActionResult<{ key: string }>> {
  return save(input);
}
