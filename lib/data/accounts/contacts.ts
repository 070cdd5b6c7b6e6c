import "server-only";
import type { Contact } from "@/lib/generated/prisma/client";
import type { IsoDate } from "@/lib/domain/dates";
import type { TContactUpsert } from "@/lib/validation/api";
import type { AuditActor } from "../platform/audit";
import { isoOrNull, saveAudited, writeAccountFacts, type Saved, type Tx } from "./write";

// An account's contacts, addressed by email (unique per account). Their flags feed the health
// score: exec sponsors (relationship) and reference-willing contacts (purple band).

export type ContactView = {
  email: string;
  name: string;
  title: string | null;
  execSponsor: boolean;
  champion: boolean;
  decisionMaker: boolean;
  referenceWilling: boolean;
  lastTouchAt: IsoDate | null;
};

export function toContactView(c: Contact): ContactView {
  return {
    email: c.email,
    name: c.name,
    title: c.title,
    execSponsor: c.execSponsor,
    champion: c.champion,
    decisionMaker: c.decisionMaker,
    referenceWilling: c.referenceWilling,
    lastTouchAt: isoOrNull(c.lastTouchAt),
  };
}

export function upsertContact(
  externalId: string,
  email: string,
  input: TContactUpsert,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<ContactView>> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) =>
      saveAudited(tx, {
        actor,
        entity: "contact",
        accountId,
        existing: await tx.contact.findUnique({ where: { accountId_email: { accountId, email } } }),
        create: () => tx.contact.create({ data: { accountId, email, ...input } }),
        update: (current) => tx.contact.update({ where: { id: current.id }, data: input }),
        view: toContactView,
      }),
    outerTx,
  );
}

/** The account's contacts with these emails, by email (emails are stored lowercased). */
export async function contactsByEmail(
  tx: Tx,
  accountId: number,
  emails: readonly string[],
): Promise<Map<string, Contact>> {
  if (emails.length === 0) return new Map();
  const contacts = await tx.contact.findMany({ where: { accountId, email: { in: [...emails] } } });
  return new Map(contacts.map((c) => [c.email, c]));
}
