// A token bucket per API key, in memory: each key may burst up to `perMinute` requests and
// then refills at perMinute / 60 per second. Per server process — enough to stop a runaway
// client from starving everyone else, without a shared store.

import { clock } from "@/lib/clock";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => clock.nowMs(),
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Spends one request of the key's allowance, or says how long to wait for the next one. */
  take(key: number): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000) };
  }
}

/** Requests per minute per key: generous for integrations that batch, as the API asks them to. */
export const API_REQUESTS_PER_MINUTE = 600;

export const apiRateLimiter = new RateLimiter(API_REQUESTS_PER_MINUTE);
