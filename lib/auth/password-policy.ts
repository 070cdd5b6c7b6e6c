import { dictionary } from "@zxcvbn-ts/language-common";

// NIST SP 800-63B §5.1.1.2 for passwords people choose: at least 12 characters, no
// composition rules, and not one of the most common passwords. bcrypt reads only the first
// 72 bytes of its input, so a longer password would be silently cut: refuse it instead.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_BYTES = 72;

let common: Set<string> | null = null;

/** The common-password list shipped in @zxcvbn-ts/language-common (about 30,000 entries, no download). */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

export function utf8Bytes(value: string): number {
  return new TextEncoder().encode(value).length;
}

/** What's wrong with a chosen password, in words for the screen; null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (utf8Bytes(password) > PASSWORD_MAX_BYTES)
    return `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters; fewer with accents or emoji).`;
  if (isCommonPassword(password)) return "That password is too common. Choose something less guessable.";
  const lower = password.toLowerCase();
  const local = context.email?.split("@")[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower === local) || (context.email && lower === context.email.toLowerCase())) {
    return "Don't use your email address as your password.";
  }
  if (context.name && lower === context.name.trim().toLowerCase()) return "Don't use your name as your password.";
  return null;
}
