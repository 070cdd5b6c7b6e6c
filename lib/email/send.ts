import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { clock } from "@/lib/clock";
import type { Db } from "@/lib/db/types";
import { Prisma } from "@/lib/generated/prisma/client";

// Bowtie's one way out for email (issue 13 item 5): playbook email steps, QBR invitations and
// pre-reads all call sendEmail. With SMTP_URL set the message goes out over SMTP (nodemailer);
// without it, it lands in the in-app outbox that admins read under Settings → Outbox (the demo
// default). Either way the message is stored with its status, so what was sent is never a guess.

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** Text content (an .ics invitation, a CSV): stored as is so the outbox can show it. */
  content: string;
}

export interface EmailInput {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  /** An iCalendar invitation (text): sent as a text/calendar alternative and an invite.ics attachment. */
  ics?: string;
  /** Idempotency: a message with this key is sent once; a retry returns the stored one. */
  key?: string;
  /** The account the message is about, so it shows on the account's history. */
  accountId?: number;
}

export type EmailStatus = "sent" | "failed" | "outboxed";

export interface EmailResult {
  id: number;
  status: EmailStatus;
  error: string | null;
  /** True when `key` matched a message stored earlier and nothing new was sent. */
  replayed: boolean;
}

export interface SendOptions {
  /** Overrides SMTP_URL (tests). `null` forces the outbox. */
  smtpUrl?: string | null;
  /** The From address; EMAIL_FROM or "Bowtie <bowtie@localhost>". */
  from?: string;
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: a send runs inside a user's action or a job, and a dead server must fail
    // the message (stored as failed), not hang the request for nodemailer's default 2 minutes.
    transport = nodemailer.createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
    transports.set(url, transport);
  }
  return transport;
}

function allAttachments(input: EmailInput): EmailAttachment[] {
  const list = [...(input.attachments ?? [])];
  if (input.ics)
    list.push({ filename: "invite.ics", contentType: "text/calendar; method=REQUEST", content: input.ics });
  return list;
}

function recipients(to: string | string[]): string[] {
  return [to]
    .flat()
    .map((address) => address.trim())
    .filter(Boolean);
}

/**
 * Sends (or outboxes) one message and stores it with its status. Never throws for a delivery
 * failure: the message is stored as failed with the server's reason, and a later call with the
 * same key tries again.
 */
export async function sendEmail(db: Db, input: EmailInput, options: SendOptions = {}): Promise<EmailResult> {
  const to = recipients(input.to);
  if (to.length === 0) throw new RangeError("sendEmail: no recipient");
  const previous = input.key ? await db.emailMessage.findUnique({ where: { key: input.key } }) : null;
  if (previous && previous.status !== "failed") {
    return { id: previous.id, status: previous.status, error: previous.error, replayed: true };
  }
  const attachments = allAttachments(input);
  const smtpUrl = options.smtpUrl === undefined ? process.env.SMTP_URL || null : options.smtpUrl;
  let status: EmailStatus = "outboxed";
  let error: string | null = null;
  let messageId: string | null = null;
  if (smtpUrl) {
    try {
      const info = await transportFor(smtpUrl).sendMail({
        from: options.from ?? process.env.EMAIL_FROM ?? "Bowtie <bowtie@localhost>",
        to,
        subject: input.subject,
        text: input.text,
        html: input.html,
        icalEvent: input.ics ? { method: "REQUEST", content: input.ics } : undefined,
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      status = "sent";
      messageId = info.messageId ?? null;
    } catch (e) {
      status = "failed";
      error = e instanceof Error ? e.message.slice(0, 500) : "Delivery failed";
    }
  }
  const now = clock.now();
  const data = {
    to,
    subject: input.subject,
    text: input.text,
    html: input.html ?? null,
    attachments: attachments as unknown as Prisma.InputJsonValue,
    status,
    error,
    messageId,
    accountId: input.accountId ?? null,
    sentAt: status === "sent" ? now : null,
  };
  const row = previous
    ? await db.emailMessage.update({ where: { id: previous.id }, data })
    : await db.emailMessage.create({ data: { ...data, key: input.key ?? null, createdAt: now } });
  return { id: row.id, status, error, replayed: false };
}
