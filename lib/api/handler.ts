import "server-only";
import { z } from "zod";
import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/data/platform/api-keys";
import type { AuditActor } from "@/lib/data/platform/audit";
import {
  completeIdempotencyKey,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  requestHash,
  reserveIdempotencyKey,
  type IdempotentRequest,
} from "./idempotency";
import { isDatabaseBusy } from "@/lib/db/pglite-gate";
import { ApiError, errorResponse, toErrorResponse, type ApiIssue } from "./errors";
import { apiRateLimiter } from "./rate-limit";
import { clientAddress } from "@/lib/auth/client-address";

// Every /api/v1 route goes through apiRoute, so no step can be skipped and every failure has
// one shape: authenticate the bearer key → rate limit → read the JSON body → validate path,
// query and body with zod → (a POST or PUT with an Idempotency-Key: reserve the key, or replay
// its stored response) → handler → JSON. Route files only name their schemas and call a data
// function.

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
}

export const ok = (body: unknown): ApiReply => ({ status: 200, body });

/** 201 when the write created the record, 200 when it updated (or repeated) it. */
export const saved = ({ created, record }: { created: boolean; record: unknown }): ApiReply => ({ status: created ? 201 : 200, body: record });

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
        throw new ApiError(429, "rate_limited", "Too many requests for this API key. Retry after the delay given in Retry-After.", [], {
          "Retry-After": String(decision.retryAfterSeconds),
        });
      }
      const idempotencyKey = IDEMPOTENT_METHODS.has(request.method) ? idempotencyKeyOf(request) : null;
      const url = new URL(request.url);
      const raw = {
        params: await context.params,
        query: Object.fromEntries(url.searchParams),
        body: def.body ? await readJson(request) : undefined,
      };
      const input = validate(def, raw);
      const run = async () => {
        const reply = await def.handler({ ...input, key, actor: { apiKeyId: key.id } });
        return { status: reply.status, body: JSON.stringify(reply.body) };
      };
      if (idempotencyKey === null) return jsonResponse(await run());
      return await runOnce({ apiKeyId: key.id, key: idempotencyKey, hash: requestHash(request.method, url.pathname + url.search, raw.body) }, run);
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
}

function jsonResponse({ status, body }: JsonReply, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
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
    await releaseIdempotencyKey(request).catch((cause: unknown) => console.error("API idempotency key not released", cause));
    throw error;
  }
  // The write has committed: its answer stands even if storing it for replays fails.
  await completeIdempotencyKey(request, reply.status, reply.body).catch((cause: unknown) => console.error("API idempotency response not stored", cause));
  return jsonResponse(reply);
}
/** The embedded database's queue is full (lib/db/pglite-gate.ts): nothing was done; come back shortly. */
const databaseBusy = (retryAfterSeconds: number) =>
  new ApiError(503, "unavailable", "The server is busy. Nothing was saved; retry after the delay given in Retry-After.", [], {
    "Retry-After": String(retryAfterSeconds),
  });

const unauthenticated = (message: string) =>
  new ApiError(401, "unauthenticated", message, [], { "WWW-Authenticate": 'Bearer realm="bowtie"' });

async function authenticate(request: Request): Promise<ApiKeyIdentity> {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) throw unauthenticated("Send an API key in the Authorization header: Bearer <key>.");
  const key = await authenticateApiKey(match[1], clientAddress(request.headers));
  if (!key) throw unauthenticated("The API key is not valid or has been revoked.");
  return key;
}

const tooLarge = () => new ApiError(413, "payload_too_large", `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB.`);

/** The body as JSON, refusing oversized bodies before buffering them whole. */
async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await readText(request, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
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

/** Path, query and body validated together, so one 400 lists every problem. */
function validate<P, Q, B>(def: ApiRouteDefinition<P, Q, B>, raw: { params: unknown; query: unknown; body: unknown }) {
  const issues: z.core.$ZodIssue[] = [];
  const parse = <T>(schema: z.ZodType<T> | undefined, value: unknown): T => {
    if (!schema) return undefined as T;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    issues.push(...result.error.issues);
    return undefined as T;
  };
  const input = { params: parse(def.params, raw.params), query: parse(def.query, raw.query), body: parse(def.body, raw.body) };
  if (issues.length === 0) return input;
  const tooMany = issues.filter((i) => i.code === "too_big" && i.origin === "array");
  if (tooMany.length > 0) throw new ApiError(413, "payload_too_large", "Too many items in one request.", toApiIssues(tooMany));
  throw new ApiError(400, "invalid_input", "Some fields need attention.", toApiIssues(issues));
}

function toApiIssues(issues: readonly z.core.$ZodIssue[]): ApiIssue[] {
  return issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}
