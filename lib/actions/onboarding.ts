"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { updateOnboarding } from "@/lib/data/onboarding/plan";
import { accountPath } from "@/lib/paths";
import { ZOnboardingAction } from "@/lib/validation/onboarding";
import { defineAction, type ActionResult } from "./safe-action";

// The onboarding plan on the account page and the onboarding board: the account's CSM (or a
// manager / admin) ticks checklist items, completes milestones and keeps their notes.

const update = defineAction({
  schema: ZOnboardingAction,
  authorize: (user) => can(user, "account:edit"),
  handler: async ({ accountId, key, ...input }, user) => {
    const account = await authorizeAccount(user, accountId, "account:edit");
    const plan = await updateOnboarding(account.externalId, key, input, { userId: user.id });
    revalidatePath(accountPath(account.externalId));
    revalidatePath("/onboarding");
    revalidatePath("/home");
    return plan;
  },
});

export type OnboardingActionInput = {
  accountId: number;
  key: string;
  done?: boolean;
  completedAt?: string | null;
  dueDate?: string;
  challenges?: string | null;
  issues?: string | null;
};

export async function updateOnboardingAction(
  input: OnboardingActionInput,
): Promise<ActionResult<Awaited<ReturnType<typeof updateOnboarding>>>> {
  return update(input);
}
