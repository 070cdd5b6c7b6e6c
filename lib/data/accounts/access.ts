import "server-only";
import { db } from "@/lib/db";
import { can, canOnAnyAccount, type AccountAction, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

/**
 * Loads the ownership of an account by id and checks the actor may act on it: authorization
 * from the resource on the server, never from what the client claims. Throws the expected
 * errors the action pipeline turns into messages.
 */
export async function authorizeAccount(
  actor: Actor,
  accountId: number,
  action: AccountAction,
): Promise<{ id: number; externalId: string }> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { id: true, externalId: true, csmId: true, aeId: true },
  });
  // A missing account and someone else's answer alike unless the actor may act on any account.
  if (!account && canOnAnyAccount(actor, action)) throw new AppError("not_found", "That account no longer exists.");
  if (!account || !can(actor, action, account))
    throw new AppError("forbidden", "Only the account's CSM, a manager or an admin can change this account.");
  return { id: account.id, externalId: account.externalId };
}
