"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { logAdvocacy } from "@/lib/data/advocacy/advocacy";
import { mergeThemes, updateTheme } from "@/lib/data/feedback/feedback";
import { ZAdvocacyForm, ZThemeMergeForm, ZThemeUpdateForm } from "@/lib/validation/growth";
import { defineAction, type ActionResult } from "./safe-action";

// Advocacy asks from the account page, and the manager's work on feedback themes.

const logAsk = defineAction({
  schema: ZAdvocacyForm,
  authorize: (user) => can(user, "advocacy:log"),
  handler: async ({ accountId, ...input }, user) => {
    const account = await authorizeAccount(user, accountId, "advocacy:log");
    const { warning } = await logAdvocacy(account.externalId, input, { userId: user.id });
    revalidatePath(`/accounts/${account.externalId}`);
    return { warning };
  },
  revalidate: ["/voice"],
});

const updateThemeForm = defineAction({
  schema: ZThemeUpdateForm,
  authorize: (user) => can(user, "feedback:manage"),
  handler: async ({ themeId, ...input }, user) => {
    await updateTheme(themeId, input, { userId: user.id });
    return null;
  },
  revalidate: ["/voice"],
});

const mergeThemeForm = defineAction({
  schema: ZThemeMergeForm,
  authorize: (user) => can(user, "feedback:manage"),
  handler: async ({ sourceId, targetId }, user) => {
    await mergeThemes(sourceId, targetId, { userId: user.id });
    return null;
  },
  revalidate: ["/voice"],
});

export async function logAdvocacyAction(
  _prev: ActionResult<{ warning: string | null }> | null,
  form: FormData,
): Promise<ActionResult<{ warning: string | null }>> {
  return logAsk(form);
}

export async function updateThemeAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return updateThemeForm(form);
}

export async function mergeThemeAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return mergeThemeForm(form);
}
