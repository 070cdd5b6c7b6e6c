import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { getSessionUserOnce, type UserSummary } from "@/lib/data/platform/users";
import { authOptions } from "./options";
import { can, type GlobalAction } from "./policy";

export type CurrentUser = UserSummary;

/**
 * The signed-in user, read fresh from the database once per request, so a deactivated user
 * or a changed role takes effect at once rather than when the session cookie expires. A
 * session issued before the user's last sign-out, password change, deactivation or role
 * change carries an older sessionVersion and counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  const user = await getSessionUserOnce(id);
  if (!user?.active || user.sessionVersion !== session?.user.sv) return null;
  const { sessionVersion: _sv, ...current } = user;
  return current;
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages and exports: the user if the policy allows the action, otherwise the 403 "not allowed" page. */
export async function requirePermission(action: GlobalAction): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
