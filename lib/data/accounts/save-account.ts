import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArrMovementType } from "@/lib/generated/prisma/enums";
import { diffRecords } from "@/lib/domain/audit";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import type { TAccountUpsert } from "@/lib/validation/api";
import { recordAudit, type AuditActor } from "../platform/audit";
import { syncLifecycleStages } from "./lifecycle-stages";
import { loadAccountView, type AccountView } from "./views";
import {
  accountNotFound,
  dateOnly,
  inTransaction,
  invalidInput,
  lockAccount,
  refreshHealth,
  saveAudited,
  type IngestIssue,
  type Saved,
  type Tx,
} from "./write";
import { clock } from "@/lib/clock";

// Creating and updating an account from its CRM record (PUT /accounts/{externalId}), with
// what must move with it: the open renewal and the ARR history of SPEC §5.

/** The account's fields the audit log shows (the CRM-owned ones; health and stage are derived). */
const auditedFields = {
  id: true,
  externalId: true,
  name: true,
  domain: true,
  industry: true,
  fiscalYearStartMonth: true,
  segment: true,
  seats: true,
  arr: true,
  contractStart: true,
  renewalDate: true,
  purchasedFeatures: true,
  csmId: true,
  aeId: true,
  status: true,
} satisfies Prisma.AccountSelect;

type AuditedAccount = Prisma.AccountGetPayload<{ select: typeof auditedFields }>;

/** Creates or updates the account (rescored in the same transaction) and returns it as the API shows it. */
export async function upsertAccount(
  externalId: string,
  input: TAccountUpsert,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<AccountView>> {
  const { created, id } = await inTransaction(outerTx, async (tx) => {
    const owners = await resolveOwners(tx, input);
    const locked = await lockAccount(tx, externalId);
    const existing = locked
      ? await tx.account.findUniqueOrThrow({ where: { id: locked.id }, select: auditedFields })
      : null;
    const data = {
      name: input.name,
      segment: input.segment,
      arr: new Prisma.Decimal(input.arr.toFixed(2)),
      seats: input.seats,
      contractStart: dateOnly(input.contractStart),
      renewalDate: dateOnly(input.renewalDate),
      purchasedFeatures: input.purchasedFeatures,
      domain: input.domain,
      industry: input.industry,
      fiscalYearStartMonth: input.fiscalYearStartMonth,
      ...owners,
    };
    // An unchanged record writes nothing, so repeating a PUT leaves even updatedAt alone.
    const unchanged = existing !== null && diffRecords(existing, { ...existing, ...definedOnly(data) }) === null;
    const account = unchanged
      ? existing
      : existing
        ? await tx.account.update({ where: { id: existing.id }, data, select: auditedFields })
        : await tx.account.create({ data: { externalId, ...data }, select: auditedFields });
    await recordAudit(tx, actor, {
      entity: "account",
      entityId: String(account.id),
      accountId: account.id,
      action: existing ? "update" : "create",
      before: existing,
      after: account,
    });
    await recordArrMovement(tx, actor, existing, account, input.arrChangedAt);
    await syncOpenRenewal(tx, actor, existing, account);
    await refreshHealth(tx, account.id);
    // Dates decide the lifecycle stage: a new contract start or renewal date can move it.
    await syncLifecycleStages(tx, { asOf: clock.today(), accountIds: [account.id] });
    return { created: !existing, id: account.id };
  });
  // Read after the commit when the transaction is ours: Prisma loads relations with concurrent
  // queries, which a transaction's single connection has to queue.
  const record = await loadAccountView(outerTx ?? db, { id });
  if (!record) throw accountNotFound(externalId);
  return { created, record };
}

/** The fields a PUT sets: those left out keep their stored values. */
function definedOnly(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

const OWNER_ROLES = [
  { path: "csmEmail", role: "csm", column: "csmId" },
  { path: "aeEmail", role: "ae", column: "aeId" },
] as const;

/** Owner emails → user ids; an unknown email, an inactive user or the wrong role is a 400 on that field. */
async function resolveOwners(tx: Tx, input: TAccountUpsert): Promise<{ csmId?: number | null; aeId?: number | null }> {
  const ids: { csmId?: number | null; aeId?: number | null } = {};
  const issues: IngestIssue[] = [];
  for (const { path, role, column } of OWNER_ROLES) {
    const email = input[path];
    if (email == null) {
      ids[column] = email;
      continue;
    }
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, active: true } });
    if (!user?.active) issues.push({ path, message: `No active user has the email ${email}.` });
    else if (user.role !== role)
      issues.push({ path, message: `${email} is not a ${role.toUpperCase()} (their role is ${user.role}).` });
    else ids[column] = user.id;
  }
  if (issues.length > 0) throw invalidInput(issues);
  return ids;
}

/**
 * ARR history (SPEC §5 needs it for GRR/NRR): a new account records "new" ARR dated its contract
 * start; a later change records the difference as expansion or contraction, dated `changedAt`
 * when the caller gives it (backfills), else today.
 */
async function recordArrMovement(
  tx: Tx,
  actor: AuditActor,
  before: AuditedAccount | null,
  after: AuditedAccount,
  changedAt?: IsoDate,
): Promise<void> {
  const movement = arrMovement(before ? cents(before.arr) : null, cents(after.arr));
  if (!movement) return;
  const date = movement.type === "new" ? toIsoDate(after.contractStart) : (changedAt ?? clock.today());
  const created = await tx.arrMovement.create({
    data: {
      accountId: after.id,
      type: movement.type,
      amount: (movement.amountCents / 100).toFixed(2),
      date: dateOnly(date),
    },
  });
  await recordAudit(tx, actor, {
    entity: "arr_movement",
    entityId: String(created.id),
    accountId: after.id,
    action: "create",
    after: { type: created.type, amount: created.amount, date: created.date },
  });
}

function arrMovement(
  beforeCents: number | null,
  afterCents: number,
): { type: ArrMovementType; amountCents: number } | null {
  if (beforeCents === null) return afterCents > 0 ? { type: "new", amountCents: afterCents } : null;
  const delta = afterCents - beforeCents;
  if (delta === 0) return null;
  return { type: delta > 0 ? "expansion" : "contraction", amountCents: delta };
}

/** Money compared in whole cents: Decimal(14,2) values are exact there, floats are not. */
function cents(amount: Prisma.Decimal): number {
  return Math.round(Number(amount) * 100);
}

/**
 * Every active account has an open renewal (SPEC §4): create one when none is open; otherwise
 * follow the account's renewal date and ARR when those changed (and leave the AE's work alone).
 */
async function syncOpenRenewal(
  tx: Tx,
  actor: AuditActor,
  before: AuditedAccount | null,
  after: AuditedAccount,
): Promise<void> {
  const open = await tx.renewal.findFirst({ where: { accountId: after.id, status: "open" } });
  if (!open && after.status !== "active") return;
  const changed: { renewalDate?: Date; arr?: Prisma.Decimal } = {};
  if (!before || !sameDay(before.renewalDate, after.renewalDate)) changed.renewalDate = after.renewalDate;
  if (!before || cents(before.arr) !== cents(after.arr)) changed.arr = after.arr;
  if (open && Object.keys(changed).length === 0) return;
  await saveAudited(tx, {
    actor,
    entity: "renewal",
    accountId: after.id,
    existing: open,
    create: () => tx.renewal.create({ data: { accountId: after.id, renewalDate: after.renewalDate, arr: after.arr } }),
    update: (current) => tx.renewal.update({ where: { id: current.id }, data: changed }),
    view: (r) => ({ renewalDate: r.renewalDate, arr: r.arr, status: r.status, forecast: r.forecast }),
  });
}

function sameDay(a: Date, b: Date): boolean {
  return toIsoDate(a) === toIsoDate(b);
}
