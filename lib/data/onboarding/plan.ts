import "server-only";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { daysBetween, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  isChecklistKey,
  MILESTONE_KEYS,
  milestoneDueDate,
  onboardingPlan,
  type MilestoneKey,
  type MilestoneView,
  type OnboardingPlan,
} from "@/lib/domain/onboarding";
import type { TOnboardingKey, TOnboardingUpdate } from "@/lib/validation/onboarding";
import type { AuditActor } from "../platform/audit";
import { recordAudit } from "../platform/audit";
import {
  accountNotFound,
  dateOnly,
  invalidInput,
  isoOrNull,
  lockAccount,
  inTransaction,
  type Tx,
} from "../accounts/write";
import type { Db } from "@/lib/db/types";

// An account's onboarding plan (issue 13 item 1): the checklist and milestones as the domain
// derives them, merged with what was stored. Milestone rows are what the onboarding metrics and
// dashboard read (completion, time to value), so completing a milestone here moves them.

export interface MilestoneWithOwner extends MilestoneView {
  ownerName: string | null;
}

export interface AccountOnboarding extends Omit<OnboardingPlan, "milestones"> {
  milestones: MilestoneWithOwner[];
}

async function loadPlan(client: Db, account: { id: number; contractStart: Date; csm: { name: string } | null }) {
  const [milestones, checklist] = await Promise.all([
    client.onboardingMilestone.findMany({
      where: { accountId: account.id },
      include: { owner: { select: { name: true } } },
    }),
    client.onboardingChecklistItem.findMany({ where: { accountId: account.id } }),
  ]);
  const plan = onboardingPlan(
    toIsoDate(account.contractStart),
    {
      milestones: milestones.map((m) => ({
        key: m.key,
        dueDate: toIsoDate(m.targetDate),
        completedAt: isoOrNull(m.reachedAt),
        ownerId: m.ownerId,
        challenges: m.challenges,
        issues: m.issues,
      })),
      checklist: checklist.map((i) => ({ key: i.key, doneAt: isoOrNull(i.doneAt) })),
    },
    clock.today(),
  );
  const owners = new Map(milestones.map((m) => [m.key, m.owner?.name ?? null]));
  return {
    ...plan,
    milestones: plan.milestones.map((m) => ({ ...m, ownerName: owners.get(m.key) ?? account.csm?.name ?? null })),
  };
}

const accountSelect = { id: true, contractStart: true, csm: { select: { name: true } } } as const;

/**
 * The plan of an account in its first year (null before its start or after its first year). The
 * account page passes the contract start and CSM it has read already: no query after the first year.
 */
export async function getOnboarding(
  accountId: number,
  known?: { contractStart: IsoDate; csm: { name: string } | null },
): Promise<AccountOnboarding | null> {
  const account = known
    ? { id: accountId, contractStart: dateOnly(known.contractStart), csm: known.csm && { name: known.csm.name } }
    : await db.account.findUnique({ where: { id: accountId }, select: accountSelect });
  if (!account) return null;
  const age = daysBetween(toIsoDate(account.contractStart), clock.today());
  return age < 0 || age > 365 ? null : loadPlan(db, account);
}

/** The API's view: `{checklist:[{key,title,done,doneAt}], milestones:[{key,title,dueDate,status,completedAt}]}`. */
export async function getOnboardingByExternalId(externalId: string) {
  const account = await db.account.findUnique({ where: { externalId }, select: accountSelect });
  if (!account) throw accountNotFound(externalId);
  return toApiView(await loadPlan(db, account));
}

function toApiView(plan: AccountOnboarding) {
  return {
    progress: plan.progress,
    checklist: plan.checklist.map(({ key, title, dueDate, done, doneAt }) => ({ key, title, dueDate, done, doneAt })),
    milestones: plan.milestones.map(({ key, title, dueDate, status, completedAt, ownerName, challenges, issues }) => ({
      key,
      title,
      dueDate,
      status,
      completedAt,
      owner: ownerName,
      challenges,
      issues,
    })),
  };
}

/**
 * Ticks a checklist item or updates a milestone, audited, in one transaction. Repeating the same
 * update changes nothing (a done item keeps the day it was first done).
 */
export async function updateOnboarding(
  externalId: string,
  key: TOnboardingKey,
  input: TOnboardingUpdate,
  actor: AuditActor,
  outerTx?: Tx,
) {
  checkFields(key, input);
  return inTransaction(outerTx, async (tx) => {
    const locked = await lockAccount(tx, externalId);
    if (!locked) throw accountNotFound(externalId);
    const account = await tx.account.findUniqueOrThrow({ where: { id: locked.id }, select: accountSelect });
    // Working the plan writes all its milestones, so the account counts whole in the metrics.
    await createOnboardingMilestones(tx, account.id, toIsoDate(account.contractStart));
    if (isChecklistKey(key)) await saveItem(tx, account.id, key, input.done === true, actor);
    else await saveMilestone(tx, account.id, toIsoDate(account.contractStart), key, input, actor);
    return toApiView(await loadPlan(tx, account));
  });
}

function checkFields(key: TOnboardingKey, input: TOnboardingUpdate) {
  if (isChecklistKey(key)) {
    const extra = (["completedAt", "dueDate", "challenges", "issues"] as const).filter((f) => input[f] !== undefined);
    if (input.done === undefined)
      throw invalidInput([{ path: "done", message: "A checklist item takes done: true or false." }]);
    if (extra.length)
      throw invalidInput(
        extra.map((f) => ({ path: f, message: "Only milestones take this; a checklist item takes done." })),
      );
    return;
  }
  if (input.done !== undefined)
    throw invalidInput([{ path: "done", message: "A milestone takes completedAt (a date, or null to reopen it)." }]);
  if ((["completedAt", "dueDate", "challenges", "issues"] as const).every((f) => input[f] === undefined))
    throw invalidInput([{ path: "completedAt", message: "Send completedAt, dueDate, challenges or issues." }]);
}

async function saveItem(tx: Tx, accountId: number, key: string, done: boolean, actor: AuditActor) {
  const existing = await tx.onboardingChecklistItem.findUnique({ where: { accountId_key: { accountId, key } } });
  const wasDone = existing?.doneAt != null;
  if (wasDone === done && existing) return;
  const doneAt = done ? dateOnly(clock.today()) : null;
  const row = await tx.onboardingChecklistItem.upsert({
    where: { accountId_key: { accountId, key } },
    create: { accountId, key, doneAt, updatedAt: clock.now() },
    update: { doneAt, updatedAt: clock.now() },
  });
  await recordAudit(tx, actor, {
    entity: "onboarding_item",
    entityId: String(row.id),
    accountId,
    action: existing ? "update" : "create",
    before: existing ? { key, doneAt: isoOrNull(existing.doneAt) } : null,
    after: { key, doneAt: isoOrNull(doneAt) },
  });
}

async function saveMilestone(
  tx: Tx,
  accountId: number,
  contractStart: IsoDate,
  key: MilestoneKey,
  input: TOnboardingUpdate,
  actor: AuditActor,
) {
  const existing = await tx.onboardingMilestone.findUnique({ where: { accountId_key: { accountId, key } } });
  const data = {
    ...(input.completedAt !== undefined ? { reachedAt: input.completedAt ? dateOnly(input.completedAt) : null } : {}),
    ...(input.dueDate !== undefined ? { targetDate: dateOnly(input.dueDate) } : {}),
    ...(input.challenges !== undefined ? { challenges: input.challenges } : {}),
    ...(input.issues !== undefined ? { issues: input.issues } : {}),
  };
  const view = (m: { targetDate: Date; reachedAt: Date | null; challenges: string | null; issues: string | null }) => ({
    key,
    dueDate: toIsoDate(m.targetDate),
    completedAt: isoOrNull(m.reachedAt),
    challenges: m.challenges,
    issues: m.issues,
  });
  const row = existing
    ? await tx.onboardingMilestone.update({ where: { id: existing.id }, data })
    : await tx.onboardingMilestone.create({
        data: { accountId, key, targetDate: dateOnly(milestoneDueDate(contractStart, key)), ...data },
      });
  if (existing && JSON.stringify(view(existing)) === JSON.stringify(view(row))) return;
  await recordAudit(tx, actor, {
    entity: "onboarding_milestone",
    entityId: String(row.id),
    accountId,
    action: existing ? "update" : "create",
    before: existing ? view(existing) : null,
    after: view(row),
  });
}

/** The rows an account's plan starts with: its five milestones, due from its contract start. */
export async function createOnboardingMilestones(tx: Tx, accountId: number, contractStart: IsoDate): Promise<void> {
  await tx.onboardingMilestone.createMany({
    data: MILESTONE_KEYS.map((key) => ({ accountId, key, targetDate: dateOnly(milestoneDueDate(contractStart, key)) })),
    skipDuplicates: true,
  });
}
