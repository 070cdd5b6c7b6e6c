// The app's one error type. Anything a user, an integration or an operator can act on is an
// AppError with a code; the code is mapped once to a server action's result
// (lib/actions/safe-action.ts) and once to an HTTP status (lib/api/errors.ts). Anything else is
// unexpected: logged, and reported without internals.
//
// No imports from Prisma or Next here: the domain, data layer, scripts and client components
// (app/error.tsx reads UNAVAILABLE_DIGEST) can all use this module.

export const APP_ERROR_CODES = [
  "invalid",
  "invalid_json",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "rate_limited",
  "unavailable",
  "internal",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** One field's problem: a dotted path into the input ("days.5.logins", "externalId") and a message. */
export interface Issue {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  issues?: Issue[];
  /** Seconds until a retry may succeed (rate_limited, unavailable): the Retry-After header. */
  retryAfter?: number;
  /** The methods a path supports (method_not_allowed): the Allow header. */
  allow?: readonly string[];
  /** A more specific code for API clients than the general one ("idempotency_key_reused" for a conflict). */
  reason?: string;
  cause?: unknown;
}

/**
 * The digest Next.js passes to error boundaries for an unavailable database. Next keeps an
 * error's own `digest` instead of hashing its message, so app/error.tsx can tell "the database is
 * down, try again shortly" from a bug even in production, where messages are redacted.
 */
export const UNAVAILABLE_DIGEST = "bowtie-unavailable";

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

export class AppError extends Error {
  readonly issues: Issue[];
  readonly retryAfter?: number;
  readonly allow?: readonly string[];
  readonly reason?: string;
  readonly digest?: string;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.issues = options.issues ?? [];
    this.retryAfter = options.retryAfter;
    this.allow = options.allow;
    this.reason = options.reason;
    if (code === "unavailable") this.digest = UNAVAILABLE_DIGEST;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

// ---------------------------------------------------------------------------------------------
// Shorthands for the failures the data layer raises most

export function notFound(message: string): AppError {
  return new AppError("not_found", message);
}

export function invalidInput(issues: Issue[], message = "Some fields need attention."): AppError {
  return new AppError("invalid", message, { issues });
}

export function conflict(message: string): AppError {
  return new AppError("conflict", message);
}

/** A path whose percent-encoding cannot be decoded ("100%", "%E0%A4%A"). */
export function malformedPath(): AppError {
  return new AppError("invalid", "The path is not validly percent-encoded.", {
    issues: [{ path: "path", message: "Malformed percent-encoding." }],
  });
}

export function unavailable(cause?: unknown): AppError {
  return new AppError("unavailable", "The database is temporarily unavailable. Nothing was saved; try again shortly.", {
    retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
    cause,
  });
}

// ---------------------------------------------------------------------------------------------
// Database failures that are not the request's fault

/** Prisma's codes for a database it cannot reach, or that closed or timed out the connection. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** Node's socket errors when the server is down or unreachable. */
const SOCKET_UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
]);
/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources: disk full
 * 53100, out of memory 53200, too many connections 53300), 57P01–57P03 (admin / crash shutdown,
 * cannot connect now), 58030 (I/O error).
 */
const SQLSTATE_UNAVAILABLE = /^(08...|53...|57P0[1-3]|58030)$/;
/** Prisma's driver-adapter error kinds for the same conditions. */
const ADAPTER_KIND_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "SocketTimeout",
  "TooManyConnections",
  "ConnectionClosed",
]);
const UNAVAILABLE_MESSAGE =
  /Can't reach database server|Connection terminated|connection (?:is )?closed|ECONNREFUSED|No space left on device|could not extend file|the database system is (?:shutting down|starting up|in recovery mode)|is not currently accepting connections|terminating connection due to administrator command/i;

/**
 * Whether an error means the database is down, full or unreachable — a 503 to retry later, not a
 * bug. Walks the cause chain, since Prisma wraps the driver's error and the driver wraps the
 * socket's.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && typeof current === "object" && !seen.has(current);) {
    seen.add(current);
    const e = current as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: unknown;
    };
    if (
      typeof e.code === "string" &&
      (PRISMA_UNAVAILABLE.has(e.code) || SOCKET_UNAVAILABLE.has(e.code) || SQLSTATE_UNAVAILABLE.test(e.code))
    )
      return true;
    if (typeof e.originalCode === "string" && SQLSTATE_UNAVAILABLE.test(e.originalCode)) return true;
    if (typeof e.kind === "string" && ADAPTER_KIND_UNAVAILABLE.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    if (
      e.meta &&
      typeof e.meta === "object" &&
      isDatabaseUnavailable((e.meta as { driverAdapterError?: unknown }).driverAdapterError)
    )
      return true;
    if (
      Array.isArray((current as { errors?: unknown }).errors) &&
      (current as { errors: unknown[] }).errors.some(isDatabaseUnavailable)
    )
      return true;
    current = e.cause;
  }
  return false;
}

/**
 * Unique violations and serialization failures: two requests creating the same record at once
 * (e.g. the same new account). Validation makes them unreachable by a single request.
 */
function isConcurrentWrite(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof Error && error.name === "PrismaClientKnownRequestError" && (code === "P2002" || code === "P2034")
  );
}

/** Any thrown value as an AppError when it is a known failure, or null when it is a bug. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isConcurrentWrite(error))
    return conflict("Another request changed the same record at the same time. Nothing was saved; retry.");
  if (isDatabaseUnavailable(error)) return unavailable(error);
  return null;
}
