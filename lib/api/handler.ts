import "server-only";
import { z } from "zod";
import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/data/api-keys";
import type { AuditActor } from "@/lib/data/audit";
import { isDatabaseBusy } from "@/lib/db/pglite-gate";
import { ApiError, errorResponse, toErrorResponse, type ApiIssue } from "./errors";
import { apiRateLimiter } from "./rate-limit";

// Every /api/v1 route goes through apiRoute, so no step can be skipped and every failure has
// one shape: authenticate the bearer key → rate limit → read the JSON body → validate path,
// query and body with zod → handler → JSON. Route files only name their schemas and call a
// data function.

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
      const raw = {
        params: await context.params,
        query: Object.fromEntries(new URL(request.url).searchParams),
        body: def.body ? await readJson(request) : undefined,
      };
      const input = validate(def, raw);
      const reply = await def.handler({ ...input, key, actor: { apiKeyId: key.id } });
      return Response.json(reply.body, { status: reply.status });
    } catch (error) {
      if (isDatabaseBusy(error)) return errorResponse(databaseBusy(error.retryAfterSeconds));
      return toErrorResponse(error, request);
    }
  };
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
  const key = await authenticateApiKey(match[1]);
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
