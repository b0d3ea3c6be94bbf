import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // lib/ marks server modules with `server-only`, which throws outside a
      // React Server environment; tests are server code too.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
      // Server actions translate their answers with next-intl's server API, which
      // Next.js wires to i18n/request.ts; outside a request it answers in English.
      "next-intl/server": path.join(root, "node_modules/next-intl/dist/esm/development/server.react-server.js"),
      "next-intl/config": path.join(root, "i18n/request.ts"),
    },
  },
};

// next-intl imports "next/headers" without an extension, which Node's ESM loader can't resolve: let Vite bundle it.
const server = { deps: { inline: ["next-intl"] } };

export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", server } },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          server,
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
