import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError, invalidInput } from "@/lib/errors";

// The Idempotency-Key header (docs/api.md "Retries"): a POST or PUT sent with a key is done once
// per API key and idempotency key for 24 hours. The key is reserved before the write runs, by an
// insert that only one request can win (ON CONFLICT DO NOTHING); the winner stores its response,
// which later requests with the same key and the same request get back without writing again.
// A request that fails stores nothing (every write is all-or-nothing) and frees the key, so the
// client may retry it under the same key.

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** How long a key is remembered; older ones are ignored, then purged. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * A reservation still without a response after this long belongs to a request that never
 * finished (the server stopped mid-request; the longest write times out after 70 s): the next
 * request with the key takes it over.
 */
export const ABANDONED_AFTER_MS = 5 * 60 * 1000;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The header's value, or null when absent; 400 when malformed. */
export function idempotencyKeyOf(request: Request): string | null {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return null;
  if (!KEY_PATTERN.test(value)) {
    throw invalidInput([
      { path: "Idempotency-Key", message: "Expected 1 to 255 visible ASCII characters (a UUID is a good key)." },
    ]);
  }
  return value;
}

/** JSON with object keys sorted, so the same body re-serialised by a retrying client hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What makes two requests "the same": method, path with query, and the body's JSON. */
export function requestHash(method: string, pathAndQuery: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${pathAndQuery}\n${canonical(body)}`)
    .digest("hex");
}

export interface IdempotentRequest {
  apiKeyId: number;
  key: string;
  hash: string;
}

export type Reservation = { kind: "reserved" } | { kind: "replay"; status: number; body: string };

/**
 * Reserves the key for this request, or answers what the first request with the key answered.
 * 409 `idempotency_key_reused` when the key came with another request, 409
 * `idempotency_in_progress` while the first request is still running.
 */
export async function reserveIdempotencyKey(request: IdempotentRequest): Promise<Reservation> {
  const { apiKeyId, key, hash } = request;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = clock.now();
    // Its own statement, outside the write's transaction: of concurrent requests exactly one inserts.
    const { count } = await db.idempotencyKey.createMany({
      data: [{ apiKeyId, key, requestHash: hash, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 1) return { kind: "reserved" };

    const stored = await db.idempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (!stored) continue; // freed meanwhile: try the insert again
    const age = now.getTime() - stored.createdAt.getTime();
    const abandoned = stored.status === null && age > ABANDONED_AFTER_MS;
    if (age > IDEMPOTENCY_TTL_MS || abandoned) {
      // Expired (or abandoned): the key is free again. Conditional, so only one request takes it over.
      const taken = await db.idempotencyKey.updateMany({
        where: { apiKeyId, key, createdAt: stored.createdAt },
        data: { requestHash: hash, status: null, body: null, createdAt: now },
      });
      if (taken.count === 1) return { kind: "reserved" };
      continue;
    }
    if (stored.requestHash !== hash) {
      throw new AppError(
        "conflict",
        "This Idempotency-Key was already used for a different request (method, path or body). Use a new key for a new request.",
        { reason: "idempotency_key_reused" },
      );
    }
    if (stored.status === null || stored.body === null) {
      throw new AppError(
        "conflict",
        "A request with this Idempotency-Key is still being processed. Retry shortly to get its response.",
        {
          reason: "idempotency_in_progress",
          retryAfter: 1,
        },
      );
    }
    return { kind: "replay", status: stored.status, body: stored.body };
  }
  throw new AppError("conflict", "Other requests with this Idempotency-Key are being processed. Retry shortly.", {
    reason: "idempotency_in_progress",
    retryAfter: 1,
  });
}

/** Stores the response of the request that reserved the key. */
export async function completeIdempotencyKey(
  { apiKeyId, key, hash }: IdempotentRequest,
  status: number,
  body: string,
): Promise<void> {
  await db.idempotencyKey.updateMany({
    where: { apiKeyId, key, requestHash: hash, status: null },
    data: { status, body },
  });
}

/** Frees the key after a failed request (nothing was written), so it may be retried under the same key. */
export async function releaseIdempotencyKey({ apiKeyId, key, hash }: IdempotentRequest): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { apiKeyId, key, requestHash: hash, status: null } });
}

/** Deletes keys older than 24 hours by the clock (the daily job calls it); returns how many. */
export async function purgeExpiredIdempotencyKeys(now: Date = clock.now()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
  });
  return count;
}
