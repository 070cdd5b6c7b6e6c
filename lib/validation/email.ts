import { z } from "zod";

export const OUTBOX_PAGE_SIZE = 25;
export const EMAIL_STATUSES = ["outboxed", "sent", "failed"] as const;

/** The outbox's filters, from the URL: bad values fall back to "all" rather than failing. */
export const ZOutboxQuery = z.object({
  status: z.enum(EMAIL_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
