import { z } from "zod";
import { SECURITY_EVENT_TYPES } from "@/lib/domain/security-events";

export const SECURITY_PAGE_SIZE = 50;

/** The security log's filters, from the URL: bad values fall back to "all" rather than failing. */
export const ZSecurityQuery = z.object({
  type: z.enum(SECURITY_EVENT_TYPES).optional().catch(undefined),
  user: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
