// The client's address for throttling and the security log. Next's server fills in
// X-Forwarded-For with the socket address only when the header is absent, and a reverse proxy
// appends the address it saw: the rightmost entry is the one added closest to Bowtie, so it is
// the hardest for a client to forge. Run Bowtie behind a proxy that sets the header (SECURITY.md).
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource): string | null {
  const forwarded = header(headers, "x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const address = last ?? header(headers, "x-real-ip")?.trim();
  if (!address) return null;
  // Normalise IPv4-mapped IPv6 and cap the length (a header is client input).
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}
