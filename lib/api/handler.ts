import "server-only";
import { z } from "zod";
import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/data/platform/api-keys";
import type { AuditActor } from "@/lib/data/platform/audit";
import { clientAddress } from "@/lib/auth/client-address";
import { isDatabaseBusy } from "@/lib/db/pglite-gate";
import { AppError, malformedPath } from "@/lib/errors";
import { unsafeTextIssues } from "@/lib/validation/fields";
import { errorResponse, toErrorResponse, type ApiIssue } from "./errors";
import {
  completeIdempotencyKey,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  requestHash,
  reserveIdempotencyKey,
  type IdempotentRequest,
} from "./idempotency";
import { apiRateLimiter, failedAuthLimiter } from "./rate-limit";

// Every /api/v1 route goes through apiRoute, so no step can be skipped and every failure has
// one shape: authenticate the bearer key → rate limit → read the JSON body → validate path,
// query and body with zod → (a POST or PUT with an Idempotency-Key: reserve the key, or replay
// its stored response) → handler → JSON. Route files only name their schemas and call a data
// function, and export `notAllowed(...)` for the methods they don't serve.

/** Methods whose requests honour the Idempotency-Key header. */
const IDEMPOTENT_METHODS = new Set(["POST", "PUT"]);

/** Bodies above this are refused before parsing (10,000 usage days are about 3 MB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** What Next passes a route handler (params arrive as a promise since Next 15). */
export interface RouteContext {
  params: Promise<Record<string, string>>;
}

export interface ApiReply {
  status: number;
  body: unknown;
  /** A body that is not JSON (an .ics file): sent as is with this content type. */
  contentType?: string;
}

export const ok = (body: unknown): ApiReply => ({ status: 200, body });

/** A text file answered as is (GET only: such replies are never stored for idempotent replays). */
export const textFile = (text: string, contentType: string): ApiReply => ({ status: 200, body: text, contentType });

/** 201 when the write created the record, 200 when it updated (or repeated) it. */
export const saved = ({ created, record }: { created: boolean; record: unknown }): ApiReply => ({
  status: created ? 201 : 200,
  body: record,
});

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  key: ApiKeyIdentity;
  /** Who the audit log names for writes made by this request. */
  actor: AuditActor;
}

interface ApiRouteDefinition<P, Q, B> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** Routes with a body schema read the request body as JSON. */
  body?: z.ZodType<B>;
  handler: (input: ApiInput<P, Q, B>) => Promise<ApiReply>;
}

export function apiRoute<P = undefined, Q = undefined, B = undefined>(def: ApiRouteDefinition<P, Q, B>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const key = await authenticate(request);
      const decision = apiRateLimiter.take(key.id);
      if (!decision.allowed) {
        throw new AppError(
          "rate_limited",
          "Too many requests for this API key. Retry after the delay given in Retry-After.",
          { retryAfter: decision.retryAfterSeconds },
        );
      }
      const idempotencyKey = IDEMPOTENT_METHODS.has(request.method) ? idempotencyKeyOf(request) : null;
      const url = new URL(request.url);
      const raw = {
        params: await readParams(context),
        query: Object.fromEntries(url.searchParams),
        body: def.body ? await readJson(request) : undefined,
      };
      const input = validate(def, raw);
      const run = async () => {
        const reply = await def.handler({ ...input, key, actor: { apiKeyId: key.id } });
        if (reply.contentType)
          return { status: reply.status, body: String(reply.body), contentType: reply.contentType };
        return { status: reply.status, body: JSON.stringify(reply.body) };
      };
      if (idempotencyKey === null) return jsonResponse(await run());
      return await runOnce(
        {
          apiKeyId: key.id,
          key: idempotencyKey,
          hash: requestHash(request.method, url.pathname + url.search, raw.body),
        },
        run,
      );
    } catch (error) {
      if (isDatabaseBusy(error)) return errorResponse(databaseBusy(error.retryAfterSeconds));
      return toErrorResponse(error, request);
    }
  };
}

interface JsonReply {
  status: number;
  /** The JSON text of the body. */
  body: string;
  contentType?: string;
}

function jsonResponse({ status, body, contentType }: JsonReply, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "content-type": contentType ?? "application/json", ...headers } });
}

/**
 * The request under its Idempotency-Key: the first runs and its response is stored; a repeat gets
 * that response (marked Idempotent-Replayed) without writing. A failure frees the key.
 */
async function runOnce(request: IdempotentRequest, run: () => Promise<JsonReply>): Promise<Response> {
  const reservation = await reserveIdempotencyKey(request);
  if (reservation.kind === "replay") return jsonResponse(reservation, { "Idempotent-Replayed": "true" });
  let reply: JsonReply;
  try {
    reply = await run();
  } catch (error) {
    await releaseIdempotencyKey(request).catch((cause: unknown) =>
      console.error("API idempotency key not released", cause),
    );
    throw error;
  }
  // The write has committed: its answer stands even if storing it for replays fails.
  await completeIdempotencyKey(request, reply.status, reply.body).catch((cause: unknown) =>
    console.error("API idempotency response not stored", cause),
  );
  return jsonResponse(reply);
}

/** The embedded database's queue is full (lib/db/pglite-gate.ts): nothing was done; come back shortly. */
const databaseBusy = (retryAfterSeconds: number) =>
  new AppError("unavailable", "The server is busy. Nothing was saved; retry after the delay given in Retry-After.", {
    retryAfter: retryAfterSeconds,
  });

/**
 * The bearer key's identity. Failed attempts are rate-limited per client address, checked before
 * the key is even looked up, so guessing keys (or hammering with a revoked one) soon gets 429s.
 */
async function authenticate(request: Request): Promise<ApiKeyIdentity> {
  const address = clientAddress(request.headers) ?? "unknown";
  const blocked = failedAuthLimiter.check(address);
  if (!blocked.allowed) {
    throw new AppError(
      "rate_limited",
      "Too many requests with a missing or invalid API key from this address. Retry after the delay given in Retry-After.",
      {
        retryAfter: blocked.retryAfterSeconds,
      },
    );
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get("authorization") ?? "");
  const key = match ? await authenticateApiKey(match[1], address) : null;
  if (key) return key;
  failedAuthLimiter.take(address);
  throw new AppError(
    "unauthenticated",
    match
      ? "The API key is not valid or has been revoked."
      : "Send an API key in the Authorization header: Bearer <key>.",
  );
}

/**
 * The path parameters, decoded by Next. A malformed percent-encoding ("100%", "%E0%A4%A") makes
 * the decoding throw: that is the caller's bad input, not a server error.
 */
async function readParams(context: RouteContext): Promise<Record<string, string>> {
  try {
    return await context.params;
  } catch (error) {
    if (error instanceof URIError || (error instanceof Error && error.name === "DecodeError")) throw malformedPath();
    throw error;
  }
}

const tooLarge = () =>
  new AppError("payload_too_large", `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB.`);

/** The body as JSON, refusing oversized bodies before buffering them whole. */
async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await readText(request, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
}

/** Reads the body stream, stopping as soon as it passes `limit` bytes (Content-Length may be absent or wrong). */
async function readText(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Path, query and body validated together, so one 400 lists every problem. Strings PostgreSQL
 * cannot store are refused wherever they are, even in a field no schema reads.
 */
function validate<P, Q, B>(def: ApiRouteDefinition<P, Q, B>, raw: { params: unknown; query: unknown; body: unknown }) {
  const unsafe = [...unsafeTextIssues(raw.params), ...unsafeTextIssues(raw.query), ...unsafeTextIssues(raw.body)];
  if (unsafe.length > 0) throw new AppError("invalid", "Some fields need attention.", { issues: unsafe });
  const issues: z.core.$ZodIssue[] = [];
  const parse = <T>(schema: z.ZodType<T> | undefined, value: unknown): T => {
    if (!schema) return undefined as T;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    issues.push(...result.error.issues);
    return undefined as T;
  };
  const input = {
    params: parse(def.params, raw.params),
    query: parse(def.query, raw.query),
    body: parse(def.body, raw.body),
  };
  if (issues.length === 0) return input;
  const tooMany = issues.filter((i) => i.code === "too_big" && i.origin === "array");
  if (tooMany.length > 0)
    throw new AppError("payload_too_large", "Too many items in one request.", { issues: toApiIssues(tooMany) });
  throw new AppError("invalid", "Some fields need attention.", { issues: toApiIssues(issues) });
}

function toApiIssues(issues: readonly z.core.$ZodIssue[]): ApiIssue[] {
  return issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type OtherMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler = (request: Request) => Promise<Response>;

/**
 * Handlers answering 405 with the Allow header (and the API's JSON error shape) for the methods a
 * route doesn't serve; without them Next answers an empty 405. A route file exports them:
 * `export const { POST, PATCH, DELETE } = notAllowed("GET", "PUT");`
 */
export function notAllowed(...served: OtherMethod[]): Record<OtherMethod | "OPTIONS", Handler> {
  const allow = HTTP_METHODS.filter(
    (m) => served.includes(m as OtherMethod) || (m === "HEAD" && served.includes("GET")) || m === "OPTIONS",
  );
  const answer = async (request: Request) =>
    toErrorResponse(
      new AppError("method_not_allowed", `${request.method} is not supported here. Allowed: ${allow.join(", ")}.`, {
        allow,
      }),
      request,
    );
  // Next's automatic OPTIONS would list every exported method, these 405 handlers included.
  const options = async () => new Response(null, { status: 204, headers: { Allow: allow.join(", ") } });
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: options };
}

/** Handlers for paths no /api/v1 route serves: 404 in the API's error shape, whatever the method. */
export function unknownRoute(): Record<OtherMethod | "OPTIONS", Handler> {
  const answer = async (request: Request) =>
    toErrorResponse(
      new AppError("not_found", "No such API endpoint. See docs/api.md for the endpoints and their methods."),
      request,
    );
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: answer };
}
