// Response headers for OWASP ASVS 14.4 (and 50.x in ASVS 5), in one place: proxy.ts sets the
// Content-Security-Policy (it needs a fresh nonce per request) and HSTS (it depends on the
// deployment's URL at run time); next.config.mjs sets the static ones on every response,
// static files included.

/** A fresh nonce for one response's scripts. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Pages: scripts only with this response's nonce (and what those load, 'strict-dynamic');
 * styles may be inline (the charts set style attributes); nothing may frame Bowtie.
 */
export function pageCsp(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API responses and downloads are data, never documents to run or frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export const HSTS = "max-age=31536000; includeSubDomains";

export function isHttpsDeployment(url = process.env.NEXTAUTH_URL): boolean {
  return !!url && url.startsWith("https://");
}
