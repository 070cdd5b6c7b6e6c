import "server-only";
import { db } from "@/lib/db";
import type { FeedbackItem } from "@/lib/generated/prisma/client";
import type { FeedbackTypeKey, ThemeStatusKey } from "@/lib/domain/feedback";
import { recordAudit, type AuditActor } from "../platform/audit";
import { themeIdFor } from "./themes";
import { accountNotFound, inTransaction, invalidInput, lockAccount, type Saved, type Tx } from "../accounts/write";
import { statement } from "../platform/sql";
import { clock } from "@/lib/clock";
import { AppError, conflict } from "@/lib/errors";

// Voice of the customer: feedback items (the API, the account page and offboarding's churn
// reasons) grouped into themes, ranked by the ARR of the active accounts that raised them.

export type FeedbackView = {
  externalId: string | null;
  type: FeedbackTypeKey;
  title: string;
  description: string | null;
  contactEmail: string | null;
  theme: string | null;
};

/** POST /accounts/{id}/feedback: a new item, or (same externalId) the same item updated. */
export function saveFeedback(
  externalId: string,
  input: {
    type: FeedbackTypeKey;
    title: string;
    description?: string | null;
    contactEmail?: string | null;
    externalId?: string;
  },
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<FeedbackView>> {
  return inTransaction(outerTx, async (tx) => {
    const account = await lockAccount(tx, externalId);
    if (!account) throw accountNotFound(externalId);
    const contact = input.contactEmail
      ? await tx.contact.findUnique({
          where: { accountId_email: { accountId: account.id, email: input.contactEmail } },
          select: { id: true, email: true },
        })
      : null;
    if (input.contactEmail && !contact)
      throw invalidInput([{ path: "contactEmail", message: "No contact with this email on the account." }]);
    const existing = input.externalId
      ? await tx.feedbackItem.findUnique({
          where: { accountId_externalId: { accountId: account.id, externalId: input.externalId } },
        })
      : null;
    const data = {
      type: input.type,
      title: input.title,
      description: input.description ?? null,
      contactId: contact?.id ?? null,
      themeId:
        existing?.themeId && existing.title === input.title ? existing.themeId : await themeIdFor(tx, input.title),
    };
    const row: FeedbackItem = existing
      ? await tx.feedbackItem.update({ where: { id: existing.id }, data })
      : await tx.feedbackItem.create({
          data: { accountId: account.id, externalId: input.externalId ?? null, ...data },
        });
    const theme = row.themeId ? await tx.feedbackTheme.findUnique({ where: { id: row.themeId } }) : null;
    const record: FeedbackView = {
      externalId: row.externalId,
      type: row.type,
      title: row.title,
      description: row.description,
      contactEmail: contact?.email ?? null,
      theme: theme?.title ?? null,
    };
    await recordAudit(tx, actor, {
      entity: "feedback_item",
      entityId: String(row.id),
      accountId: account.id,
      action: existing ? "update" : "create",
      before: existing ? { type: existing.type, title: existing.title, description: existing.description } : null,
      after: { type: row.type, title: row.title, description: row.description },
    });
    return { created: !existing, record };
  });
}

export interface ThemeView {
  id: number;
  title: string;
  status: ThemeStatusKey;
  escalatedAt: string | null;
  escalationNote: string | null;
  items: number;
  accounts: number;
  /** ARR of the active accounts that raised it. */
  arrAtStake: number;
  /** The part of it on red or yellow accounts. */
  redYellowArr: number;
}

interface ThemeRow extends Omit<ThemeView, "arrAtStake" | "redYellowArr" | "escalatedAt"> {
  arrAtStake: string;
  redYellowArr: string;
  escalatedAt: Date | null;
}

const THEMES = statement<[number, number]>`
  SELECT t.id, t.title, t.status::text AS status, t."escalatedAt", t."escalationNote",
    coalesce(i.items, 0)::int AS items, coalesce(s.accounts, 0)::int AS accounts,
    coalesce(s.arr, 0)::text AS "arrAtStake", coalesce(s.red_yellow, 0)::text AS "redYellowArr"
  FROM "FeedbackTheme" t
  LEFT JOIN (SELECT "themeId", count(*) AS items FROM "FeedbackItem" GROUP BY "themeId") i ON i."themeId" = t.id
  LEFT JOIN (
    SELECT r."themeId", count(*) AS accounts, sum(a.arr) AS arr,
      sum(a.arr) FILTER (WHERE a."healthBand" IN ('red', 'yellow')) AS red_yellow
    FROM (SELECT DISTINCT "themeId", "accountId" FROM "FeedbackItem" WHERE "themeId" IS NOT NULL) r
    JOIN "Account" a ON a.id = r."accountId" AND a.status = 'active'
    GROUP BY r."themeId"
  ) s ON s."themeId" = t.id
  WHERE t."mergedIntoId" IS NULL AND coalesce(i.items, 0) > 0
  ORDER BY coalesce(s.arr, 0) DESC, coalesce(s.red_yellow, 0) DESC, t.id
  LIMIT $1 OFFSET $2`;

/** Themes ranked by ARR at stake, then by red + yellow ARR. */
export async function listThemes({ limit = 50, offset = 0 } = {}): Promise<ThemeView[]> {
  const rows = await db.$queryRaw<ThemeRow[]>(THEMES(limit, offset));
  return rows.map((r) => ({
    ...r,
    escalatedAt: r.escalatedAt && r.escalatedAt.toISOString(),
    arrAtStake: Number(r.arrAtStake),
    redYellowArr: Number(r.redYellowArr),
  }));
}

/** A theme's status; `escalate` sends it to product with a note (once: the first escalation is kept). */
export async function updateTheme(
  id: number,
  input: { status: ThemeStatusKey; escalationNote?: string },
  actor: AuditActor,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const theme = await tx.feedbackTheme.findUnique({ where: { id } });
    if (!theme || theme.mergedIntoId) throw new AppError("not_found", "That theme no longer exists.");
    const escalate = input.escalationNote !== undefined && theme.escalatedAt === null;
    const updated = await tx.feedbackTheme.update({
      where: { id },
      data: {
        status: input.status,
        ...(escalate ? { escalatedAt: clock.now(), escalationNote: input.escalationNote } : {}),
      },
    });
    await recordAudit(tx, actor, {
      entity: "feedback_theme",
      entityId: String(id),
      action: "update",
      before: { status: theme.status, escalationNote: theme.escalationNote },
      after: { status: updated.status, escalationNote: updated.escalationNote },
    });
  });
}

/** A manager merges a duplicate theme into another: its items move, and it points at the survivor. */
export async function mergeThemes(sourceId: number, targetId: number, actor: AuditActor): Promise<void> {
  if (sourceId === targetId) throw conflict("A theme cannot be merged into itself.");
  await db.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.feedbackTheme.findUnique({ where: { id: sourceId } }),
      tx.feedbackTheme.findUnique({ where: { id: targetId } }),
    ]);
    if (!source || !target || target.mergedIntoId) throw new AppError("not_found", "That theme no longer exists.");
    if (source.mergedIntoId === targetId) return;
    if (source.mergedIntoId) throw conflict("That theme was already merged into another.");
    await tx.feedbackItem.updateMany({ where: { themeId: sourceId }, data: { themeId: targetId } });
    await tx.feedbackTheme.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
    await recordAudit(tx, actor, {
      entity: "feedback_theme",
      entityId: String(sourceId),
      action: "merge",
      before: { title: source.title },
      after: { mergedInto: target.title },
    });
  });
}
