/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Types are checked by the project's own step (`npm run typecheck`, first in `npm test` and in CI); the build would
  // only check them a second time, which costs half a minute on every first start.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // A build's file-system cache speeds up the next build from the same folder; CI builds a fresh clone once and
    // would only spend time writing a cache it never reads.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // The embedded database and the Postgres driver stay outside the bundle: PGlite loads its data files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
        ],
      },
      {
        // API answers may carry patient data: never stored by a browser or a proxy, and never rendered as a page.
        source: "/api/:path*",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
      {
        // CDS Hooks answers carry patient data and sit inside the EHR's half-second wait: never stored, and never
        // compressed (no-transform), as gzip costs more time on these few kilobytes than it saves on the wire.
        // Browser-based EHRs call from their own origin (CDS Hooks requires CORS): any origin may, because trust
        // rests on the JWT each call carries, never on cookies or the origin.
        source: "/cds-services/:path*",
        headers: [
          { key: "Cache-Control", value: "no-store, no-transform" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "Access-Control-Allow-Origin", value: "*" },
          { key: "Access-Control-Allow-Methods", value: "GET, POST, OPTIONS" },
          { key: "Access-Control-Allow-Headers", value: "Authorization, Content-Type" },
          { key: "Access-Control-Max-Age", value: "600" },
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
