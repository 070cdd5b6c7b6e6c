/** Headers every response carries, static files included (proxy.ts adds the CSP and HSTS). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM build from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for signed-in users without the role.
    authInterrupts: true,
  },
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
