import { z } from "zod";
import { QBR_CHECKLIST_KEYS, QBR_SECTIONS } from "@/lib/domain/qbr";
import { ZEmail } from "./api";
import { ZId } from "./fields";

// QBRs: the API (create, attendance) and the QBR page (checklist, document edits, emails).

export const ZQuarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'Expected a quarter like "2027-Q1".');

export const ZQbrCreate = z.object({
  quarter: ZQuarter,
  /** The meeting's start, an ISO date-time ("2027-02-10T15:00:00Z"). */
  scheduledAt: z.iso.datetime({ offset: true, message: "Expected a date-time like 2027-02-10T15:00:00Z." }),
  kind: z.enum(["qbr", "ebr"]).optional(),
});

export const ZQbrParams = z.object({ id: ZId });

export const ZQbrAttendance = z.object({
  contactEmails: z.array(ZEmail).max(100, "At most 100 contacts."),
  attended: z.boolean(),
});

export const ZQbrChecklistToggle = z.object({
  id: ZId,
  key: z.enum(QBR_CHECKLIST_KEYS, { message: "Unknown checklist item." }),
  done: z.boolean(),
});

const sectionText = z
  .string()
  .max(20_000, "At most 20,000 characters.")
  .refine((s) => !s.includes("\u0000"), "Must not contain NUL characters.");

export const ZQbrDocumentSave = z.object({
  id: ZId,
  /** Section key → text; null regenerates the document from the account's data. */
  sections: z.object(Object.fromEntries(QBR_SECTIONS.map((s) => [s.key, sectionText.optional()]))).nullable(),
});

export const ZQbrAttendanceAction = ZQbrAttendance.extend({ id: ZId });
export const ZQbrId = z.object({ id: ZId });

export type TQbrCreate = z.infer<typeof ZQbrCreate>;
export type TQbrAttendance = z.infer<typeof ZQbrAttendance>;
