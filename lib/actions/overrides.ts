"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { clearOverride, setOverride } from "@/lib/data/accounts/overrides";
import { ZOverrideClear, ZOverrideSet } from "@/lib/validation/overrides";
import { defineAction, type ActionResult } from "./safe-action";

const set = defineAction({
  schema: ZOverrideSet,
  authorize: (user) => can(user, "account:edit"),
  handler: async (input, user) => {
    const account = await authorizeAccount(user, input.accountId, "account:edit");
    await setOverride(account.id, input.band, input.reason, { userId: user.id });
    revalidatePath(`/accounts/${account.externalId}`);
    return null;
  },
});

const clear = defineAction({
  schema: ZOverrideClear,
  authorize: (user) => can(user, "account:edit"),
  handler: async (input, user) => {
    const account = await authorizeAccount(user, input.accountId, "account:edit");
    await clearOverride(account.id, { userId: user.id });
    revalidatePath(`/accounts/${account.externalId}`);
    return null;
  },
});

export async function setOverrideAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return set(form);
}

export async function clearOverrideAction(form: FormData): Promise<void> {
  await clear(form);
}
