import createNextIntlPlugin from "next-intl/plugin";

/**
 * Headers for every response. Pages also get a strict, nonce-based
 * Content-Security-Policy from proxy.ts; this baseline covers everything else
 * (route handlers, static files): no framing, sniffing, plugins or foreign form posts.
 */
const securityHeaders = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // Browsers honour it only over https, so it is harmless on a local http demo.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets lib/ mark decrypted API keys with React's taint APIs so they can never
  // be passed to a Client Component.
  // authInterrupts enables forbidden(): a role without a page's permission
  // gets app/forbidden.tsx with HTTP 403.
  experimental: { taint: true, authInterrupts: true },
  poweredByHeader: false,
  // pg, Prisma's generated client and argon2 load native or wasm code at run
  // time; rate-limiter-flexible ships a file per store it supports: keep them
  // out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "rate-limiter-flexible", "graphile-worker"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl reads each request's language and messages from i18n/request.ts.
// `precompile` compiles every ICU message under messages/ at build time, so
// neither the browser bundle nor the server carries an ICU parser (−9 kB gzip
// on every page) and a message is formatted without being parsed first.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "tr"], precompile: true } },
});

export default withNextIntl(nextConfig);
