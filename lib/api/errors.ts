import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { IngestError, type IngestIssue } from "@/lib/data/accounts/write";

// The API's one error shape (SPEC §6): { "error": { "code", "message", "issues": [{ "path", "message" }] } }.
// Bad input is always a 4xx; only the unexpected becomes a 500, logged here and reported
// without internals.

export type ApiIssue = IngestIssue;

/** A failure with its HTTP status, thrown anywhere in a request and answered as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorResponse(error: ApiError): Response {
  const { status, code, message, issues, headers } = error;
  return Response.json({ error: { code, message, issues } }, { status, headers });
}

const INGEST_ERRORS = {
  not_found: { status: 404, code: "not_found" },
  invalid: { status: 400, code: "invalid_input" },
  conflict: { status: 409, code: "conflict" },
} as const;

/** Any thrown value as the API's answer. */
export function toErrorResponse(error: unknown, request: Request): Response {
  if (error instanceof ApiError) return errorResponse(error);
  if (error instanceof IngestError) {
    const { status, code } = INGEST_ERRORS[error.code];
    return errorResponse(new ApiError(status, code, error.message, error.issues));
  }
  if (isConcurrentWrite(error)) {
    return errorResponse(new ApiError(409, "conflict", "Another request changed the same record at the same time. Nothing was saved; retry."));
  }
  console.error(`API ${request.method} ${new URL(request.url).pathname} failed`, error);
  return errorResponse(new ApiError(500, "internal", "Something went wrong on our side. Nothing was saved."));
}

/**
 * Unique violations and serialization failures: two requests creating the same record at once
 * (e.g. the same new account). Validation makes them unreachable by a single request.
 */
function isConcurrentWrite(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034");
}
