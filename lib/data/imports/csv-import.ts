import "server-only";
import { db } from "@/lib/db";
import { columnOf, type ParsedImport, type RowIssue } from "@/lib/domain/csv-import";
import type { AuditActor } from "../platform/audit";
import { AppError } from "@/lib/errors";
import { WRITE_TX_OPTIONS } from "../accounts/write";
import { upsertAccount } from "../accounts/save-account";
import { upsertContact } from "../accounts/contacts";
import { upsertUsageDays } from "../health/usage";
import type { Tx } from "@/lib/db/types";

export interface ImportResult {
  imported: number;
  issues: RowIssue[];
}

/**
 * Writes a validated file through the same ingest functions as the REST API, all in one
 * transaction: rows naming unknown accounts (or anything the writes refuse) are reported by
 * row, and then nothing is imported.
 */
export async function importRows(parsed: ParsedImport, actor: AuditActor): Promise<ImportResult> {
  if (parsed.issues.length) return { imported: 0, issues: parsed.issues };
  const unknown = await unknownAccountIssues(parsed);
  if (unknown.length) return { imported: 0, issues: unknown };
  const refused: RefusedRow = { issues: [] };
  try {
    const imported = await db.$transaction((tx) => writeAll(parsed, actor, tx, refused), {
      ...WRITE_TX_OPTIONS,
      timeout: 10 * 60_000,
    });
    return { imported, issues: [] };
  } catch (error) {
    if (refused.issues.length) return { imported: 0, issues: refused.issues };
    throw error;
  }
}

/** The row the writes refused, reported by row and column once the transaction has rolled back. */
interface RefusedRow {
  issues: RowIssue[];
}

/** Refusals the file's author can fix; anything else (a database outage, a bug) is not about a row. */
const ROW_REFUSALS = new Set(["invalid", "not_found", "conflict"]);

/** Notes an ingest refusal on one row as that row's issues, and rethrows to abort the transaction. */
async function atRow<T>(row: number, refused: RefusedRow, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError && ROW_REFUSALS.has(error.code)) {
      refused.issues = error.issues.length
        ? error.issues.map((i) => ({ row, column: columnOf(i.path), message: i.message }))
        : [{ row, column: "", message: error.message }];
    }
    throw error;
  }
}

async function writeAll(parsed: ParsedImport, actor: AuditActor, tx: Tx, refused: RefusedRow): Promise<number> {
  switch (parsed.kind) {
    case "accounts":
      for (const [i, r] of parsed.rows.entries())
        await atRow(i + 2, refused, () => upsertAccount(r.externalId, r.input, actor, tx));
      return parsed.rows.length;
    case "contacts":
      for (const [i, r] of parsed.rows.entries())
        await atRow(i + 2, refused, () => upsertContact(r.accountExternalId, r.email, r.input, actor, tx));
      return parsed.rows.length;
    case "usage": {
      // One set-based upsert per account, whatever the order of the file's rows.
      const byAccount = new Map<string, { firstRow: number; days: (typeof parsed.rows)[number]["day"][] }>();
      parsed.rows.forEach((r, i) => {
        const group = byAccount.get(r.accountExternalId) ?? { firstRow: i + 2, days: [] };
        group.days.push(r.day);
        byAccount.set(r.accountExternalId, group);
      });
      for (const [externalId, { firstRow, days }] of byAccount)
        await atRow(firstRow, refused, () => upsertUsageDays(externalId, days, actor, tx));
      return parsed.rows.length;
    }
  }
}

/** Contacts and usage must name accounts Bowtie knows (import accounts first). */
async function unknownAccountIssues(parsed: ParsedImport): Promise<RowIssue[]> {
  if (parsed.kind === "accounts") return [];
  const ids = [...new Set(parsed.rows.map((r) => r.accountExternalId))];
  const known = new Set(
    (await db.account.findMany({ where: { externalId: { in: ids } }, select: { externalId: true } })).map(
      (a) => a.externalId,
    ),
  );
  return parsed.rows.flatMap((r, i) =>
    known.has(r.accountExternalId)
      ? []
      : [
          {
            row: i + 2,
            column: "account_external_id",
            message: `No account with the external id "${r.accountExternalId}".`,
          },
        ],
  );
}
