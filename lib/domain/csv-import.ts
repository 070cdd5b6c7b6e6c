import Papa from "papaparse";
import type { z } from "zod";
import { ZAccountUpsert, ZContactUpsert, ZEmail, ZExternalId, ZUsageDay } from "@/lib/validation/api";

// CSV import (SPEC §6): a file's rows become the same inputs the REST API takes, validated by
// the same schemas. Pure: parsing and validation only. A file with any bad row imports nothing;
// the report names each bad row (as numbered in a spreadsheet: the header is row 1) and why.

export const IMPORT_KINDS = ["accounts", "contacts", "usage"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const MAX_IMPORT_ROWS = 50_000;

/** The columns of each kind; `required` ones must be present in the header. */
export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  accounts: {
    required: ["external_id", "name", "segment", "arr", "seats", "contract_start", "renewal_date"],
    optional: ["purchased_features", "domain", "industry", "csm_email", "ae_email"],
  },
  contacts: {
    required: ["account_external_id", "email", "name"],
    optional: ["title", "exec_sponsor", "champion", "decision_maker", "reference_willing"],
  },
  usage: {
    required: ["account_external_id", "date", "active_users", "logins", "sessions", "session_minutes"],
    optional: ["features_used", "workflows_started", "workflows_completed", "integrations_active", "data_quality"],
  },
};

export interface RowIssue {
  /** The spreadsheet row: 2 is the first data row. */
  row: number;
  column: string;
  message: string;
}

export interface AccountImportRow {
  externalId: string;
  input: z.infer<typeof ZAccountUpsert>;
}
export interface ContactImportRow {
  accountExternalId: string;
  email: string;
  input: z.infer<typeof ZContactUpsert>;
}
export interface UsageImportRow {
  accountExternalId: string;
  day: z.infer<typeof ZUsageDay>;
}

export type ParsedImport =
  | { kind: "accounts"; rows: AccountImportRow[]; issues: RowIssue[] }
  | { kind: "contacts"; rows: ContactImportRow[]; issues: RowIssue[] }
  | { kind: "usage"; rows: UsageImportRow[]; issues: RowIssue[] };

type Cells = Record<string, string>;

// Cell → API value. Empty cells are "not given"; lists are separated by ";" or "|".
const cell = (c: Cells, key: string) => (c[key]?.trim() ? c[key].trim() : undefined);
const num = (c: Cells, key: string) => {
  const v = cell(c, key);
  return v === undefined ? undefined : Number(v.replace(/[$,\s]/g, ""));
};
const list = (c: Cells, key: string) =>
  (cell(c, key) ?? "")
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
const flag = (c: Cells, key: string) => ["true", "yes", "y", "1", "x"].includes((cell(c, key) ?? "").toLowerCase());

/** API field → CSV column, so issues name the column the user sees. */
const COLUMN_OF: Record<string, string> = {
  contractStart: "contract_start",
  renewalDate: "renewal_date",
  purchasedFeatures: "purchased_features",
  csmEmail: "csm_email",
  aeEmail: "ae_email",
  execSponsor: "exec_sponsor",
  decisionMaker: "decision_maker",
  referenceWilling: "reference_willing",
  activeUsers: "active_users",
  sessionMinutes: "session_minutes",
  featuresUsed: "features_used",
  workflowsStarted: "workflows_started",
  workflowsCompleted: "workflows_completed",
  integrationsActive: "integrations_active",
  dataQuality: "data_quality",
};
/** The CSV column behind an API field path ("csmEmail" → "csm_email"). */
export function columnOf(path: readonly PropertyKey[] | string): string {
  const field = String((typeof path === "string" ? path.split(".") : path)[0] ?? "");
  return COLUMN_OF[field] ?? field;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, row: number, issues: RowIssue[]): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) issues.push({ row, column: columnOf(i.path), message: i.message });
  return undefined;
}

const readers = {
  accounts(c: Cells, row: number, issues: RowIssue[]): AccountImportRow | undefined {
    const externalId = requiredId(c, "external_id", row, issues);
    const input = validate(
      ZAccountUpsert,
      {
        name: cell(c, "name"),
        segment: cell(c, "segment")?.toLowerCase().replace(/[- ]/g, "_"),
        arr: num(c, "arr"),
        seats: num(c, "seats"),
        contractStart: cell(c, "contract_start"),
        renewalDate: cell(c, "renewal_date"),
        purchasedFeatures: c.purchased_features === undefined ? undefined : list(c, "purchased_features"),
        domain: cell(c, "domain"),
        industry: cell(c, "industry"),
        csmEmail: cell(c, "csm_email"),
        aeEmail: cell(c, "ae_email"),
      },
      row,
      issues,
    );
    return externalId && input ? { externalId, input } : undefined;
  },
  contacts(c: Cells, row: number, issues: RowIssue[]): ContactImportRow | undefined {
    const accountExternalId = requiredId(c, "account_external_id", row, issues);
    const email = validate(ZEmail, cell(c, "email") ?? "", row, issues);
    const input = validate(
      ZContactUpsert,
      {
        name: cell(c, "name"),
        title: cell(c, "title"),
        execSponsor: flag(c, "exec_sponsor"),
        champion: flag(c, "champion"),
        decisionMaker: flag(c, "decision_maker"),
        referenceWilling: flag(c, "reference_willing"),
      },
      row,
      issues,
    );
    return accountExternalId && email && input ? { accountExternalId, email, input } : undefined;
  },
  usage(c: Cells, row: number, issues: RowIssue[]): UsageImportRow | undefined {
    const accountExternalId = requiredId(c, "account_external_id", row, issues);
    const day = validate(
      ZUsageDay,
      {
        date: cell(c, "date"),
        activeUsers: num(c, "active_users"),
        logins: num(c, "logins"),
        sessions: num(c, "sessions"),
        sessionMinutes: num(c, "session_minutes"),
        featuresUsed: list(c, "features_used"),
        workflowsStarted: num(c, "workflows_started") ?? 0,
        workflowsCompleted: num(c, "workflows_completed") ?? 0,
        integrationsActive: list(c, "integrations_active"),
        dataQuality: num(c, "data_quality"),
      },
      row,
      issues,
    );
    return accountExternalId && day ? { accountExternalId, day } : undefined;
  },
};

function requiredId(c: Cells, column: string, row: number, issues: RowIssue[]): string | undefined {
  const parsed = ZExternalId.safeParse(c[column] ?? "");
  if (parsed.success) return parsed.data;
  issues.push({ row, column, message: parsed.error.issues[0]?.message ?? "Required." });
  return undefined;
}

/** Duplicate keys within one file are ambiguous ("which row wins?"): report them. */
function duplicateIssues(keys: (string | undefined)[], column: string): RowIssue[] {
  const seen = new Map<string, number>();
  const issues: RowIssue[] = [];
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index + 2);
    else issues.push({ row: index + 2, column, message: `Duplicate of row ${first}.` });
  });
  return issues;
}

export function parseImport(kind: ImportKind, csv: string): ParsedImport {
  const parsed = Papa.parse<Cells>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
  });
  const issues: RowIssue[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 2, column: "", message: e.message }));
  const header = parsed.meta.fields ?? [];
  const missing = IMPORT_COLUMNS[kind].required.filter((col) => !header.includes(col));
  if (missing.length) {
    return {
      kind,
      rows: [],
      issues: [
        {
          row: 1,
          column: missing.join(", "),
          message: `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`,
        },
      ],
    } as ParsedImport;
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    return {
      kind,
      rows: [],
      issues: [{ row: 1, column: "", message: `At most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows per file.` }],
    } as ParsedImport;
  }
  const rows = parsed.data.map((cells, index) => readers[kind](cells, index + 2, issues));
  const keyOf = (r: (typeof rows)[number]) =>
    !r
      ? undefined
      : "externalId" in r
        ? r.externalId
        : "email" in r
          ? `${r.accountExternalId}|${r.email}`
          : `${r.accountExternalId}|${r.day.date}`;
  issues.push(
    ...duplicateIssues(rows.map(keyOf), kind === "accounts" ? "external_id" : kind === "contacts" ? "email" : "date"),
  );
  issues.sort((a, b) => a.row - b.row);
  return { kind, rows: rows.filter((r) => r !== undefined), issues } as ParsedImport;
}
