/**
 * Runs vitest with a migrated test database available, passing arguments
 * through: `npm run test:vitest -- tests/integration/health.test.ts`.
 */
import { loadLocalEnv } from "./lib/local-env";
import { BIN, run } from "./lib/run";
import { withTestTemplate } from "./lib/test-template";

loadLocalEnv();
const code = await withTestTemplate(({ env }) => run(BIN("vitest"), ["run", ...process.argv.slice(2)], { env: { ...process.env, ...env } }));
process.exit(code);
