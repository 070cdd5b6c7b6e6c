"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { saveAccountPlan } from "@/lib/data/accounts/account-plan";
import { accountPlanPath } from "@/lib/paths";
import { ZAccountPlanForm } from "@/lib/validation/account-plan";
import type { TAccountPlanInput } from "@/lib/validation/account-plan";
import { defineAction, type ActionResult } from "./safe-action";

// The account plan page's save, through the same function as the API, as the signed-in user.
const savePlan = defineAction({
  schema: ZAccountPlanForm,
  authorize: (user) => can(user, "account-plan:edit"),
  handler: async ({ accountId, ...plan }, user) => {
    const account = await authorizeAccount(user, accountId, "account-plan:edit");
    const { record } = await saveAccountPlan(account.externalId, plan, { userId: user.id });
    revalidatePath(accountPlanPath(account.externalId));
    return { version: record.version };
  },
});

export async function saveAccountPlanAction(
  input: TAccountPlanInput & { accountId: number },
): Promise<ActionResult<{ version: number }>> {
  return savePlan(input);
}
