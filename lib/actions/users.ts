"use server";

import { can } from "@/lib/auth/policy";
import { changePassword, createUser, EmailTakenError, LastAdminError, updateUser, UserNotFoundError, WrongPasswordError, type UserSummary } from "@/lib/data/platform/users";
import { ZPasswordChange, ZUserCreate, ZUserUpdate } from "@/lib/validation/users";
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

const update = defineAction({
  schema: ZUserUpdate,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/settings", "/settings/security"],
  handler: async ({ id, role, active }, user) => {
    try {
      return await updateUser(id, { role, active }, { userId: user.id });
    } catch (error) {
      if (error instanceof UserNotFoundError) throw new ExpectedError("not_found", error.message);
      if (error instanceof LastAdminError) throw new ExpectedError("conflict", error.message);
      throw error;
    }
  },
});

/** Changes a user's role or (de)activates them; either ends that user's sessions at once. */
export async function updateUserAction(_prev: ActionResult<UserSummary> | null, form: FormData): Promise<ActionResult<UserSummary>> {
  return update(form);
}

const passwordChange = defineAction({
  schema: ZPasswordChange,
  authorize: () => true,
  handler: async ({ currentPassword, newPassword }, user) => {
    try {
      await changePassword(user.id, currentPassword, newPassword, { userId: user.id });
      return null;
    } catch (error) {
      if (error instanceof WrongPasswordError) {
        throw new ExpectedError("invalid", "Some fields need attention.", [{ path: "currentPassword", message: error.message }]);
      }
      throw error;
    }
  },
});

/** The signed-in user changes their own password; every session of theirs ends. */
export async function changePasswordAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return passwordChange(form);
}
