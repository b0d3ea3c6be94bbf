import path from "node:path";

/**
 * The `bare` benchmark scenario's own app (npm run bench): the framework
 * ceiling the portal is compared with. Never part of the portal's build.
 * Turbopack's root is the repository, whose node_modules it resolves from.
 */
const nextConfig = {
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default nextConfig;
