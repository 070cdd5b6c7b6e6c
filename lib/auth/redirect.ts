// Where to send a user after sign-in (OWASP ASVS 5.1.5): only somewhere on Bowtie's own origin.
// The candidate is resolved against the app's origin the way a browser would (backslashes,
// tabs and newlines, "/./", protocol-relative and absolute URLs included) and kept only when
// the resulting origin is the app's. A prefix check on the raw string is not enough:
// "/\evil.example" and "/<tab>/evil.example" both start with "/" and land off-site.

const PLACEHOLDER_ORIGIN = "http://bowtie.invalid";

/** The same-origin path (+ query and hash) to go to, or null when `candidate` leaves the origin. */
export function safeRedirectPath(
  candidate: string | null | undefined,
  appOrigin: string = PLACEHOLDER_ORIGIN,
): string | null {
  if (!candidate) return null;
  let origin: string;
  let target: URL;
  try {
    origin = new URL(appOrigin).origin;
    target = new URL(candidate, origin);
  } catch {
    return null;
  }
  if (target.origin !== origin) return null;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser would read as
  // protocol-relative: collapse leading slashes so the path stays a path.
  return target.pathname.replace(/^\/+/, "/") + target.search + target.hash;
}

/** For next-auth's redirect callback: an absolute URL on the app's origin, else its home. */
export function safeRedirectUrl(candidate: string, baseUrl: string): string {
  const path = safeRedirectPath(candidate, baseUrl);
  return new URL(path ?? "/", baseUrl).href;
}
