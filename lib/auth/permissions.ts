import type { Role } from "./roles";

/** Who is asking: the signed-in user (or an API key acting as an admin integration). */
export interface Actor {
  id: number;
  role: Role;
}

/** The ownership facts of an account that authorization needs. */
export interface AccountOwnership {
  csmId: number | null;
  aeId: number | null;
}

export type AccountAction =
  | "account:read"
  | "account:edit" // facts, contacts, touchpoints, surveys, tasks, overrides
  | "renewal:edit"
  | "expansion:edit";

export type GlobalAction =
  | "settings:manage" // users, health model, API keys, imports
  | "scorecard:read"
  | "scorecard:manage"
  | "team:read" // every CSM's book
  | "dashboards:read"; // lifecycle-stage dashboards

const GLOBAL_RULES: Record<GlobalAction, readonly Role[]> = {
  "settings:manage": ["admin"],
  "scorecard:read": ["admin", "manager", "executive"],
  "scorecard:manage": ["admin", "manager"],
  "team:read": ["admin", "manager", "executive"],
  "dashboards:read": ["admin", "manager", "executive", "csm"],
};

/** SPEC §1: CSMs edit the accounts they own, managers and admins edit all, AEs edit
 * renewals and expansion deals on their accounts, executives read. Everyone signed in reads. */
export function canOnAccount(actor: Actor, action: AccountAction, account: AccountOwnership): boolean {
  if (action === "account:read") return true;
  if (actor.role === "admin" || actor.role === "manager") return true;
  // Renewal forecasts and expansion deals belong to the AE, not the CSM.
  if (actor.role === "csm") return action === "account:edit" && account.csmId === actor.id;
  if (actor.role === "ae") {
    return (action === "renewal:edit" || action === "expansion:edit") && account.aeId === actor.id;
  }
  return false;
}

export function can(actor: Actor, action: GlobalAction): boolean {
  return GLOBAL_RULES[action].includes(actor.role);
}

/**
 * Whether the actor may act on any account, owned by anyone. Only then may a write say "no such
 * account": to anyone else a missing account and someone else's get the same "forbidden", so
 * the answer does not reveal which ids exist (OWASP ASVS 4.2.1).
 */
export function canOnAnyAccount(actor: Actor, action: AccountAction): boolean {
  return canOnAccount(actor, action, { csmId: null, aeId: null });
}
