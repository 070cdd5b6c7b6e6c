import { AppError, toAppError, type AppErrorCode, type Issue } from "@/lib/errors";

// The API's one error shape (SPEC §6): { "error": { "code", "message", "issues": [{ "path", "message" }] } }.
// AppError codes map to HTTP here and nowhere else. Bad input is always a 4xx; only the
// unexpected becomes a 500, logged here and reported without internals. No "server-only" here:
// proxy.ts answers malformed /api/v1 URLs with the same shape before any route runs.

export type ApiIssue = Issue;

/** Each code's status, and the code the API documents (docs/api.md) where it differs. */
const HTTP: Record<AppErrorCode, { status: number; code?: string }> = {
  invalid: { status: 400, code: "invalid_input" },
  invalid_json: { status: 400 },
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  method_not_allowed: { status: 405 },
  conflict: { status: 409 },
  payload_too_large: { status: 413 },
  rate_limited: { status: 429 },
  unavailable: { status: 503 },
  internal: { status: 500 },
};

export function httpStatus(code: AppErrorCode): number {
  return HTTP[code].status;
}

export function errorResponse(error: AppError): Response {
  const { status, code = error.code } = { ...HTTP[error.code], ...(error.reason ? { code: error.reason } : {}) };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.code === "unauthenticated") headers["WWW-Authenticate"] = 'Bearer realm="bowtie"';
  if (error.retryAfter !== undefined) headers["Retry-After"] = String(error.retryAfter);
  if (error.allow) headers.Allow = error.allow.join(", ");
  return Response.json({ error: { code, message: error.message, issues: error.issues } }, { status, headers });
}

/** Any thrown value as the API's answer. */
export function toErrorResponse(error: unknown, request: Request): Response {
  const known = toAppError(error);
  if (known) {
    if (known.code === "unavailable")
      console.error(`API ${request.method} ${safePath(request)}: database unavailable`, error);
    return errorResponse(known);
  }
  console.error(`API ${request.method} ${safePath(request)} failed`, error);
  return errorResponse(new AppError("internal", "Something went wrong on our side. Nothing was saved."));
}

function safePath(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return request.url;
  }
}
