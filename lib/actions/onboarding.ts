"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { updateOnboarding } from "@/lib/data/onboarding/plan";
import { accountPath } from "@/lib/paths";
import { ZOnboardingAction } from "@/lib/validation/onboarding";
import { ZSuccessPlanForm } from "@/lib/validation/success-plan";
import { upsertSuccessPlan } from "@/lib/data/renewals/commercial";
import { defineAction, type ActionResult } from "./safe-action";

// The onboarding plan and the success plan on the account page: the account's CSM (or a
// manager / admin) ticks checklist items, completes milestones, keeps their notes and edits
// the desired outcomes.

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

const saveOutcome = defineAction({
  schema: ZSuccessPlanForm,
  authorize: (user) => can(user, "account:edit"),
  handler: async ({ accountId, key, input }, user) => {
    const account = await authorizeAccount(user, accountId, "account:edit");
    await upsertSuccessPlan(account.externalId, key, input, { userId: user.id });
    revalidatePath(accountPath(account.externalId));
    return null;
  },
});

/** Adds or edits one outcome of the account's success plan (the account page's form). */
export async function saveSuccessPlanAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return saveOutcome(form);
}
