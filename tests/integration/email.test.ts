// Email (issue 13 item 5): with SMTP_URL, messages go out over a real SMTP server started here
// (smtp-server on a free port) and are stored as sent; without it they land in the admins'
// outbox; a refusing server stores the message as failed with its reason. A key sends once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";

const { db } = await import("@/lib/db");
const { sendEmail, sendEmails } = await import("@/lib/email/send");
const { listOutbox } = await import("@/lib/email/outbox");

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";

describe("sendEmail", () => {
  it("delivers over SMTP and stores the message as sent", async () => {
    const result = await sendEmail(
      db,
      { to: ["ana@customer.test"], subject: "QBR pre-read", text: "Agenda attached.", ics: ICS, key: "smtp-1" },
      { smtpUrl: sink.url },
    );
    expect(result).toMatchObject({ status: "sent", error: null, replayed: false });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    expect(mail.to).toEqual(["ana@customer.test"]);
    expect(mail.raw).toContain("Subject: QBR pre-read");
    expect(mail.raw).toContain("Agenda attached.");
    expect(mail.raw).toContain("text/calendar");
    expect(mail.raw).toContain("BEGIN:VCALENDAR");
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.status).toBe("sent");
    expect(row.sentAt).not.toBeNull();
  });

  it("sends a keyed message once: a retry replays the stored one", async () => {
    const before = sink.received.length;
    const again = await sendEmail(
      db,
      { to: "ana@customer.test", subject: "QBR pre-read", text: "Agenda attached.", key: "smtp-1" },
      { smtpUrl: sink.url },
    );
    expect(again).toMatchObject({ status: "sent", replayed: true });
    expect(sink.received.length).toBe(before);
    expect(await db.emailMessage.count({ where: { key: "smtp-1" } })).toBe(1);
  });

  it("keeps the message in the outbox when no SMTP server is configured", async () => {
    const result = await sendEmail(
      db,
      { to: "bo@customer.test", subject: "Welcome", text: "Hello" },
      { smtpUrl: null },
    );
    expect(result.status).toBe("outboxed");
    const { rows } = await listOutbox({ status: "outboxed", page: 1, pageSize: 10 });
    expect(rows.map((r) => r.subject)).toContain("Welcome");
  });

  it("stores a refused message as failed with the reason, and a retry with the key delivers it", async () => {
    const refusing = await startSmtpSink({ reject: "Mailbox unavailable" });
    try {
      const failed = await sendEmail(
        db,
        { to: "cy@customer.test", subject: "Invitation", text: "Join us", key: "smtp-2" },
        { smtpUrl: refusing.url },
      );
      expect(failed.status).toBe("failed");
      expect(failed.error).toContain("Mailbox unavailable");
    } finally {
      await refusing.close();
    }
    const retried = await sendEmail(
      db,
      { to: "cy@customer.test", subject: "Invitation", text: "Join us", key: "smtp-2" },
      { smtpUrl: sink.url },
    );
    expect(retried).toMatchObject({ status: "sent", replayed: false });
    expect(sink.received.at(-1)?.to).toEqual(["cy@customer.test"]);
    expect(await db.emailMessage.count({ where: { key: "smtp-2" } })).toBe(1);
  });
});

describe("sendEmails (a batch, as the daily playbook run sends)", () => {
  it("outboxes every message in the inputs' order, each to its own recipients, and a rerun stores nothing new", async () => {
    const batch = Array.from({ length: 7 }, (_, i) => ({
      to: [`c${i}@batch.test`, `d${i}@batch.test`],
      subject: `Check-in ${i}`,
      text: `Hello ${i}`,
      key: `batch-${i}`,
    }));
    const first = await sendEmails(db, batch, { smtpUrl: null });
    expect(first.map((r) => [r.status, r.replayed])).toEqual(batch.map(() => ["outboxed", false]));
    const rows = await db.emailMessage.findMany({ where: { key: { startsWith: "batch-" } }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.to, r.subject, r.text])).toEqual(
      batch.map((b) => [b.key, b.to, b.subject, b.text]),
    );
    expect(first.map((r) => r.id)).toEqual(rows.map((r) => r.id));

    const again = await sendEmails(db, batch, { smtpUrl: null });
    expect(again.map((r) => [r.id, r.replayed])).toEqual(first.map((r) => [r.id, true]));
    expect(await db.emailMessage.count({ where: { key: { startsWith: "batch-" } } })).toBe(7);
  });

  it("stores a key repeated within a batch once, and outboxes again a message that had failed", async () => {
    const refusing = await startSmtpSink({ reject: "Mailbox unavailable" });
    try {
      const failed = await sendEmail(
        db,
        { to: "fa@batch.test", subject: "Renewal", text: "Soon", key: "batch-failed" },
        { smtpUrl: refusing.url },
      );
      expect(failed.status).toBe("failed");
    } finally {
      await refusing.close();
    }
    const results = await sendEmails(
      db,
      [
        { to: "fa@batch.test", subject: "Renewal", text: "Soon", key: "batch-failed" },
        { to: "dup@batch.test", subject: "Twice", text: "Once", key: "batch-dup" },
        { to: "dup@batch.test", subject: "Twice", text: "Once", key: "batch-dup" },
      ],
      { smtpUrl: null },
    );
    expect(results.map((r) => [r.status, r.error, r.replayed])).toEqual([
      ["outboxed", null, false],
      ["outboxed", null, false],
      ["outboxed", null, true],
    ]);
    expect(results[1].id).toBe(results[2].id);
    expect(await db.emailMessage.count({ where: { key: { in: ["batch-failed", "batch-dup"] } } })).toBe(2);
  });
});
