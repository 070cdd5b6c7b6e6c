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

/** The SMTP server to send through: the option, else SMTP_URL; null means the outbox. */
const smtpUrlOf = (options: SendOptions) =>
  options.smtpUrl === undefined ? process.env.SMTP_URL || null : options.smtpUrl;

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
  const smtpUrl = smtpUrlOf(options);
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

/** Messages stored by one outbox statement: enough to keep each statement's parameter modest. */
const OUTBOX_CHUNK = 5_000;

/**
 * Sends (or outboxes) many messages, each as `sendEmail` would, with the same statuses and the
 * same "a key is sent once" rule. Over SMTP the messages go out one by one (the network is the
 * cost); without SMTP they are stored in the outbox a chunk per statement, so a daily playbook
 * run that records tens of thousands of email steps writes them in a few statements, not one
 * round trip each. Results come back in the inputs' order.
 */
export async function sendEmails(db: Db, inputs: KeyedEmailInput[], options: SendOptions = {}): Promise<EmailResult[]> {
  const smtpUrl = smtpUrlOf(options);
  if (smtpUrl) {
    const results: EmailResult[] = [];
    for (const input of inputs) results.push(await sendEmail(db, input, options));
    return results;
  }
  const results: EmailResult[] = [];
  for (let start = 0; start < inputs.length; start += OUTBOX_CHUNK)
    results.push(...(await outboxChunk(db, inputs.slice(start, start + OUTBOX_CHUNK))));
  return results;
}

/** A message of a batch: the key is what makes a retried batch send nothing twice. */
export type KeyedEmailInput = EmailInput & { key: string };

interface OutboxRow {
  n: bigint;
  id: number | null;
  key: string;
  status: EmailStatus;
  error: string | null;
  fresh: boolean;
}

async function outboxChunk(db: Db, inputs: KeyedEmailInput[]): Promise<EmailResult[]> {
  const messages = inputs.map((input) => {
    const to = recipients(input.to);
    if (to.length === 0) throw new RangeError("sendEmail: no recipient");
    return {
      key: input.key,
      to,
      subject: input.subject,
      text: input.text,
      html: input.html ?? null,
      attachments: allAttachments(input),
      accountId: input.accountId ?? null,
    };
  });
  // A key seen before keeps its message (a failed one is stored again as outboxed, as a retried
  // sendEmail would); the ordinality puts the rows back in the inputs' order, and a key repeated
  // in the batch is written once. "fresh" tells a row written now from one found under its key.
  const rows = await db.$queryRaw<OutboxRow[]>`
    WITH input AS (
      SELECT m.*, n
      FROM jsonb_array_elements(${JSON.stringify(messages)}::jsonb) WITH ORDINALITY AS e(doc, n),
           jsonb_to_record(e.doc) AS m(key text, "to" jsonb, subject text, text text, html text,
                                       attachments jsonb, "accountId" int)
    ), written AS (
      INSERT INTO "EmailMessage" (key, "to", subject, text, html, attachments, status, "accountId", "createdAt")
      SELECT key, ARRAY(SELECT jsonb_array_elements_text("to")), subject, text, html, attachments,
             'outboxed'::"EmailStatus", "accountId", ${clock.now()}
      FROM (SELECT DISTINCT ON (key) * FROM input ORDER BY key, n) AS first
      ON CONFLICT (key) DO UPDATE
        SET "to" = EXCLUDED."to", subject = EXCLUDED.subject, text = EXCLUDED.text, html = EXCLUDED.html,
            attachments = EXCLUDED.attachments, status = 'outboxed', error = NULL, "messageId" = NULL,
            "accountId" = EXCLUDED."accountId", "sentAt" = NULL
        WHERE "EmailMessage".status = 'failed'
      RETURNING id, key, status, error
    )
    SELECT i.n, COALESCE(w.id, old.id) AS id, i.key, COALESCE(w.status, old.status) AS status,
           CASE WHEN w.id IS NULL THEN old.error ELSE w.error END AS error, w.id IS NOT NULL AS fresh
    FROM input i
    LEFT JOIN written w ON w.key = i.key
    LEFT JOIN "EmailMessage" old ON w.id IS NULL AND old.key = i.key
    ORDER BY i.n`;
  // A key another run stored while this statement ran is invisible to it: read those after.
  const missing = rows.filter((r) => r.id === null).map((r) => r.key);
  const late = new Map(
    missing.length === 0
      ? []
      : (await db.emailMessage.findMany({ where: { key: { in: missing } } })).map((m) => [m.key, m] as const),
  );
  const seen = new Set<string>();
  return rows.map((r) => {
    const stored = r.id === null ? late.get(r.key) : undefined;
    const first = !seen.has(r.key);
    seen.add(r.key);
    return {
      id: stored?.id ?? (r.id as number),
      status: stored?.status ?? r.status,
      error: stored ? stored.error : r.error,
      replayed: !(r.fresh && first),
    };
  });
}
