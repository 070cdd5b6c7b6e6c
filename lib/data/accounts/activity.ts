import "server-only";
import type { Prisma, SupportTicket } from "@/lib/generated/prisma/client";
import type { Sentiment, SurveyType, TicketPriority, TouchpointType } from "@/lib/generated/prisma/enums";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import type { TSurveyCreate, TTicketUpsert, TTouchpointCreate } from "@/lib/validation/api";
import { recordAudit, type AuditActor } from "../platform/audit";
import { contactsByEmail } from "./contacts";
import {
  dateOnly,
  invalidInput,
  isoOrNull,
  optionalDate,
  saveAudited,
  writeAccountFacts,
  type Saved,
  type Tx,
} from "./write";

// What happens with a customer over time: support tickets, survey responses and touchpoints.
// Each feeds a health measure (ticket volume, NPS/CSAT, exec-sponsor engagement, QBR attendance).

// ---------------------------------------------------------------------------------------------
// Support tickets: idempotent on the help desk's ticket id.

export type TicketView = {
  externalId: string;
  subject: string | null;
  openedAt: IsoDate;
  closedAt: IsoDate | null;
  priority: TicketPriority;
  sentiment: Sentiment | null;
};

function toTicketView(t: SupportTicket): TicketView {
  return {
    externalId: t.externalId,
    subject: t.subject,
    openedAt: toIsoDate(t.openedAt),
    closedAt: isoOrNull(t.closedAt),
    priority: t.priority,
    sentiment: t.sentiment,
  };
}

/** Creates the ticket, or updates it when its externalId is already known for the account. */
export function upsertTicket(
  externalId: string,
  input: TTicketUpsert,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<TicketView>> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const data = {
        subject: input.subject,
        openedAt: dateOnly(input.openedAt),
        closedAt: optionalDate(input.closedAt),
        priority: input.priority,
        sentiment: input.sentiment,
      };
      return saveAudited(tx, {
        actor,
        entity: "support_ticket",
        accountId,
        existing: await tx.supportTicket.findUnique({
          where: { accountId_externalId: { accountId, externalId: input.externalId } },
        }),
        create: () => tx.supportTicket.create({ data: { accountId, externalId: input.externalId, ...data } }),
        update: (current) => tx.supportTicket.update({ where: { id: current.id }, data }),
        view: toTicketView,
      });
    },
    outerTx,
  );
}

// ---------------------------------------------------------------------------------------------
// Survey responses: NPS or CSAT; idempotent when the survey tool sends its response id.

export type SurveyView = {
  id: number;
  externalId: string | null;
  type: SurveyType;
  score: number;
  respondedAt: IsoDate;
  contactEmail: string | null;
  comment: string | null;
};

const withContactEmail = { contact: { select: { email: true } } } satisfies Prisma.SurveyResponseInclude;
type SurveyRecord = Prisma.SurveyResponseGetPayload<{ include: typeof withContactEmail }>;

function toSurveyView(s: SurveyRecord): SurveyView {
  return {
    id: s.id,
    externalId: s.externalId,
    type: s.type,
    score: s.score,
    respondedAt: toIsoDate(s.respondedAt),
    contactEmail: s.contact?.email ?? null,
    comment: s.comment,
  };
}

/** Records a response; with an externalId, a repeat updates the earlier response instead. */
export function addSurvey(
  externalId: string,
  input: TSurveyCreate,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<SurveyView>> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const data = {
        type: input.type,
        score: input.score,
        respondedAt: dateOnly(input.respondedAt),
        comment: input.comment,
        contactId: await surveyContactId(tx, accountId, input.contactEmail),
      };
      const responseId = input.externalId;
      return saveAudited(tx, {
        actor,
        entity: "survey_response",
        accountId,
        existing: responseId
          ? await tx.surveyResponse.findUnique({
              where: { accountId_externalId: { accountId, externalId: responseId } },
              include: withContactEmail,
            })
          : null,
        create: () =>
          tx.surveyResponse.create({ data: { accountId, externalId: responseId, ...data }, include: withContactEmail }),
        update: (current) => tx.surveyResponse.update({ where: { id: current.id }, data, include: withContactEmail }),
        view: toSurveyView,
      });
    },
    outerTx,
  );
}

/** The responding contact's id (undefined: left out; null: cleared); unknown emails are a 400. */
async function surveyContactId(
  tx: Tx,
  accountId: number,
  email: string | null | undefined,
): Promise<number | null | undefined> {
  if (email == null) return email;
  const contact = (await contactsByEmail(tx, accountId, [email])).get(email);
  if (!contact)
    throw invalidInput([{ path: "contactEmail", message: `No contact with the email ${email} on this account.` }]);
  return contact.id;
}

// ---------------------------------------------------------------------------------------------
// Touchpoints: a new record each time, unless the sender names it with its own id (externalId):
// then a resend updates the touchpoint instead of counting the meeting twice.

export type TouchpointView = {
  id: number;
  externalId: string | null;
  type: TouchpointType;
  occurredAt: IsoDate;
  attended: boolean | null;
  notes: string | null;
  contactEmails: string[];
};

const withContacts = {
  contacts: { select: { contact: { select: { email: true } } } },
} satisfies Prisma.TouchpointInclude;
type TouchpointRecord = Prisma.TouchpointGetPayload<{ include: typeof withContacts }>;

function toTouchpointView(t: TouchpointRecord): TouchpointView {
  return {
    id: t.id,
    externalId: t.externalId,
    type: t.type,
    occurredAt: toIsoDate(t.occurredAt),
    attended: t.attended,
    notes: t.notes,
    contactEmails: t.contacts.map((c) => c.contact.email).sort(),
  };
}

/**
 * Records a touchpoint with the contacts present (each must be a contact of the account) and
 * moves the account's and those contacts' last touch forward to its date. With an externalId
 * already known for the account, the touchpoint is updated (200) instead: left-out optional
 * fields keep their values, and contactEmails, when sent, replace the contacts present.
 */
export function addTouchpoint(
  externalId: string,
  input: TTouchpointCreate,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<TouchpointView>> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const emails = input.contactEmails ?? [];
      const contacts = await contactsByEmail(tx, accountId, emails);
      const unknown = emails.flatMap((email, index) =>
        contacts.has(email)
          ? []
          : [{ path: `contactEmails.${index}`, message: `No contact with the email ${email} on this account.` }],
      );
      if (unknown.length > 0) throw invalidInput(unknown);
      // The map holds each contact once, however often the request named it.
      const present = [...contacts.values()].map((c) => ({ contactId: c.id }));
      const existing = input.externalId
        ? await tx.touchpoint.findUnique({
            where: { accountId_externalId: { accountId, externalId: input.externalId } },
            include: withContacts,
          })
        : null;
      const fields = {
        type: input.type,
        occurredAt: dateOnly(input.occurredAt),
        attended: input.attended,
        notes: input.notes,
      };
      const touchpoint = existing
        ? await tx.touchpoint.update({
            where: { id: existing.id },
            data: { ...fields, ...(input.contactEmails ? { contacts: { deleteMany: {}, create: present } } : {}) },
            include: withContacts,
          })
        : await tx.touchpoint.create({
            data: {
              accountId,
              externalId: input.externalId,
              ...fields,
              createdById: "userId" in actor ? actor.userId : null,
              contacts: { create: present },
            },
            include: withContacts,
          });
      // A review marked not attended did not take place: it is recorded but touches no one.
      if (touchpoint.attended !== false) {
        const contactIds = await tx.touchpointContact.findMany({
          where: { touchpointId: touchpoint.id },
          select: { contactId: true },
        });
        await moveLastTouch(
          tx,
          accountId,
          contactIds.map((c) => c.contactId),
          input.occurredAt,
        );
      }
      const view = toTouchpointView(touchpoint);
      await recordAudit(tx, actor, {
        entity: "touchpoint",
        entityId: String(touchpoint.id),
        accountId,
        action: existing ? "update" : "create",
        before: existing ? toTouchpointView(existing) : null,
        after: view,
      });
      return { created: !existing, record: view };
    },
    outerTx,
  );
}

/** lastTouchAt = the later of the stored date and this one (a backdated touchpoint moves nothing back). */
async function moveLastTouch(tx: Tx, accountId: number, contactIds: number[], date: IsoDate): Promise<void> {
  const day = dateOnly(date);
  const earlier = { OR: [{ lastTouchAt: null }, { lastTouchAt: { lt: day } }] };
  await tx.account.updateMany({ where: { id: accountId, ...earlier }, data: { lastTouchAt: day } });
  if (contactIds.length > 0)
    await tx.contact.updateMany({ where: { id: { in: contactIds }, ...earlier }, data: { lastTouchAt: day } });
}
