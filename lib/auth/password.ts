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

// 32 letters and digits without look-alikes (l, o, 0, 1): a byte's low 5 bits pick one uniformly.
const TEMP_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** A temporary password an admin hands over once: 20 random characters (100 bits) in groups of 5. */
export function generateTemporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = [...bytes].map((b) => TEMP_ALPHABET[b & 31]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}
