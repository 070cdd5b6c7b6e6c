/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM build from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for signed-in users without the role.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
