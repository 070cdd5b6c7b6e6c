// Offboarding (SPEC §4, account termination) as pure rules: the churn-reason taxonomy, the
// checklist with each item's owner and due date, what an item needs before it can be ticked,
// when the offboarding is complete, and how a churned account's status reads. The data layer
// (lib/data/offboarding/checklist.ts) reads the facts, asks these functions and writes the answer.
import { addDays, daysBetween, type IsoDate } from "./dates";

// ---------------------------------------------------------------------------------------------
// Churn reasons: a fixed taxonomy (so reasons can be counted) plus free-text notes.

export const CHURN_REASON_KEYS = [
  "product_gap",
  "no_value",
  "budget",
  "champion_left",
  "acquired",
  "competitor",
  "out_of_business",
  "other",
] as const;

export type ChurnReason = (typeof CHURN_REASON_KEYS)[number];

export const CHURN_REASON_LABELS: Record<ChurnReason, string> = {
  product_gap: "Product gap",
  no_value: "No value realised",
  budget: "Budget",
  champion_left: "Champion left",
  acquired: "Acquired / merged",
  competitor: "Moved to a competitor",
  out_of_business: "Out of business",
  other: "Other",
};

export function isChurnReason(value: string): value is ChurnReason {
  return (CHURN_REASON_KEYS as readonly string[]).includes(value);
}

/** A stored reason for display: the taxonomy label, or the text itself for reasons recorded before the taxonomy. */
export function churnReasonLabel(value: string): string {
  return isChurnReason(value) ? CHURN_REASON_LABELS[value] : value;
}

// ---------------------------------------------------------------------------------------------
// The checklist

export const OFFBOARDING_ITEM_KEYS = [
  "access_off_date_agreed",
  "access_turned_off",
  "systems_updated",
  "removed_from_lists",
  "churn_reasons_captured",
  "exit_interview",
  "reasons_circulated",
  "win_back_list",
] as const;

export type OffboardingItemKey = (typeof OFFBOARDING_ITEM_KEYS)[number];

export type ItemOwnerRole = "csm" | "ae" | "manager";

export interface OffboardingItemDefinition {
  key: OffboardingItemKey;
  title: string;
  owner: ItemOwnerRole;
  /** Days after the offboarding starts that the item is due. */
  dueInDays: number;
}

// The CSM runs the checklist. The AE agrees the access-off date with finance and legal (it is a
// contract matter) and keeps the win-back list; the manager circulates the reasons to product,
// sales and CS leadership. Due dates follow the order the work happens in.
export const OFFBOARDING_ITEMS: readonly OffboardingItemDefinition[] = [
  { key: "access_off_date_agreed", title: "Access-off date agreed with finance and legal", owner: "ae", dueInDays: 7 },
  { key: "access_turned_off", title: "Access turned off on the agreed date", owner: "csm", dueInDays: 30 },
  { key: "systems_updated", title: "CRM and CS systems updated", owner: "csm", dueInDays: 7 },
  { key: "removed_from_lists", title: "Removed from customer email lists", owner: "csm", dueInDays: 7 },
  { key: "churn_reasons_captured", title: "Churn reasons captured", owner: "csm", dueInDays: 7 },
  { key: "exit_interview", title: "Exit interview held", owner: "csm", dueInDays: 14 },
  {
    key: "reasons_circulated",
    title: "Churn reasons circulated to product, sales and CS",
    owner: "manager",
    dueInDays: 21,
  },
  { key: "win_back_list", title: "Added to the former-customer list for win-back", owner: "ae", dueInDays: 30 },
];

export interface OffboardingOwners {
  csmId: number | null;
  aeId: number | null;
  /** The first active manager (lib/domain/playbooks.ts playbookManager). */
  managerId: number | null;
}

/** An item's owner: its role's person, else the CSM, else the manager, so no step goes unowned. */
export function itemOwner(owner: ItemOwnerRole, owners: OffboardingOwners): number | null {
  const named = owner === "ae" ? owners.aeId : owner === "manager" ? owners.managerId : owners.csmId;
  return named ?? owners.csmId ?? owners.managerId;
}

export interface PlannedItem {
  key: OffboardingItemKey;
  title: string;
  ownerId: number | null;
  dueDate: IsoDate;
}

/** The checklist an offboarding starts with. */
export function planOffboarding(startedOn: IsoDate, owners: OffboardingOwners): PlannedItem[] {
  return OFFBOARDING_ITEMS.map((item) => ({
    key: item.key,
    title: item.title,
    ownerId: itemOwner(item.owner, owners),
    dueDate: addDays(startedOn, item.dueInDays),
  }));
}

/** Once agreed, access goes off on the access-off date: that is when the item is due. */
export function accessTurnedOffDue(startedOn: IsoDate, accessOffDate: IsoDate | null): IsoDate {
  return (
    accessOffDate ?? addDays(startedOn, OFFBOARDING_ITEMS.find((i) => i.key === "access_turned_off")?.dueInDays ?? 30)
  );
}

export interface OffboardingState {
  accessOffDate: IsoDate | null;
  churnReasons: readonly string[];
}

/**
 * Why an item cannot be ticked yet, or null. Items that record a fact need the fact: the date
 * before it is agreed, the date reached before access is off, reasons before they are captured
 * or circulated.
 */
export function itemBlocker(key: OffboardingItemKey, state: OffboardingState, today: IsoDate): string | null {
  switch (key) {
    case "access_off_date_agreed":
      return state.accessOffDate ? null : "Set the access-off date first.";
    case "access_turned_off":
      if (!state.accessOffDate) return "Set the access-off date first.";
      return state.accessOffDate > today ? `Access goes off on ${state.accessOffDate}, not before.` : null;
    case "churn_reasons_captured":
    case "reasons_circulated":
      return state.churnReasons.length > 0 ? null : "Pick at least one churn reason first.";
    default:
      return null;
  }
}

export interface ItemProgress {
  dueDate: IsoDate;
  done: boolean;
}

export interface OffboardingProgress {
  done: number;
  total: number;
  overdue: number;
  complete: boolean;
}

export function offboardingProgress(items: readonly ItemProgress[], today: IsoDate): OffboardingProgress {
  const done = items.filter((i) => i.done).length;
  const overdue = items.filter((i) => !i.done && daysBetween(today, i.dueDate) < 0).length;
  return { done, total: items.length, overdue, complete: items.length > 0 && done === items.length };
}

/** Churn reasons not yet circulated as feedback items (circulating twice must not duplicate them). */
export function reasonsToCirculate(reasons: readonly string[], circulated: readonly string[]): string[] {
  const seen = new Set(circulated);
  return [...new Set(reasons)].filter((r) => !seen.has(r));
}

// ---------------------------------------------------------------------------------------------
// Status

export type AccountStatusLabel = "Active" | "Offboarding" | "Churned";

/**
 * How an account's status reads: a churned account is "Offboarding" while its latest
 * offboarding is open, "Churned" once it is complete (or when it has none).
 */
export function accountStatusLabel(
  status: "active" | "churned",
  offboarding: { completed: boolean } | null,
): AccountStatusLabel {
  if (status === "active") return "Active";
  return offboarding && !offboarding.completed ? "Offboarding" : "Churned";
}

// ---------------------------------------------------------------------------------------------
// Termination and win-back

/** What is wrong with a termination date, or null: a contract cannot end before it started. */
export function terminationProblem(contractStart: IsoDate, terminatedOn: IsoDate): string | null {
  return terminatedOn < contractStart
    ? `The contract started on ${contractStart}; the termination cannot be earlier.`
    : null;
}

export interface NewContract {
  contractStart: IsoDate;
  renewalDate: IsoDate;
}

/** What is wrong with a win-back contract's dates, or null. */
export function newContractProblem(
  contract: NewContract,
  churnedAt: IsoDate | null,
): { path: string; message: string } | null {
  if (contract.renewalDate <= contract.contractStart)
    return { path: "renewalDate", message: "The renewal date must come after the contract start." };
  if (churnedAt && contract.contractStart < churnedAt)
    return { path: "contractStart", message: `The new contract cannot start before the churn on ${churnedAt}.` };
  return null;
}
