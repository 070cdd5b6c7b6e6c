import "server-only";
import ical, { ICalCalendarMethod } from "ical-generator";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  buildQbrDocument,
  nextReviewDue,
  QBR_CHECKLIST,
  QBR_MINUTES,
  QBR_SECTIONS,
  quarterRange,
  type QbrChecklistKey,
  type QbrFacts,
  type QbrSection,
} from "@/lib/domain/qbr";
import type { Segment } from "@/lib/domain/health";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TQbrAttendance, TQbrCreate } from "@/lib/validation/qbr";
import { addTouchpoint } from "../accounts/activity";
import {
  accountNotFound,
  dateOnly,
  inTransaction,
  invalidInput,
  lockAccount,
  type Saved,
  type Tx,
} from "../accounts/write";
import { recordAudit, type AuditActor } from "../platform/audit";
import { sendEmail, type EmailResult } from "@/lib/email/send";

// QBRs (issue 13 item 3): one per account and quarter, with the preparation checklist, the
// generated (then edited) 60-minute document, its .ics invitation, and attendance, which records
// the QBR touchpoint the relationship score counts and opens the follow-up task.

export interface QbrView {
  id: number;
  accountExternalId: string;
  accountName: string;
  quarter: string | null;
  kind: "qbr" | "ebr";
  scheduledAt: string | null;
  scheduledFor: IsoDate;
  status: "scheduled" | "held" | "cancelled";
  checklist: { key: QbrChecklistKey; title: string; done: boolean }[];
  attendeeEmails: string[];
  attended: boolean | null;
}

const qbrInclude = {
  account: { select: { externalId: true, name: true } },
} as const;

type QbrRow = Prisma.QbrGetPayload<{ include: typeof qbrInclude }>;

function toView(q: QbrRow, attended: boolean | null = null): QbrView {
  const checklist = (q.checklist ?? {}) as Record<string, boolean>;
  return {
    id: q.id,
    accountExternalId: q.account.externalId,
    accountName: q.account.name,
    quarter: q.quarter,
    kind: q.kind === "ebr" ? "ebr" : "qbr",
    scheduledAt: q.scheduledAt?.toISOString() ?? null,
    scheduledFor: toIsoDate(q.scheduledFor),
    status: q.status,
    checklist: QBR_CHECKLIST.map((c) => ({ key: c.key, title: c.title, done: checklist[c.key] === true })),
    attendeeEmails: q.attendeeEmails,
    attended,
  };
}

async function attendedOf(rows: readonly QbrRow[]): Promise<Map<number, boolean | null>> {
  const ids = rows.map((r) => r.touchpointId).filter((id): id is number => id !== null);
  const touchpoints = ids.length
    ? await db.touchpoint.findMany({ where: { id: { in: ids } }, select: { id: true, attended: true } })
    : [];
  const byId = new Map(touchpoints.map((t) => [t.id, t.attended]));
  return new Map(rows.map((r) => [r.id, r.touchpointId === null ? null : (byId.get(r.touchpointId) ?? null)]));
}

export async function listQbrs(externalId: string): Promise<QbrView[]> {
  const account = await db.account.findUnique({ where: { externalId }, select: { id: true } });
  if (!account) throw accountNotFound(externalId);
  return listQbrsOf(account.id);
}

export async function listQbrsOf(accountId: number): Promise<QbrView[]> {
  const rows = await db.qbr.findMany({
    where: { accountId },
    include: qbrInclude,
    orderBy: [{ scheduledFor: "desc" }, { id: "desc" }],
    take: 20,
  });
  const attended = await attendedOf(rows);
  return rows.map((r) => toView(r, attended.get(r.id) ?? null));
}

export async function getQbr(id: number): Promise<QbrView & { accountId: number }> {
  const row = await db.qbr.findUnique({ where: { id }, include: qbrInclude });
  if (!row) throw notFound("No QBR with that id.");
  const attended = await attendedOf([row]);
  return { ...toView(row, attended.get(row.id) ?? null), accountId: row.accountId };
}

/**
 * Schedules the account's QBR for a quarter; a second request for the same quarter answers the
 * one that exists (200, not a duplicate). A start in the past records a QBR held already.
 */
export function createQbr(
  externalId: string,
  input: TQbrCreate,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<QbrView>> {
  const day = input.scheduledAt.slice(0, 10);
  const range = quarterRange(input.quarter);
  if (day < range.start || day > range.end)
    throw invalidInput([
      { path: "scheduledAt", message: `Must fall within ${input.quarter} (${range.start} to ${range.end}).` },
    ]);
  return inTransaction(outerTx, async (tx) => {
    const account = await lockAccount(tx, externalId);
    if (!account) throw accountNotFound(externalId);
    const existing = await tx.qbr.findFirst({
      where: { accountId: account.id, quarter: input.quarter },
      include: qbrInclude,
    });
    if (existing) return { created: false, record: toView(existing) };
    const held = new Date(input.scheduledAt).getTime() <= clock.nowMs();
    const row = await tx.qbr.create({
      data: {
        accountId: account.id,
        quarter: input.quarter,
        kind: input.kind ?? "qbr",
        scheduledAt: new Date(input.scheduledAt),
        scheduledFor: dateOnly(day),
        status: held ? "held" : "scheduled",
      },
      include: qbrInclude,
    });
    const view = toView(row);
    await recordAudit(tx, actor, {
      entity: "qbr",
      entityId: String(row.id),
      accountId: account.id,
      action: "create",
      after: { quarter: view.quarter, scheduledAt: view.scheduledAt, status: view.status },
    });
    return { created: true, record: view };
  });
}

// ---------------------------------------------------------------------------------------------
// The document

async function gatherFacts(accountId: number, quarter: string): Promise<QbrFacts> {
  const today = clock.today();
  const { start } = quarterRange(quarter);
  const previousStart = addDays(start, -91);
  const [account, outcomes, expansions, nps, usage] = await Promise.all([
    db.account.findUniqueOrThrow({ where: { id: accountId } }),
    db.successOutcome.findMany({ where: { accountId }, orderBy: { dueDate: "asc" } }),
    db.expansionOpportunity.findMany({ where: { accountId, status: "open" }, orderBy: { arr: "desc" }, take: 5 }),
    db.surveyResponse.findFirst({ where: { accountId, type: "nps" }, orderBy: { respondedAt: "desc" } }),
    db.$queryRaw<{ current: number | null; previous: number | null; workflows: number; features: string[] | null }[]>`
      SELECT
        AVG("activeUsers") FILTER (WHERE date >= ${start}::date)::float8 AS current,
        AVG("activeUsers") FILTER (WHERE date < ${start}::date)::float8 AS previous,
        COALESCE(SUM("workflowsCompleted") FILTER (WHERE date >= ${start}::date), 0)::int AS workflows,
        (SELECT array_agg(DISTINCT f) FROM "UsageDay" u2, unnest(u2."featuresUsed") f
          WHERE u2."accountId" = ${accountId} AND u2.date >= ${start}::date AND u2.date <= ${today}::date) AS features
      FROM "UsageDay"
      WHERE "accountId" = ${accountId} AND date >= ${previousStart}::date AND date <= ${today}::date`,
  ]);
  const u = usage[0];
  return {
    accountName: account.name,
    quarter,
    segment: account.segment as Segment,
    arr: Number(account.arr),
    healthScore: account.healthScore,
    healthBand: account.healthBand,
    healthTrend: account.healthTrend,
    renewalDate: toIsoDate(account.renewalDate),
    usage: {
      activeUsers: u?.current ?? null,
      previousActiveUsers: u?.previous ?? null,
      seats: account.seats,
      workflowsCompleted: u?.workflows ?? 0,
      featuresUsed: u?.features ?? [],
      purchasedFeatures: account.purchasedFeatures,
    },
    outcomes: outcomes.map((o) => ({
      title: o.title,
      metric: o.metric,
      baseline: o.baseline,
      target: o.target,
      current: o.current,
      dueDate: toIsoDate(o.dueDate),
      achieved: o.achieved,
      achievedAt: o.achievedAt ? toIsoDate(o.achievedAt) : null,
      annualValue: o.annualValue === null ? null : Number(o.annualValue),
    })),
    openExpansions: expansions.map((e) => ({ title: e.title ?? e.type.replace(/_/g, " "), arr: Number(e.arr) })),
    latestNps: nps?.score ?? null,
    today,
  };
}

export interface QbrDocument {
  id: number;
  account: { externalId: string; name: string };
  quarter: string;
  scheduledAt: string | null;
  status: QbrView["status"];
  /** True once the CSM saved edits; until then the sections follow the account's data. */
  edited: boolean;
  sections: QbrSection[];
}

/** The QBR's document: as edited when saved, otherwise generated from the account's data now. */
export async function getQbrDocument(id: number): Promise<QbrDocument> {
  const row = await db.qbr.findUnique({ where: { id }, include: qbrInclude });
  if (!row) throw notFound("No QBR with that id.");
  const quarter =
    row.quarter ?? `${toIsoDate(row.scheduledFor).slice(0, 4)}-Q${Math.floor(row.scheduledFor.getUTCMonth() / 3) + 1}`;
  const stored = Array.isArray(row.document) ? (row.document as unknown as QbrSection[]) : null;
  const sections = stored ?? buildQbrDocument(await gatherFacts(row.accountId, quarter));
  return {
    id: row.id,
    account: row.account,
    quarter,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    status: row.status,
    edited: stored !== null,
    sections,
  };
}

/** Saves the edited sections (the agenda's titles and minutes stay fixed); null regenerates from the data. */
export async function saveQbrDocument(id: number, contents: Record<string, string> | null, actor: AuditActor) {
  const current = await getQbrDocument(id);
  const sections = contents
    ? QBR_SECTIONS.map((s) => ({
        ...s,
        content: contents[s.key] ?? current.sections.find((c) => c.key === s.key)?.content ?? "",
      }))
    : null;
  await db.$transaction(async (tx) => {
    const row = await tx.qbr.update({
      where: { id },
      data: { document: sections === null ? Prisma.DbNull : (sections as unknown as Prisma.InputJsonValue) },
    });
    await recordAudit(tx, actor, {
      entity: "qbr",
      entityId: String(id),
      accountId: row.accountId,
      action: sections ? "edit document" : "regenerate document",
    });
  });
}

export async function setQbrChecklistItem(id: number, key: QbrChecklistKey, done: boolean, actor: AuditActor) {
  await db.$transaction(async (tx) => {
    const row = await tx.qbr.findUnique({ where: { id } });
    if (!row) throw notFound("No QBR with that id.");
    const checklist = { ...((row.checklist ?? {}) as Record<string, boolean>), [key]: done };
    await tx.qbr.update({ where: { id }, data: { checklist } });
    await recordAudit(tx, actor, {
      entity: "qbr",
      entityId: String(id),
      accountId: row.accountId,
      action: "checklist",
      after: { [key]: done },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Invitation

/** The QBR's calendar invitation (iCalendar, made with ical-generator): an hour, the account's key contacts invited. */
export async function qbrInvite(
  id: number,
): Promise<{ filename: string; ics: string; to: string[]; subject: string; text: string }> {
  const row = await db.qbr.findUnique({
    where: { id },
    include: {
      account: {
        select: {
          id: true,
          name: true,
          externalId: true,
          csm: { select: { name: true, email: true } },
          contacts: {
            where: { OR: [{ execSponsor: true }, { champion: true }, { decisionMaker: true }] },
            select: { name: true, email: true },
          },
        },
      },
    },
  });
  if (!row) throw notFound("No QBR with that id.");
  const start = row.scheduledAt ?? new Date(`${toIsoDate(row.scheduledFor)}T15:00:00Z`);
  const quarter = row.quarter ?? toIsoDate(row.scheduledFor);
  const title = `${row.kind === "ebr" ? "Executive" : "Quarterly"} business review — ${row.account.name} (${quarter})`;
  const agenda = QBR_SECTIONS.map((s, i) => `${i + 1}. ${s.title} (${s.minutes} min)`).join("\n");
  const calendar = ical({ prodId: { company: "Bowtie", product: "Bowtie", language: "EN" }, name: "Bowtie" });
  calendar.method(ICalCalendarMethod.REQUEST);
  calendar.createEvent({
    id: `qbr-${row.id}@bowtie`,
    start,
    end: new Date(start.getTime() + QBR_MINUTES * 60_000),
    stamp: clock.now(),
    summary: title,
    description: `Agenda (60 minutes)\n${agenda}`,
    organizer: row.account.csm ? { name: row.account.csm.name, email: row.account.csm.email } : undefined,
    attendees: row.account.contacts.map((c) => ({ name: c.name, email: c.email, rsvp: true })),
  });
  return {
    filename: `qbr-${row.account.externalId}-${quarter}.ics`,
    ics: calendar.toString(),
    to: row.account.contacts.map((c) => c.email),
    subject: title,
    text: `You're invited to our ${row.kind === "ebr" ? "executive" : "quarterly"} business review.\n\n${agenda}\n\nThe invitation is attached.`,
  };
}

/** Emails the invitation to the key contacts once (a retry replays it); no contacts: refused. */
export async function sendQbrInvite(id: number, accountId: number): Promise<EmailResult> {
  const invite = await qbrInvite(id);
  if (invite.to.length === 0)
    throw new AppError(
      "invalid",
      "Mark an executive sponsor, champion or decision maker among the contacts to invite them.",
    );
  return sendEmail(db, {
    to: invite.to,
    subject: invite.subject,
    text: invite.text,
    ics: invite.ics,
    key: `qbr:${id}:invite`,
    accountId,
  });
}

/** Emails the document as the pre-read and ticks the checklist's last item. */
export async function sendQbrPreRead(id: number, accountId: number, actor: AuditActor): Promise<EmailResult> {
  const [invite, doc] = await Promise.all([qbrInvite(id), getQbrDocument(id)]);
  if (invite.to.length === 0)
    throw new AppError(
      "invalid",
      "Mark an executive sponsor, champion or decision maker among the contacts to send them the pre-read.",
    );
  const text = doc.sections.map((s) => `${s.title} (${s.minutes} min)\n${s.content}`).join("\n\n");
  const result = await sendEmail(db, {
    to: invite.to,
    subject: `Pre-read: ${invite.subject}`,
    text,
    key: `qbr:${id}:pre-read`,
    accountId,
  });
  if (result.status !== "failed") await setQbrChecklistItem(id, "send_pre_read", true, actor);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Attendance

/**
 * Records who came: the QBR touchpoint (the relationship score's QBR attendance and executive
 * sponsor engagement count it), the QBR marked held, and a follow-up task for the CSM. Repeating
 * it updates the same touchpoint and never opens a second task.
 */
export async function recordQbrAttendance(id: number, input: TQbrAttendance, actor: AuditActor) {
  const qbr = await db.qbr.findUnique({ where: { id }, include: qbrInclude });
  if (!qbr) throw notFound("No QBR with that id.");
  const day = toIsoDate(qbr.scheduledFor);
  if (day > clock.today())
    throw new AppError("conflict", "This QBR hasn't taken place yet: record attendance on or after its date.");
  return inTransaction(undefined, async (tx) => {
    const touchpoint = await addTouchpoint(
      qbr.account.externalId,
      {
        type: qbr.kind === "ebr" ? "ebr" : "qbr",
        occurredAt: day,
        contactEmails: input.contactEmails,
        attended: input.attended,
        notes: `${qbr.kind === "ebr" ? "EBR" : "QBR"} ${qbr.quarter ?? day}`,
        externalId: `qbr:${qbr.id}`,
      },
      actor,
      tx,
    );
    const stored = await tx.touchpoint.findUniqueOrThrow({
      where: { accountId_externalId: { accountId: qbr.accountId, externalId: `qbr:${qbr.id}` } },
      select: { id: true },
    });
    const row = await tx.qbr.update({
      where: { id },
      data: {
        status: input.attended ? "held" : "cancelled",
        touchpointId: stored.id,
        attendeeEmails: input.contactEmails,
      },
      include: qbrInclude,
    });
    if (input.attended) await openFollowUpTask(tx, qbr.accountId, qbr.id, day, actor);
    return { qbr: toView(row, input.attended), touchpoint: touchpoint.record };
  });
}

async function openFollowUpTask(tx: Tx, accountId: number, qbrId: number, day: IsoDate, actor: AuditActor) {
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { csmId: true } });
  if (account.csmId === null) return;
  const kind = `qbr_follow_up:${qbrId}`;
  const existing = await tx.task.findFirst({ where: { accountId, kind }, select: { id: true } });
  if (existing) return;
  const today = clock.today();
  const due = addDays(day, 3) < today ? today : addDays(day, 3);
  const task = await tx.task.create({
    data: {
      accountId,
      ownerId: account.csmId,
      title: "Send the QBR recap and agreed next steps",
      description: "Share the notes, the owners and dates of the next steps, and update the success plan.",
      kind,
      dueDate: dateOnly(due),
      priority: "high",
      source: "playbook",
    },
  });
  await recordAudit(tx, actor, {
    entity: "task",
    entityId: String(task.id),
    accountId,
    action: "create",
    after: { title: task.title, kind, dueDate: due },
  });
}

/** The account page's reviews: the latest QBRs and when the next is due by the segment's cadence. */
export async function getQbrPanel(
  accountId: number,
  /** The account's fields when the caller has read them already (the account page): one query fewer. */
  known?: { segment: Segment; contractStart: IsoDate; status: "active" | "churned" },
): Promise<{ qbrs: QbrView[]; nextDue: IsoDate | null }> {
  const [qbrs, account, lastHeld] = await Promise.all([
    listQbrsOf(accountId),
    known
      ? { ...known, contractStart: dateOnly(known.contractStart) }
      : db.account.findUniqueOrThrow({
          where: { id: accountId },
          select: { segment: true, contractStart: true, status: true },
        }),
    db.qbr.findFirst({
      where: { accountId, status: "held" },
      orderBy: { scheduledFor: "desc" },
      select: { scheduledFor: true },
    }),
  ]);
  if (account.status === "churned") return { qbrs, nextDue: null };
  const upcoming = qbrs.find((q) => q.status === "scheduled" && q.scheduledFor >= clock.today());
  const nextDue = upcoming
    ? null
    : nextReviewDue(
        account.segment as Segment,
        lastHeld ? toIsoDate(lastHeld.scheduledFor) : null,
        toIsoDate(account.contractStart),
        clock.today(),
      );
  return { qbrs, nextDue };
}
