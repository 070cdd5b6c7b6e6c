"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { reassignAccount, reassignBook } from "@/lib/data/accounts/reassign";
import { describeReassign } from "@/lib/domain/reassign";
import { ZReassignAccount, ZReassignBook } from "@/lib/validation/reassign";
import { defineAction, type ActionResult } from "./safe-action";

const OWNER_PAGES = ["/accounts", "/tasks", "/renewals", "/reassign"];

const one = defineAction({
  schema: ZReassignAccount,
  authorize: (user) => can(user, "accounts:reassign"),
  revalidate: OWNER_PAGES,
  handler: async ({ accountId, role, toId }, user) => {
    const result = await reassignAccount(accountId, role, toId, user);
    revalidatePath(`/accounts/${result.externalId}`);
    return describeReassign(result, result.toName);
  },
});

/** Gives one account a new CSM or AE; the old owner's open tasks on it follow. */
export async function reassignAccountAction(
  _prev: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return one(form);
}

const book = defineAction({
  schema: ZReassignBook,
  authorize: (user) => can(user, "accounts:reassign"),
  revalidate: OWNER_PAGES,
  handler: async ({ role, fromId, toId }, user) => {
    const result = await reassignBook(role, fromId, toId, user);
    return describeReassign(result, result.toName);
  },
});

/** Moves a whole book from one CSM (or AE) to another, with the old owner's open tasks on it. */
export async function reassignBookAction(
  _prev: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return book(form);
}
