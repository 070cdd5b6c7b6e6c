"use server";

import { can } from "@/lib/auth/policy";
import { changePassword, createUser, updateUser, type UserSummary } from "@/lib/data/platform/users";
import { ZPasswordChange, ZUserCreate, ZUserUpdate } from "@/lib/validation/users";
import { defineAction, type ActionResult } from "./safe-action";

const create = defineAction({
  schema: ZUserCreate,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings"],
  handler: (input, user) => createUser(input, { userId: user.id }),
});

export async function createUserAction(
  _prev: ActionResult<UserSummary> | null,
  form: FormData,
): Promise<ActionResult<UserSummary>> {
  return create(form);
}

const update = defineAction({
  schema: ZUserUpdate,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings", "/settings/security"],
  handler: ({ id, role, active }, user) => updateUser(id, { role, active }, { userId: user.id }),
});

/** Changes a user's role or (de)activates them; either ends that user's sessions at once. */
export async function updateUserAction(
  _prev: ActionResult<UserSummary> | null,
  form: FormData,
): Promise<ActionResult<UserSummary>> {
  return update(form);
}

const passwordChange = defineAction({
  schema: ZPasswordChange,
  authorize: () => true,
  handler: async ({ currentPassword, newPassword }, user) => {
    await changePassword(user.id, currentPassword, newPassword, { userId: user.id });
    return null;
  },
});

/** The signed-in user changes their own password; every session of theirs ends. */
export async function changePasswordAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return passwordChange(form);
}
