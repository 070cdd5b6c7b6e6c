"use server";

import { can } from "@/lib/auth/policy";
import { createUser, EmailTakenError, type UserSummary } from "@/lib/data/platform/users";
import { ZUserCreate } from "@/lib/validation/users";
import { defineAction, ExpectedError, type ActionResult } from "./safe-action";

const create = defineAction({
  schema: ZUserCreate,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings"],
  handler: async (input, user) => {
    try {
      return await createUser(input, { userId: user.id });
    } catch (error) {
      if (error instanceof EmailTakenError) throw new ExpectedError("conflict", error.message);
      throw error;
    }
  },
});

export async function createUserAction(_prev: ActionResult<UserSummary> | null, form: FormData): Promise<ActionResult<UserSummary>> {
  return create(form);
}
