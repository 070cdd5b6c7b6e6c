import "server-only";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { CLIENT_POLICY, EMAIL_POLICY, startsLockout, waitMs, type ThrottlePolicy } from "@/lib/domain/sign-in-throttle";

// Persistence for the sign-in throttle (rules in lib/domain/sign-in-throttle.ts): one row per
// key in SignInThrottle, so every server process and a restarted one see the same counts.

export interface ThrottleKeys {
  email: string;
  /** The client's address, or null when unknown. */
  client: string | null;
}

function keysOf({ email, client }: ThrottleKeys): Array<{ key: string; policy: ThrottlePolicy }> {
  const keys = [{ key: `email:${email.trim().toLowerCase()}`, policy: EMAIL_POLICY }];
  if (client) keys.push({ key: `client:${client}`, policy: CLIENT_POLICY });
  return keys;
}

/** Seconds to wait before this email (or this client) may try to sign in again; 0 = go ahead. */
export async function signInRetryAfter(keys: ThrottleKeys): Promise<number> {
  const all = keysOf(keys);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: all.map((k) => k.key) } } });
  const now = clock.nowMs();
  let wait = 0;
  for (const { key, policy } of all) {
    const row = rows.find((r) => r.key === key) ?? null;
    wait = Math.max(wait, waitMs(row, now, policy));
  }
  return Math.ceil(wait / 1000);
}

/** Counts a failed sign-in against the email and the client; says which keys it locked out. */
export async function recordSignInFailure(keys: ThrottleKeys): Promise<{ lockedOut: string[] }> {
  const now = clock.now();
  const lockedOut: string[] = [];
  for (const { key, policy } of keysOf(keys)) {
    // Forget a key that has been quiet long enough, then count this failure atomically
    // (concurrent attempts each add one).
    await db.signInThrottle.deleteMany({
      where: { key, lastFailureAt: { lt: new Date(now.getTime() - policy.forgetAfterMs) } },
    });
    const row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, firstFailureAt: now, lastFailureAt: now },
      update: { failures: { increment: 1 }, lastFailureAt: now },
    });
    if (startsLockout(row.failures, policy)) lockedOut.push(key);
  }
  // Housekeeping: drop keys quiet for longer than any policy remembers.
  const forget = Math.max(EMAIL_POLICY.forgetAfterMs, CLIENT_POLICY.forgetAfterMs);
  await db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - forget) } } });
  return { lockedOut };
}

/** A successful sign-in clears the email's count (never the client's: one good account must not
 * reset a client that is guessing at others). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
