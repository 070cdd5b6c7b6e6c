import "server-only";
import { db } from "@/lib/db";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import type { AuditRecord } from "@/lib/domain/audit";
import { recordAudit, type AuditActor } from "../platform/audit";
import { syncLifecycleStages } from "./lifecycle-stages";
import { recomputeHealth } from "../health/recompute";
import { clock } from "@/lib/clock";
import { notFound, type AppError, type Issue } from "@/lib/errors";

// What every ingest write (lib/data/ingest-*.ts) shares: the account lookup, one transaction
// per write, the audit entry and the health recompute. The REST API, the CSV import and UI
// actions call the same functions with their own actor, so a fact is stored the same way
// whichever door it came through. Each write takes an optional outer transaction, so an import
// can write many rows all-or-nothing.

import type { Tx } from "@/lib/db/types";
export type { Tx };

/** A field's problem: a dotted path into the input, e.g. "contactEmails.2", and a message. */
export type IngestIssue = Issue;

export { invalidInput } from "@/lib/errors";

export function accountNotFound(externalId: string): AppError {
  return notFound(`No account with the external id "${externalId}".`);
}

/** The result of a create-or-update: `created` tells 201 from 200. */
export interface Saved<T> {
  created: boolean;
  record: T;
}

/**
 * Large usage batches on embedded PGlite need more than Prisma's 5 s default. Under load a
 * write may wait its turn on PGlite's queue, which bounds the wait itself (30 s, then 503).
 */
export const WRITE_TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 } as const;

/** The account row, locked for the rest of the transaction; null when unknown. */
export async function lockAccount(tx: Tx, externalId: string): Promise<{ id: number } | null> {
  // Writes to one account serialise here, so a find-then-create cannot race another request
  // and the health recompute sees every committed fact.
  const rows = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM "Account" WHERE "externalId" = ${externalId} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Runs `write` in the caller's transaction when there is one (an import writing many rows
 * all-or-nothing), otherwise in a transaction of its own.
 */
export function inTransaction<T>(tx: Tx | undefined, write: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? write(tx) : db.$transaction(write, WRITE_TX_OPTIONS);
}

/**
 * Runs `write` on an existing account, then recomputes the account's health as of today in the
 * same transaction: the fact and the score it moves commit together.
 */
export function writeAccountFacts<T>(
  externalId: string,
  write: (tx: Tx, accountId: number) => Promise<T>,
  outerTx?: Tx,
): Promise<T> {
  return inTransaction(outerTx, async (tx) => {
    const account = await lockAccount(tx, externalId);
    if (!account) throw accountNotFound(externalId);
    const result = await write(tx, account.id);
    await refreshHealth(tx, account.id);
    return result;
  });
}

export async function refreshHealth(tx: Tx, accountId: number): Promise<void> {
  const asOf = clock.today();
  await recomputeHealth(tx, { asOf, accountIds: [accountId] });
  // Renewal dates, churn, win-back and expansion deals move the lifecycle stage: keep it current
  // with the write rather than waiting for the daily sync (one statement for one account).
  await syncLifecycleStages(tx, { asOf, accountIds: [accountId] });
}

interface AuditedSave<R, V extends AuditRecord> {
  actor: AuditActor;
  /** The audit log's entity name ("contact", "support_ticket", …). */
  entity: string;
  accountId: number;
  existing: R | null;
  create: () => Promise<R>;
  update: (existing: R) => Promise<R>;
  /** The record as callers see it (without internal ids); the audit log stores the same fields. */
  view: (record: R) => V;
}

/**
 * Creates or updates one record and audits it (create → after; update → the changed fields
 * before → after). Returns the record's view.
 */
export async function saveAudited<R extends { id: number }, V extends AuditRecord>(
  tx: Tx,
  save: AuditedSave<R, V>,
): Promise<Saved<V>> {
  const record = save.existing ? await save.update(save.existing) : await save.create();
  const view = save.view(record);
  await recordAudit(tx, save.actor, {
    entity: save.entity,
    entityId: String(record.id),
    accountId: save.accountId,
    action: save.existing ? "update" : "create",
    before: save.existing ? save.view(save.existing) : null,
    after: view,
  });
  return { created: !save.existing, record: view };
}

/** A calendar day as Prisma stores @db.Date columns (midnight UTC). */
export function dateOnly(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Keeps "left out" (undefined) and "cleared" (null) apart, as the update convention needs. */
export function optionalDate(date: IsoDate | null | undefined): Date | null | undefined {
  return date == null ? date : dateOnly(date);
}

/** A view's date, or null. */
export function isoOrNull(date: Date | null): IsoDate | null {
  return date ? toIsoDate(date) : null;
}
