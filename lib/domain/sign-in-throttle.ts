// Sign-in throttling (OWASP ASVS 2.2.1): pure rules, no I/O. Each key counts failed sign-ins
// (per email, and per client address); past a free allowance every further failure doubles
// the wait before the next attempt is heard, up to a ceiling. A key forgets its failures once
// it has been quiet for `forgetAfterMs`.

export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  free: number;
  /** The wait after the first failure past the allowance; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

const MINUTE = 60_000;

export const EMAIL_POLICY: ThrottlePolicy = {
  free: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};
/** A client may mistype across many emails (a shared office address): a larger allowance. */
export const CLIENT_POLICY: ThrottlePolicy = {
  free: 30,
  baseDelayMs: 10_000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

/** The wait imposed after `failures` failures: 0 within the allowance, then base·2^(n−1), capped. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.free;
  if (over <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over - 1, 30));
}

/** Whether a key has been quiet long enough to start again from zero. */
export function isForgotten(state: ThrottleState, nowMs: number, policy: ThrottlePolicy): boolean {
  return nowMs - state.lastFailureAt.getTime() >= policy.forgetAfterMs;
}

/** Milliseconds until this key may try again (0 = now). */
export function waitMs(state: ThrottleState | null, nowMs: number, policy: ThrottlePolicy): number {
  if (!state || isForgotten(state, nowMs, policy)) return 0;
  return Math.max(0, state.lastFailureAt.getTime() + delayAfter(state.failures, policy) - nowMs);
}

/** The failure count after one more failure now. */
export function nextFailures(state: ThrottleState | null, nowMs: number, policy: ThrottlePolicy): number {
  return !state || isForgotten(state, nowMs, policy) ? 1 : state.failures + 1;
}

/** True when this failure is the one that starts the waits: a lockout worth recording. */
export function startsLockout(failures: number, policy: ThrottlePolicy): boolean {
  return failures === policy.free + 1;
}
