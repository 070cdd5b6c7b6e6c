"use server";

import { can } from "@/lib/auth/permissions";
import { createUser, type UserSummary } from "@/lib/data/users";
import { ZUserCreate } from "@/lib/validation/users";
import { defineAction, type ActionResult } from "./safe-action";

const create = defineAction({
  schema: ZUserCreate,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings"],
  handler: (input, user) => createUser(input, { userId: user.id }),
});

export async function createUserAction(_prev: ActionResult<UserSummary> | null, form: FormData): Promise<ActionResult<UserSummary>> {
  return create(form);
}
