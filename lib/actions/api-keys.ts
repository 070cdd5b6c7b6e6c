"use server";

import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { createApiKey, revokeApiKey, type CreatedApiKey } from "@/lib/data/platform/api-keys";
import { ZApiKeyCreate } from "@/lib/validation/api";
import { notFound } from "@/lib/errors";
import { ZId } from "@/lib/validation/fields";
import { defineAction, type ActionResult } from "./safe-action";

const create = defineAction({
  schema: ZApiKeyCreate,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings/api-keys"],
  handler: (input, user) => createApiKey(input.name, { userId: user.id }),
});

const revoke = defineAction({
  schema: z.object({ id: ZId }),
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings/api-keys"],
  handler: async (input, user) => {
    const key = await revokeApiKey(input.id, { userId: user.id });
    if (!key) throw notFound("That key no longer exists.");
    return null;
  },
});

export async function createApiKeyAction(
  _prev: ActionResult<CreatedApiKey> | null,
  form: FormData,
): Promise<ActionResult<CreatedApiKey>> {
  return create(form);
}

export async function revokeApiKeyAction(form: FormData): Promise<void> {
  await revoke(form);
}
