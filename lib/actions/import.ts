"use server";

import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { importRows, type ImportResult } from "@/lib/data/imports/csv-import";
import { IMPORT_KINDS, parseImport } from "@/lib/domain/csv-import";
import { defineAction, type ActionResult } from "./safe-action";

const MAX_FILE_BYTES = 20 * 1024 * 1024;

const ZImportForm = z.object({
  kind: z.enum(IMPORT_KINDS, { message: "Pick what the file holds." }),
  file: z
    .instanceof(File, { message: "Choose a CSV file." })
    .refine((f) => f.size > 0, "The file is empty.")
    .refine((f) => f.size <= MAX_FILE_BYTES, "Files of up to 20 MB can be imported; split larger ones."),
});

const importCsv = defineAction({
  schema: ZImportForm,
  authorize: (user) => can(user, "settings:manage"),
  revalidate: ["/accounts", "/dashboard", "/scorecard", "/renewals"],
  handler: async ({ kind, file }, user) => importRows(parseImport(kind, await file.text()), { userId: user.id }),
});

export async function importCsvAction(
  _prev: ActionResult<ImportResult> | null,
  form: FormData,
): Promise<ActionResult<ImportResult>> {
  return importCsv(form);
}
