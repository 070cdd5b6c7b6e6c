"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { can, canOnAnyAccount, type Actor } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { reactivateAccount, recordTermination } from "@/lib/data/offboarding/termination";
import {
  getItemOwnership,
  saveOffboardingDetails,
  setOffboardingItem,
  type ItemToggleResult,
} from "@/lib/data/offboarding/checklist";
import { accountPath, offboardingPath } from "@/lib/paths";
import { ZOffboardingDetails, ZOffboardingItemToggle, ZReactivation, ZTermination } from "@/lib/validation/offboarding";
import { AppError } from "@/lib/errors";
import { defineAction, type ActionResult } from "./safe-action";

// Offboarding and win-back. The CSM who owns the account (or a manager / admin) works the
// checklist, and an item's owner may tick their own item; terminations and reactivations are a
// manager's call. Who may act is decided from the stored account, never from the form.

const mayOffboard = (user: Actor) => can(user, "tasks:use");

/** Runs a write, then refreshes every page that shows the account's status. */
async function write<T>(externalId: string, run: () => Promise<T>): Promise<T> {
  const result = await run();
  revalidatePath(accountPath(externalId), "layout");
  revalidatePath("/former-customers");
  revalidatePath("/renewals");
  revalidatePath("/accounts");
  return result;
}

const saveDetails = defineAction({
  schema: ZOffboardingDetails,
  authorize: mayOffboard,
  handler: async ({ accountId, ...input }, user) => {
    const account = await authorizeAccount(user, accountId, "account:edit");
    return write(account.externalId, () => saveOffboardingDetails(account.externalId, input, { userId: user.id })).then(
      () => null,
    );
  },
});

const toggleItem = defineAction({
  schema: ZOffboardingItemToggle,
  authorize: mayOffboard,
  handler: async ({ accountId, key, done }, user): Promise<ItemToggleResult> => {
    const account = await getItemOwnership(accountId, key);
    // A missing account and someone else's answer alike unless the user may edit any account.
    if (!account && canOnAnyAccount(user, "account:edit"))
      throw new AppError("not_found", "That account no longer exists.");
    const ownsItem = account?.itemOwnerId === user.id;
    if (!account || (!ownsItem && !can(user, "account:edit", account))) {
      throw new AppError(
        "forbidden",
        "Only the account's CSM, the item's owner, a manager or an admin can tick this item.",
      );
    }
    return write(account.externalId, () => setOffboardingItem(account.externalId, key, done, { userId: user.id }));
  },
});

const terminate = defineAction({
  schema: ZTermination,
  authorize: (user) => can(user, "account:terminate"),
  handler: async ({ accountId, ...input }, user) => {
    const account = await authorizeAccount(user, accountId, "account:terminate");
    await write(account.externalId, () => recordTermination(account.externalId, input, { userId: user.id }));
    return offboardingPath(account.externalId);
  },
});

const reactivate = defineAction({
  schema: ZReactivation,
  authorize: (user) => can(user, "account:reactivate"),
  handler: async ({ accountId, ...input }, user) => {
    const account = await authorizeAccount(user, accountId, "account:reactivate");
    return write(account.externalId, () => reactivateAccount(account.externalId, input, { userId: user.id })).then(
      () => null,
    );
  },
});

export async function saveOffboardingDetailsAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return saveDetails(form);
}

export async function toggleOffboardingItemAction(input: {
  accountId: number;
  key: string;
  done: boolean;
}): Promise<ActionResult<ItemToggleResult>> {
  return toggleItem(input);
}

/** A termination lands on the offboarding checklist it started. */
export async function recordTerminationAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const result = await terminate(form);
  if (result.ok) redirect(result.data);
  return result;
}

export async function reactivateAccountAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return reactivate(form);
}
