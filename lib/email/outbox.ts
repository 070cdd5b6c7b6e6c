import "server-only";
import { db } from "@/lib/db";
import type { EmailStatus } from "./send";

// The admins' view of every message Bowtie stored: outboxed (no SMTP_URL), sent and failed.

export interface OutboxRow {
  id: number;
  createdAt: string;
  to: string[];
  subject: string;
  text: string;
  status: EmailStatus;
  error: string | null;
  account: { externalId: string; name: string } | null;
  attachments: string[];
}

export async function listOutbox(filter: {
  status?: EmailStatus;
  page: number;
  pageSize: number;
}): Promise<{ rows: OutboxRow[]; total: number }> {
  const where = filter.status ? { status: filter.status } : {};
  const [rows, total] = await Promise.all([
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      include: { account: { select: { externalId: true, name: true } } },
    }),
    db.emailMessage.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((m) => ({
      id: m.id,
      createdAt: m.createdAt.toISOString(),
      to: m.to,
      subject: m.subject,
      text: m.text,
      status: m.status,
      error: m.error,
      account: m.account,
      attachments: Array.isArray(m.attachments)
        ? m.attachments.map((a) => String((a as { filename?: unknown } | null)?.filename ?? "attachment"))
        : [],
    })),
  };
}
