/**
 * `npm run yazsana:probe`: checks that a Yazsana API (real or simulated) still
 * answers the way the portal's client expects. Read-only: it never sends.
 */
import { readYazsanaConfig } from "../lib/yazsana/config";
import { probeYazsana } from "../lib/yazsana/probe";
import { formatProbeReport } from "../lib/yazsana/probe-format";
import { closeYazsanaDispatcher } from "../lib/yazsana/transport";
import { loadLocalEnv } from "./lib/local-env";
import { promptHidden } from "./lib/probe-prompt";

const USAGE = `Usage: npm run yazsana:probe [-- --json]

Calls the read-only Yazsana operations (current user, organizations, services,
one page of sendings twice to learn the page base, and one page of a sending's
messages) and reports, per operation, whether the answers match the portal's
schemas. It sends no SMS and spends no credit.

  YAZSANA_API_URL     base URL of the API (required; .env.local is read too)
  YAZSANA_PROBE_KEY   the API key to probe with; if unset and this is a
                      terminal, you are asked for it (input hidden)
  YAZSANA_TIMEOUT_MS  per-request timeout (default 10000)

The key is never accepted as a command-line argument: arguments end up in shell
history and in the process list.

  --json   print the report as JSON instead of text
  --help   show this help

Exit code: 0 compatible, 1 incompatible, 2 usage error.`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== "--json");
if (unknown.length > 0) usageError(`Unknown argument${unknown.length > 1 ? "s" : ""} (keys are never read from arguments): ${unknown.length} given.`);

loadLocalEnv();
let config;
try {
  config = readYazsanaConfig();
} catch (error) {
  usageError((error as Error).message);
}

let apiKey = process.env.YAZSANA_PROBE_KEY?.trim() || null;
if (!apiKey && process.stdin.isTTY) apiKey = (await promptHidden("Yazsana API key (hidden): "))?.trim() || null;
if (!apiKey) usageError("No API key: set YAZSANA_PROBE_KEY, or run in a terminal to be asked for it.");

const report = await probeYazsana({ baseUrl: config.baseUrl, apiKey, timeoutMs: config.timeoutMs });
await closeYazsanaDispatcher();
console.log(args.includes("--json") ? JSON.stringify(report, null, 2) : formatProbeReport(report));
process.exit(report.compatible ? 0 : 1);
