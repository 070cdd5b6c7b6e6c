import "server-only";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { isAssignableOwner } from "@/lib/data/scorecard/scorecard";
import { invalidInput } from "@/lib/errors";

// Shared by the scorecard's and the rocks' actions: who may change them, and their owner check.

/** Managers and admins shape the scorecard and rocks; everyone else only reads them (or not at all). */
export const mayManageScorecard = (user: CurrentUser) => can(user, "scorecard:manage");

export async function assertOwner(ownerId: number | null): Promise<void> {
  if (ownerId === null || (await isAssignableOwner(ownerId))) return;
  throw invalidInput(
    [{ path: "ownerId", message: "Pick an active team member." }],
    "Pick an active team member as the owner.",
  );
}
