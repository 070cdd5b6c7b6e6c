import "server-only";
import { z } from "zod";
import { can, type GlobalAction } from "@/lib/auth/policy";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { csvResponse, type CsvCell } from "./csv";

type Batches = AsyncIterable<CsvCell[][]> | Iterable<CsvCell[][]>;

export interface CsvExport {
  /** The file's name: bowtie-<name>-<today>.csv. */
  name: string;
  fields: string[];
  /** Rows a batch at a time (a generator streams large tables), or all at once as one batch. */
  rows: Batches;
}

interface ExportDefinition<Q, P> {
  /** The policy action the export needs; every signed-in user when omitted. */
  action?: GlobalAction;
  /** Filters from the query string, validated (bad filters answer 400). */
  query?: z.ZodType<Q>;
  /** Builds the file, or answers null for an unknown resource (404). */
  build: (input: { user: CurrentUser; query: Q; params: P }) => Promise<CsvExport | null> | CsvExport | null;
}

/**
 * Every CSV export goes through here: session (401) → policy (403) → validated filters (400) →
 * the data streamed through the one CSV writer, whose cells are formula-safe.
 */
export function exportRoute<Q = undefined, P = Record<string, string>>(def: ExportDefinition<Q, P>) {
  // Both arguments are optional so tests (and exports without filters) can call GET() directly.
  return async (request?: Request, context?: { params: Promise<P> }): Promise<Response> => {
    const user = await getCurrentUser();
    if (!user) return text(401, "Sign in first.");
    if (def.action && !can(user, def.action)) return text(403, "Not allowed.");
    let query = undefined as Q;
    if (def.query) {
      const parsed = def.query.safeParse(Object.fromEntries(new URL(request?.url ?? "http://localhost/").searchParams));
      if (!parsed.success) return text(400, "Those filters are not valid.");
      query = parsed.data;
    }
    const file = await def.build({ user, query, params: ((await context?.params) ?? {}) as P });
    if (!file) return text(404, "Nothing to export here.");
    return csvResponse(file.name, file.fields, file.rows);
  };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
