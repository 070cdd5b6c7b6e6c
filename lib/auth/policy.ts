// The one authorization policy: every role question in Bowtie (pages, navigation, server
// actions, API-facing data functions and exports) is asked as can(actor, action, resource?).
// tests/unit/policy.test.ts holds the whole matrix of role × action × own / other resource:
// it is the specification of who may do what (SPEC §1).
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

/** A task, or a checklist item, belongs to the user it is assigned to. */
export interface OwnedItem {
  ownerId: number | null;
}

/** Actions on one account, decided from the stored account's CSM and AE. */
export type AccountAction =
  | "account:read"
  | "account:edit" // facts, contacts, touchpoints, surveys, tasks, overrides, offboarding checklist
  | "account:set-stage" // manual lifecycle stage
  | "account:terminate" // record a termination (churns the account)
  | "account:reactivate" // win a former customer back
  | "renewal:edit" // forecast and outcome
  | "expansion:edit"
  | "whitespace:edit" // impact, critical event and decision notes of the account's cells
  | "advocacy:log" // asks of the account's advocates
  | "account-plan:edit"; // the account plan: impact, critical event, stakeholders, risks, next steps

/** Actions on a task or checklist item, decided from its owner. */
export type ItemAction = "task:work"; // complete or reopen

/** Actions that depend on the role alone. */
export type GlobalAction =
  | "accounts:list" // the triage list (a CSM sees their own book; executives read it)
  | "accounts:export"
  | "accounts:reassign" // move one account or a whole book to another CSM or AE
  | "tasks:use" // the task inbox: have tasks, add them to accounts
  | "tasks:team" // every owner's open tasks, by owner
  | "renewals:read" // the renewal pipeline and forecast
  | "portfolio:read"
  | "former-customers:read"
  | "settings:manage" // users, health model, API keys, imports
  | "jobs:view" // the background job queue: recent jobs, their state and errors
  | "playbooks:manage" // playbook rules and their noise report
  | "scorecard:read"
  | "scorecard:manage"
  | "scorecard:own" // may own a measurable or a rock
  | "team:read" // every CSM's book
  | "dashboards:read" // lifecycle-stage dashboards
  | "score-quality:read" // the health backtest: how well the score predicted renewals; run it now
  | "expansion:read" // the expansion pipeline and the expansion-ready list
  | "whitespace:read" // the whitespace matrix
  | "products:manage" // the product catalogue
  | "voice:read" // advocacy overview and feedback themes
  | "feedback:manage" // theme status, escalation to product, merging duplicates
  | "my-day:read" // the "My day" home: one's own tasks, meetings, band changes, milestones
  | "onboarding:read"; // the onboarding board (a CSM sees their own book)

export type Action = AccountAction | ItemAction | GlobalAction;

const EVERYONE: readonly Role[] = ["admin", "manager", "csm", "ae", "executive"];
const MANAGERS: readonly Role[] = ["admin", "manager"];
const WORKERS: readonly Role[] = ["admin", "manager", "csm", "ae"]; // everyone but the read-only executive

const GLOBAL_RULES: Record<GlobalAction, readonly Role[]> = {
  "accounts:list": EVERYONE,
  "accounts:export": WORKERS,
  "accounts:reassign": MANAGERS,
  "tasks:use": WORKERS,
  "tasks:team": MANAGERS,
  "renewals:read": ["admin", "manager", "ae", "executive"],
  "portfolio:read": EVERYONE,
  "former-customers:read": EVERYONE,
  "settings:manage": ["admin"],
  "jobs:view": ["admin"],
  "playbooks:manage": ["admin"],
  "scorecard:read": ["admin", "manager", "executive"],
  "scorecard:manage": MANAGERS,
  "scorecard:own": WORKERS,
  "team:read": ["admin", "manager", "executive"],
  "dashboards:read": ["admin", "manager", "executive", "csm"],
  "score-quality:read": MANAGERS,
  "expansion:read": EVERYONE,
  "whitespace:read": EVERYONE,
  "products:manage": ["admin"],
  "voice:read": EVERYONE,
  "feedback:manage": MANAGERS,
  "my-day:read": WORKERS,
  "onboarding:read": ["admin", "manager", "executive", "csm"],
};

/**
 * Per account action: the roles that may act on every account, and the owner field that lets
 * a role act on the accounts it owns. CSMs edit their accounts; AEs own renewals and expansion
 * deals on theirs; managers and admins act on all; executives read.
 */
const ACCOUNT_RULES: Record<
  AccountAction,
  { all: readonly Role[]; own: Partial<Record<Role, keyof AccountOwnership>> }
> = {
  "account:read": { all: EVERYONE, own: {} },
  "account:edit": { all: MANAGERS, own: { csm: "csmId" } },
  "account:set-stage": { all: MANAGERS, own: { csm: "csmId" } },
  "account:terminate": { all: MANAGERS, own: {} },
  "account:reactivate": { all: MANAGERS, own: {} },
  "renewal:edit": { all: MANAGERS, own: { ae: "aeId" } },
  "expansion:edit": { all: MANAGERS, own: { ae: "aeId" } },
  "whitespace:edit": { all: MANAGERS, own: { ae: "aeId", csm: "csmId" } },
  "advocacy:log": { all: MANAGERS, own: { ae: "aeId", csm: "csmId" } },
  "account-plan:edit": { all: MANAGERS, own: { ae: "aeId", csm: "csmId" } },
};

/** Tasks: a user works their own; managers and admins work anyone's. */
const ITEM_RULES: Record<ItemAction, { all: readonly Role[]; own: readonly Role[] }> = {
  "task:work": { all: MANAGERS, own: WORKERS },
};

const isAccountAction = (action: Action): action is AccountAction => action in ACCOUNT_RULES;
const isItemAction = (action: Action): action is ItemAction => action in ITEM_RULES;

/**
 * May `actor` do `action`? For an account or item action, pass the resource to get the exact
 * answer; without one, the answer is whether the role may do it on some resource at all (the
 * first filter a server action applies before it loads anything).
 */
export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: AccountAction, account?: AccountOwnership): boolean;
export function can(actor: Actor, action: ItemAction, item?: OwnedItem): boolean;
export function can(actor: Actor, action: Action, resource?: AccountOwnership | OwnedItem): boolean {
  if (isAccountAction(action)) {
    const rule = ACCOUNT_RULES[action];
    if (rule.all.includes(actor.role)) return true;
    const field = rule.own[actor.role];
    if (!field) return false;
    if (!resource) return true;
    return (resource as AccountOwnership)[field] === actor.id;
  }
  if (isItemAction(action)) {
    const rule = ITEM_RULES[action];
    if (rule.all.includes(actor.role)) return true;
    if (!rule.own.includes(actor.role)) return false;
    return !resource || (resource as OwnedItem).ownerId === actor.id;
  }
  return GLOBAL_RULES[action].includes(actor.role);
}

/**
 * Whether the actor may act on any account, owned by anyone. Only then may a write say "no such
 * account": to anyone else a missing account and someone else's get the same "forbidden", so
 * the answer does not reveal which ids exist (OWASP ASVS 4.2.1).
 */
export function canOnAnyAccount(actor: Actor, action: AccountAction): boolean {
  return can(actor, action, { csmId: null, aeId: null });
}
