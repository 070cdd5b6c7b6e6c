import "server-only";
import { themeIdFor } from "../feedback/themes";
import { db } from "@/lib/db";
import type { Offboarding } from "@/lib/generated/prisma/client";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { playbookManager } from "@/lib/domain/playbooks";
import {
  accessTurnedOffDue,
  accountStatusLabel,
  churnReasonLabel,
  itemBlocker,
  offboardingProgress,
  planOffboarding,
  reasonsToCirculate,
  type AccountStatusLabel,
  type OffboardingItemKey,
  type OffboardingProgress,
} from "@/lib/domain/offboarding";
import type { TOffboardingDetails } from "@/lib/validation/offboarding";
import { recordAudit, type AuditActor } from "../platform/audit";
import { syncLifecycleStages } from "../accounts/lifecycle-stages";
import {
  accountNotFound,
  dateOnly,
  inTransaction,
  isoOrNull,
  lockAccount,
  WRITE_TX_OPTIONS,
  type Tx,
} from "../accounts/write";
import { clock } from "@/lib/clock";
import { conflict, invalidInput, notFound } from "@/lib/errors";

// Offboarding (SPEC §4): a churn starts the checklist; the CSM works it on the account's
// offboarding page; ticking the last item completes it. Every write locks the account, runs in
// one transaction and is audited. Nothing about the account is ever deleted.

export interface StartedOffboarding {
  startedOn: IsoDate;
  churnReasons: string[];
  items: { key: OffboardingItemKey; title: string; dueDate: IsoDate }[];
}

/**
 * Opens the checklist for an account that just churned, inside the churn's transaction: items
 * owned by the CSM, AE or manager with due dates from today, reasons pre-filled from the churn.
 */
export async function startOffboarding(
  tx: Tx,
  actor: AuditActor,
  accountId: number,
  input: { churnReasons: string[]; churnNotes?: string | null },
): Promise<StartedOffboarding> {
  const startedOn = clock.today();
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      lifecycleStage: true,
      csm: { select: { id: true, active: true } },
      ae: { select: { id: true, active: true } },
    },
  });
  const users = await tx.user.findMany({
    where: { role: { in: ["manager", "admin"] } },
    select: { id: true, role: true, active: true },
  });
  const items = planOffboarding(startedOn, {
    csmId: account.csm?.active ? account.csm.id : null,
    aeId: account.ae?.active ? account.ae.id : null,
    managerId: playbookManager(users),
  });
  const churnReasons = [...new Set(input.churnReasons)];
  const offboarding = await tx.offboarding.create({
    data: {
      accountId,
      churnReasons,
      churnNotes: input.churnNotes ?? null,
      items: {
        create: items.map((i) => ({ key: i.key, title: i.title, ownerId: i.ownerId, dueDate: dateOnly(i.dueDate) })),
      },
    },
  });
  await recordAudit(tx, actor, {
    entity: "offboarding",
    entityId: String(offboarding.id),
    accountId,
    action: "create",
    after: {
      startedOn,
      churnReasons,
      churnNotes: offboarding.churnNotes,
      items: items.map((i) => `${i.key} (owner ${i.ownerId ?? "none"}, due ${i.dueDate})`),
    },
  });
  if (account.lifecycleStage !== "churned") {
    // The account is churned by now: the stage sync records the change in its stage history.
    await syncLifecycleStages(tx, { asOf: clock.today(), accountIds: [accountId] });
    await recordAudit(tx, actor, {
      entity: "account",
      entityId: String(accountId),
      accountId,
      action: "update",
      before: { lifecycleStage: account.lifecycleStage },
      after: { lifecycleStage: "churned" },
    });
  }
  return { startedOn, churnReasons, items: items.map(({ key, title, dueDate }) => ({ key, title, dueDate })) };
}

// ---------------------------------------------------------------------------------------------
// The offboarding page

export interface OffboardingItemView {
  key: OffboardingItemKey;
  title: string;
  ownerId: number | null;
  ownerName: string | null;
  dueDate: IsoDate;
  doneAt: IsoDate | null;
  /** Why it cannot be ticked today, or null. */
  blocker: string | null;
}

export interface OffboardingView {
  account: {
    id: number;
    externalId: string;
    name: string;
    arr: number;
    churnedAt: IsoDate | null;
    csmId: number | null;
    aeId: number | null;
    status: "active" | "churned";
  };
  statusLabel: AccountStatusLabel;
  offboarding: {
    startedAt: IsoDate;
    accessOffDate: IsoDate | null;
    churnReasons: string[];
    churnNotes: string | null;
    exitInterview: string | null;
    completedAt: IsoDate | null;
    items: OffboardingItemView[];
    progress: OffboardingProgress;
    /** Churn-reason feedback items circulated for this account. */
    circulated: string[];
  } | null;
}

/** The account's latest offboarding with its checklist; null when the account does not exist. */
export async function getOffboarding(externalId: string, today = clock.today()): Promise<OffboardingView | null> {
  const account = await db.account.findUnique({
    where: { externalId },
    select: {
      id: true,
      externalId: true,
      name: true,
      arr: true,
      status: true,
      churnedAt: true,
      csmId: true,
      aeId: true,
      offboardings: {
        orderBy: { id: "desc" },
        take: 1,
        include: { items: { orderBy: { id: "asc" }, include: { owner: { select: { name: true } } } } },
      },
    },
  });
  if (!account) return null;
  const latest = account.offboardings[0] ?? null;
  const view: OffboardingView["account"] = {
    id: account.id,
    externalId: account.externalId,
    name: account.name,
    arr: Number(account.arr),
    churnedAt: isoOrNull(account.churnedAt),
    csmId: account.csmId,
    aeId: account.aeId,
    status: account.status,
  };
  const statusLabel = accountStatusLabel(account.status, latest && { completed: latest.completedAt !== null });
  if (!latest) return { account: view, statusLabel, offboarding: null };
  const state = { accessOffDate: isoOrNull(latest.accessOffDate), churnReasons: latest.churnReasons };
  const items = latest.items.map((i): OffboardingItemView => ({
    key: i.key as OffboardingItemKey,
    title: i.title,
    ownerId: i.ownerId,
    ownerName: i.owner?.name ?? null,
    dueDate: toIsoDate(i.dueDate),
    doneAt: isoOrNull(i.doneAt),
    blocker: i.doneAt ? null : itemBlocker(i.key as OffboardingItemKey, state, today),
  }));
  const circulated = await db.feedbackItem.findMany({
    where: { accountId: account.id, type: "churn_reason", createdAt: { gte: latest.startedAt } },
    select: { title: true },
    orderBy: { id: "asc" },
  });
  return {
    account: view,
    statusLabel,
    offboarding: {
      startedAt: toIsoDate(latest.startedAt),
      ...state,
      churnNotes: latest.churnNotes,
      exitInterview: latest.exitInterview,
      completedAt: isoOrNull(latest.completedAt),
      items,
      progress: offboardingProgress(
        items.map((i) => ({ dueDate: i.dueDate, done: i.doneAt !== null })),
        today,
      ),
      circulated: circulated.map((f) => f.title),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Working the checklist

/** Who may tick an item: the account's owners and the item's owner in its latest offboarding. */
export async function getItemOwnership(
  accountId: number,
  key: OffboardingItemKey,
): Promise<{ externalId: string; csmId: number | null; aeId: number | null; itemOwnerId: number | null } | null> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      externalId: true,
      csmId: true,
      aeId: true,
      offboardings: {
        orderBy: { id: "desc" },
        take: 1,
        select: { items: { where: { key }, select: { ownerId: true } } },
      },
    },
  });
  if (!account) return null;
  return {
    externalId: account.externalId,
    csmId: account.csmId,
    aeId: account.aeId,
    itemOwnerId: account.offboardings[0]?.items[0]?.ownerId ?? null,
  };
}

/** The account's latest offboarding, locked with the account, refusing a completed one. */
async function openOffboarding(tx: Tx, externalId: string): Promise<Offboarding & { accountId: number }> {
  const account = await lockAccount(tx, externalId);
  if (!account) throw accountNotFound(externalId);
  const latest = await tx.offboarding.findFirst({ where: { accountId: account.id }, orderBy: { id: "desc" } });
  if (!latest) throw conflict("This account has no offboarding: record a churn or a termination first.");
  if (latest.completedAt) throw conflict("This offboarding is complete; its record is kept as it is.");
  return latest;
}

const detailsOf = (o: Offboarding) => ({
  accessOffDate: isoOrNull(o.accessOffDate),
  churnReasons: o.churnReasons,
  churnNotes: o.churnNotes,
  exitInterview: o.exitInterview,
});

/** The access-off date (which also dates the "access turned off" item), reasons and notes. */
export function saveOffboardingDetails(
  externalId: string,
  input: Omit<TOffboardingDetails, "accountId">,
  actor: AuditActor,
): Promise<void> {
  return inTransaction(undefined, async (tx) => {
    const current = await openOffboarding(tx, externalId);
    const updated = await tx.offboarding.update({
      where: { id: current.id },
      data: {
        accessOffDate: input.accessOffDate && dateOnly(input.accessOffDate),
        churnReasons: input.churnReasons,
        churnNotes: input.churnNotes,
        exitInterview: input.exitInterview,
      },
    });
    const audit = {
      entity: "offboarding",
      entityId: String(current.id),
      accountId: current.accountId,
      action: "update",
    } as const;
    await recordAudit(tx, actor, { ...audit, before: detailsOf(current), after: detailsOf(updated) });

    const item = await tx.offboardingItem.findUniqueOrThrow({
      where: { offboardingId_key: { offboardingId: current.id, key: "access_turned_off" } },
    });
    const due = accessTurnedOffDue(toIsoDate(current.startedAt), input.accessOffDate);
    if (item.doneAt === null && toIsoDate(item.dueDate) !== due) {
      await tx.offboardingItem.update({ where: { id: item.id }, data: { dueDate: dateOnly(due) } });
      await recordAudit(tx, actor, {
        entity: "offboarding_item",
        entityId: String(item.id),
        accountId: current.accountId,
        action: "update",
        before: { dueDate: toIsoDate(item.dueDate) },
        after: { dueDate: due },
      });
    }
  });
}

export interface ItemToggleResult {
  completed: boolean;
  feedbackCreated: number;
}

/**
 * Ticks (or unticks) one item. Circulating the reasons files one churn-reason feedback item per
 * reason not circulated yet; ticking the last open item completes the offboarding.
 */
export function setOffboardingItem(
  externalId: string,
  key: OffboardingItemKey,
  done: boolean,
  actor: AuditActor,
  today = clock.today(),
): Promise<ItemToggleResult> {
  return db.$transaction(async (tx) => {
    const offboarding = await openOffboarding(tx, externalId);
    const item = await tx.offboardingItem.findUnique({
      where: { offboardingId_key: { offboardingId: offboarding.id, key } },
    });
    if (!item) throw notFound("This checklist has no such item.");
    if ((item.doneAt !== null) === done) return { completed: false, feedbackCreated: 0 };
    if (done) {
      const blocker = itemBlocker(
        key,
        { accessOffDate: isoOrNull(offboarding.accessOffDate), churnReasons: offboarding.churnReasons },
        today,
      );
      if (blocker) throw invalidInput([{ path: key, message: blocker }], blocker);
    }
    const doneAt = done ? clock.now() : null;
    await tx.offboardingItem.update({ where: { id: item.id }, data: { doneAt } });
    const accountId = offboarding.accountId;
    await recordAudit(tx, actor, {
      entity: "offboarding_item",
      entityId: String(item.id),
      accountId,
      action: "update",
      before: { key, done: !done },
      after: { key, done },
    });

    const feedbackCreated = done && key === "reasons_circulated" ? await circulateReasons(tx, actor, offboarding) : 0;
    const open = await tx.offboardingItem.count({ where: { offboardingId: offboarding.id, doneAt: null } });
    if (open > 0) return { completed: false, feedbackCreated };
    await tx.offboarding.update({ where: { id: offboarding.id }, data: { completedAt: clock.now() } });
    await recordAudit(tx, actor, {
      entity: "offboarding",
      entityId: String(offboarding.id),
      accountId,
      action: "update",
      before: { completed: false },
      after: { completed: true },
    });
    return { completed: true, feedbackCreated };
  }, WRITE_TX_OPTIONS);
}

/** One churn-reason feedback item per reason, linked to the account, so product and sales see them ranked by ARR. */
async function circulateReasons(tx: Tx, actor: AuditActor, offboarding: Offboarding): Promise<number> {
  const existing = await tx.feedbackItem.findMany({
    where: { accountId: offboarding.accountId, type: "churn_reason", createdAt: { gte: offboarding.startedAt } },
    select: { title: true },
  });
  const titles = reasonsToCirculate(
    offboarding.churnReasons.map(churnReasonLabel),
    existing.map((f) => f.title),
  );
  const account = await tx.account.findUniqueOrThrow({ where: { id: offboarding.accountId }, select: { name: true } });
  const description = offboarding.churnNotes
    ? `${account.name} churned: ${offboarding.churnNotes}`
    : `${account.name} churned.`;
  for (const title of titles) {
    const row = await tx.feedbackItem.create({
      data: {
        accountId: offboarding.accountId,
        type: "churn_reason",
        title,
        description,
        themeId: await themeIdFor(tx, title),
      },
    });
    await recordAudit(tx, actor, {
      entity: "feedback_item",
      entityId: String(row.id),
      accountId: offboarding.accountId,
      action: "create",
      after: { type: row.type, title, description, status: row.status },
    });
  }
  return titles.length;
}

// ---------------------------------------------------------------------------------------------
// Former customers (the win-back list)

export interface FormerCustomerRow {
  id: number;
  externalId: string;
  name: string;
  churnedAt: IsoDate | null;
  lastArr: number;
  seats: number;
  reasons: string[];
  statusLabel: AccountStatusLabel;
  progress: { done: number; total: number } | null;
}

export const FORMER_CUSTOMERS_PAGE_SIZE = 25;

const FORMER_WHERE = { status: "churned" as const };

/** Churned accounts, most recent churn first, from row `skip` (index Account(status, churnedAt)). */
async function formerCustomerRows(skip: number, take: number): Promise<FormerCustomerRow[]> {
  const accounts = await db.account.findMany({
    where: FORMER_WHERE,
    orderBy: [{ churnedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true,
      externalId: true,
      name: true,
      churnedAt: true,
      arr: true,
      seats: true,
      status: true,
      offboardings: {
        orderBy: { id: "desc" },
        take: 1,
        select: { churnReasons: true, completedAt: true, items: { select: { doneAt: true } } },
      },
    },
  });
  return accounts.map((a) => {
    const o = a.offboardings[0] ?? null;
    return {
      id: a.id,
      externalId: a.externalId,
      name: a.name,
      churnedAt: isoOrNull(a.churnedAt),
      lastArr: Number(a.arr),
      seats: a.seats,
      reasons: o?.churnReasons ?? [],
      statusLabel: accountStatusLabel(a.status, o && { completed: o.completedAt !== null }),
      progress: o ? { done: o.items.filter((i) => i.doneAt).length, total: o.items.length } : null,
    };
  });
}

/** Churned accounts, most recent churn first, a page at a time. */
export async function listFormerCustomers(page: number): Promise<{ rows: FormerCustomerRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    formerCustomerRows((page - 1) * FORMER_CUSTOMERS_PAGE_SIZE, FORMER_CUSTOMERS_PAGE_SIZE),
    db.account.count({ where: FORMER_WHERE }),
  ]);
  return { rows, total };
}

/** Every former customer in the page's order, a batch at a time (the CSV export). */
export async function* streamFormerCustomers(batchSize = 2000): AsyncGenerator<FormerCustomerRow[]> {
  for (let skip = 0; ; skip += batchSize) {
    const rows = await formerCustomerRows(skip, batchSize);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** The status label of one account (Active, Offboarding, Churned) for the account page. */
export async function getAccountStatusLabel(
  accountId: number,
  status: "active" | "churned",
): Promise<AccountStatusLabel> {
  if (status === "active") return "Active";
  const latest = await db.offboarding.findFirst({
    where: { accountId },
    orderBy: { id: "desc" },
    select: { completedAt: true },
  });
  return accountStatusLabel(status, latest && { completed: latest.completedAt !== null });
}
