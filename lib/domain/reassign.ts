// Reassigning accounts: which owner a reassignment moves, and who may receive it.

export const OWNER_ROLES = ["csm", "ae"] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export const OWNER_ROLE_LABELS: Record<OwnerRole, string> = { csm: "CSM", ae: "AE" };

/** The account column each owner role fills. */
export const OWNER_FIELD = { csm: "csmId", ae: "aeId" } as const satisfies Record<OwnerRole, string>;

export interface ReassignResult {
  accounts: number;
  tasks: number;
}

/** Why a reassignment cannot go ahead, in words for the screen; null when it can. */
export function reassignProblem(
  role: OwnerRole,
  fromId: number | null,
  to: { id: number; role: string; active: boolean } | null,
): string | null {
  if (!to || !to.active) return "Pick an active person to hand the accounts to.";
  if (to.role !== role) return `The new owner must be a ${OWNER_ROLE_LABELS[role]}.`;
  if (fromId === to.id) return "The new owner is already the owner.";
  return null;
}

/** The sentence a form shows after a reassignment. */
export function describeReassign(result: ReassignResult, toName: string): string {
  if (result.accounts === 0) return `Nothing to move: ${toName} already owns these accounts.`;
  const accounts = `${result.accounts} account${result.accounts === 1 ? "" : "s"}`;
  const tasks = `${result.tasks} open task${result.tasks === 1 ? "" : "s"}`;
  return `Moved ${accounts} and ${tasks} to ${toName}.`;
}
