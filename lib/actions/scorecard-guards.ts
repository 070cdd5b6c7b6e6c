import "server-only";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { isAssignableOwner } from "@/lib/data/scorecard/scorecard";
import { ExpectedError } from "./safe-action";

// Shared by the scorecard's and the rocks' actions: who may change them, and their owner check.

/** Managers and admins shape the scorecard and rocks; everyone else only reads them (or not at all). */
export const mayManageScorecard = (user: CurrentUser) => can(user, "scorecard:manage");

export async function assertOwner(ownerId: number | null): Promise<void> {
  if (ownerId === null || (await isAssignableOwner(ownerId))) return;
  throw new ExpectedError("invalid", "Pick an active team member as the owner.", [{ path: "ownerId", message: "Pick an active team member." }]);
}

/** Runs a write, turning "that record no longer exists" into the action pipeline's not_found. */
export async function orNotFound<T>(run: () => Promise<T>, notFound: new () => Error): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof notFound) throw new ExpectedError("not_found", error.message);
    throw error;
  }
}
