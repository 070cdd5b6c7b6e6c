"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { saveProduct, saveWhitespaceCell } from "@/lib/data/whitespace/whitespace";
import { ZProductForm, ZWhitespaceForm } from "@/lib/validation/growth";
import { defineAction, type ActionResult } from "./safe-action";

// The whitespace matrix's writes, through the same functions as the API, as the signed-in user.

const saveProductForm = defineAction({
  schema: ZProductForm,
  authorize: (user) => can(user, "products:manage"),
  handler: async ({ key, ...input }, user) => {
    await saveProduct(key, input, { userId: user.id });
    return null;
  },
  revalidate: ["/whitespace"],
});

const saveCellForm = defineAction({
  schema: ZWhitespaceForm,
  authorize: (user) => can(user, "whitespace:edit"),
  handler: async ({ accountId, product, ...input }, user) => {
    const account = await authorizeAccount(user, accountId, "whitespace:edit");
    await saveWhitespaceCell(account.externalId, product, input, { userId: user.id });
    revalidatePath(`/accounts/${account.externalId}`);
    return null;
  },
  revalidate: ["/whitespace"],
});

export async function saveProductAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return saveProductForm(form);
}

export async function saveWhitespaceAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return saveCellForm(form);
}
