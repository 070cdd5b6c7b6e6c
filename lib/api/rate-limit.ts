// Token buckets in memory: each key (an API key's id, or a client address) may burst up to
// `perMinute` requests and then refills at perMinute / 60 per second. Per server process —
// enough to stop a runaway client from starving everyone else, without a shared store.

import { clock } from "@/lib/clock";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Buckets kept before idle (full) ones are dropped, so spoofed addresses cannot grow memory without bound. */
const MAX_BUCKETS = 10_000;

export class RateLimiter<K extends string | number = number> {
  private readonly buckets = new Map<K, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => clock.nowMs(),
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Spends one request of the key's allowance, or says how long to wait for the next one. */
  take(key: K): RateDecision {
    const bucket = this.refill(key);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return this.denied(bucket);
  }

  /** Whether the key has a request left, without spending it. */
  check(key: K): RateDecision {
    const bucket = this.refill(key);
    return bucket.tokens >= 1 ? { allowed: true } : this.denied(bucket);
  }

  private refill(key: K): { tokens: number; at: number } {
    const now = this.now();
    const stored = this.buckets.get(key);
    if (!stored && this.buckets.size >= MAX_BUCKETS) this.prune(now);
    const bucket = stored ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    return bucket;
  }

  private denied(bucket: { tokens: number }): RateDecision {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  /** Drops buckets that have refilled completely (they hold no state worth keeping), or the oldest half. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
    }
    if (this.buckets.size < MAX_BUCKETS) return;
    let drop = this.buckets.size / 2;
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}

/** Requests per minute per key: generous for integrations that batch, as the API asks them to. */
export const API_REQUESTS_PER_MINUTE = 600;

export const apiRateLimiter = new RateLimiter<number>(API_REQUESTS_PER_MINUTE);

/**
 * Requests with a missing, unknown or revoked key per client address and minute. A client that
 * passes it gets 429 for every request (even with a valid key) until its bucket refills.
 */
export const FAILED_AUTH_PER_MINUTE = 60;

export const failedAuthLimiter = new RateLimiter<string>(FAILED_AUTH_PER_MINUTE);
