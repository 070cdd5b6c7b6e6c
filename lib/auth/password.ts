import bcrypt from "bcryptjs";

// bcryptjs: maintained, pure JavaScript (nothing native to download), cost 10 ≈ 70 ms here.
// bcrypt reads at most 72 bytes: lib/auth/password-policy.ts refuses longer new passwords.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummy: Promise<string> | null = null;

/** A hash of a random secret at the same cost: compared against when an email has no user,
 * so that answer takes as long as a wrong password. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomUUID());
  return dummy;
}
