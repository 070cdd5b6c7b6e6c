"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { setStageOverride } from "@/lib/data/accounts/lifecycle-stages";
import { ZStageOverride } from "@/lib/validation/scorecard";
import { defineAction, type ActionResult } from "./safe-action";

// A CSM (on their own accounts) or a manager sets or clears an account's stage by hand.
const override = defineAction({
  schema: ZStageOverride,
  authorize: (user) => can(user, "account:set-stage"),
  handler: async (input, user) => {
    const account = await authorizeAccount(user, input.accountId, "account:set-stage");
    await setStageOverride(db, account.id, input.stage, input.reason, { userId: user.id });
    revalidatePath(`/accounts/${account.externalId}`);
    return null;
  },
});

export async function setStageOverrideAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return override(form);
}
