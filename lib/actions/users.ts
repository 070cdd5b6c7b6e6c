"use server";

import { can } from "@/lib/auth/policy";
import { generateTemporaryPassword } from "@/lib/auth/password";
import { changePassword, createUser, setPassword, updateUser, type UserSummary } from "@/lib/data/platform/users";
import { conflict } from "@/lib/errors";
import { ZPasswordChange, ZPasswordReset, ZUserCreate, ZUserUpdate } from "@/lib/validation/users";
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

const passwordReset = defineAction({
  schema: ZPasswordReset,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings/security"],
  handler: async ({ id, password }, user) => {
    if (id === user.id) throw conflict("Change your own password under Password, with your current one.");
    const chosen = password ?? generateTemporaryPassword();
    await setPassword(id, chosen, { userId: user.id });
    // A generated password is shown once, to the admin who asked; a typed one is never echoed.
    return { generated: password ? null : chosen };
  },
});

/** An admin resets a user's password (typed, or generated and shown once); their sessions end. */
export async function resetPasswordAction(
  _prev: ActionResult<{ generated: string | null }> | null,
  form: FormData,
): Promise<ActionResult<{ generated: string | null }>> {
  return passwordReset(form);
}
