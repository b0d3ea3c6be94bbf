/**
 * README's second command. Runs every check and exits non-zero if any failed:
 *   1. typecheck   2. lint   3. vitest (unit + integration on real PostgreSQL)
 *   4. Playwright e2e in Chromium against the production build.
 * Integration and e2e tests get throwaway databases cloned from one migrated
 * template on DATABASE_URL's server, or on a scratch embedded PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { loadLocalEnv, PROJECT_ROOT } from "./lib/local-env";
import { createDatabaseIfMissing, dropDatabase, freePort, withDatabase } from "./lib/postgres";
import { BIN, run } from "./lib/run";
import { withTestTemplate } from "./lib/test-template";
import { startE2eStack } from "./lib/e2e-stack";
import { productionBuildIsFresh } from "./lib/next-build";

type Step = { name: string; passed: boolean; detail?: string };
const steps: Step[] = [];
/** `flaky`: failed at first and passed on a retry. Reported, and it fails the run: a flaky pass is not a pass. */
const counts = { passed: 0, flaky: 0, failed: 0, skipped: 0 };
/** Names of the tests that failed or needed a retry, repeated in the summary (CI may show only the tail). */
const troubled: string[] = [];

async function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  console.log(`\n━━━ ${name} ━━━`);
  const code = await run(command, args, { env });
  steps.push({ name, passed: code === 0 });
  return code === 0;
}

function readJson<T>(file: string): T | undefined {
  const full = path.join(PROJECT_ROOT, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, "utf8")) as T) : undefined;
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] | null }>;
  }>;
};

function countVitest() {
  const report = readJson<VitestReport>("test-results/vitest-results.json");
  if (!report) return;
  // vitest has no retries configured; should someone add them, a test that passed
  // after failing keeps its earlier failures in failureMessages.
  const flaky = report.testResults
    .flatMap((file) => file.assertionResults)
    .filter((test) => test.status === "passed" && (test.failureMessages?.length ?? 0) > 0).length;
  for (const file of report.testResults) {
    const where = path.relative(PROJECT_ROOT, file.name);
    // A file that failed to load has no assertion results, only its status.
    if (file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")) {
      troubled.push(`vitest failed: ${where} (${file.message?.split("\n")[0] ?? "did not run"})`);
    }
    for (const test of file.assertionResults) {
      if (test.status === "failed") troubled.push(`vitest failed: ${where} › ${test.fullName}`);
      else if (test.status === "passed" && test.failureMessages?.length) troubled.push(`vitest flaky: ${where} › ${test.fullName}`);
    }
  }
  counts.passed += report.numPassedTests - flaky;
  counts.flaky += flaky;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
  return flaky;
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: Array<{ title: string; file: string; line: number; tests: Array<{ status: string }> }>;
  suites?: PlaywrightSuite[];
};

function collectPlaywrightTrouble(suite: PlaywrightSuite, titles: string[]) {
  const trail = suite.file && titles.length === 0 ? [] : [...titles, suite.title];
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      if (test.status === "unexpected" || test.status === "flaky") {
        const label = test.status === "flaky" ? "flaky" : "failed";
        troubled.push(`e2e ${label}: ${spec.file}:${spec.line} › ${[...trail, spec.title].join(" › ")}`);
      }
    }
  }
  for (const child of suite.suites ?? []) collectPlaywrightTrouble(child, trail);
}

function countPlaywright() {
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PlaywrightSuite[];
  }>("test-results/e2e-results.json");
  if (!report) return;
  for (const suite of report.suites) collectPlaywrightTrouble(suite, []);
  counts.passed += report.stats.expected;
  counts.flaky += report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
  return report.stats.flaky;
}

/** A runner that exited 0 with flaky tests still fails the run (Playwright retries on CI only to collect traces). */
function failOnFlaky(runner: string, flaky: number | undefined) {
  if (flaky) steps.push({ name: `${runner}: ${flaky} test(s) passed only on a retry (flaky)`, passed: false });
}

// `npm test -- --e2e [spec files…]` runs only the build and the browser tests (for iterating on them).
const onlyE2e = process.argv.includes("--e2e");
const e2eFiles = onlyE2e ? process.argv.slice(2).filter((arg) => arg !== "--e2e") : [];

/**
 * The browser tests pasted the demo key many times: the server must not have
 * logged it once, while it did log its upstream calls (so there was output to check).
 */
/**
 * The app's output is JSON lines (lib/log): it must never hold the API key,
 * must log the upstream calls, and an upstream call must carry the id of the
 * request that made it, whose own line names the member and workspace.
 */
function checkServerLogs(output: string, apiKey: string) {
  const leaked = output.includes(apiKey) || output.includes(Buffer.from(apiKey).toString("base64"));
  const lines = output.split("\n").flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return parsed && typeof parsed === "object" ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
  const calls = lines.filter((line) => line.msg === "yazsana call" && line.operation === "getCurrentUser");
  const requests = new Map(lines.filter((line) => line.msg === "request" && typeof line.requestId === "string").map((line) => [line.requestId, line]));
  const joined = calls.some((call) => {
    const request = requests.get(call.requestId);
    return request && typeof request.memberId === "string" && typeof request.workspaceId === "string" && call.workspaceId === request.workspaceId;
  });
  console.log("\n━━━ server logs ━━━");
  console.log(leaked ? "✗ the app's output contains the Yazsana API key" : "✓ the app's output never contains the Yazsana API key");
  console.log(calls.length ? `✓ the app logged its upstream calls as JSON (${calls.length} getCurrentUser)` : "✗ the app logged no upstream call as JSON");
  console.log(joined ? "✓ an upstream call carries its request's id, member and workspace" : "✗ no upstream call line matches a request line with member and workspace");
  steps.push({ name: "server logs: JSON lines for requests and upstream calls, API key never", passed: !leaked && calls.length > 0 && joined });
}

async function main() {
  loadLocalEnv();
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  rmSync(path.join(PROJECT_ROOT, "test-results"), { recursive: true, force: true });
  if (!onlyE2e) {
    await step("typecheck", BIN("tsc"), ["--noEmit"]);
    await step("lint", BIN("eslint"), [".", "--max-warnings=0"]);
  }

  console.log("\n━━━ test database ━━━");
  await withTestTemplate(async ({ server, template, env: templateEnv }) => {
    console.log(`Migrated template database ${template}.`);
    const testEnv = { ...process.env, ...templateEnv };

    if (!onlyE2e) {
      await step("unit + integration (vitest)", BIN("vitest"), [
        "run",
        "--reporter=default",
        "--reporter=json",
        "--outputFile.json=test-results/vitest-results.json",
      ], testEnv);
      failOnFlaky("vitest", countVitest());
    }

    console.log("\n━━━ production build ━━━");
    // Iterating on chosen specs reuses a build no input has changed since; every full run builds.
    if (e2eFiles.length && productionBuildIsFresh()) {
      console.log("Reusing the production build: no build input changed since it was made.");
    } else {
      const buildOk = (await run(BIN("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } })) === 0;
      steps.push({ name: "next build", passed: buildOk });
      if (!buildOk) return;
    }
    const e2eDatabase = `yazsana_e2e_${randomBytes(4).toString("hex")}`;
    await createDatabaseIfMissing(server.adminUrl, e2eDatabase, template);
    const stack = await startE2eStack({ databaseUrl: withDatabase(server.adminUrl, e2eDatabase), port: await freePort(), bulkMax: 3 });
    try {
      await step("e2e (playwright, chromium)", BIN("playwright"), ["test", ...e2eFiles], { ...process.env, ...stack.env });
      failOnFlaky("e2e", countPlaywright());
      checkServerLogs(stack.appOutput(), stack.env.E2E_YAZSANA_DEMO_KEY!);
    } finally {
      await stack.stop();
      await dropDatabase(server.adminUrl, e2eDatabase).catch(() => {});
    }
  });
}

let crashed = false;
try {
  await main();
} catch (error) {
  crashed = true;
  console.error("\nThe test run could not complete:", error);
}

console.log("\n━━━ summary ━━━");
for (const { name, passed } of steps) console.log(`${passed ? "✓" : "✗"} ${name}`);
for (const line of troubled) console.log(`  ✗ ${line}`);
const allPassed = !crashed && steps.every((s) => s.passed);
console.log(`tests: ${counts.passed} passed, ${counts.flaky} flaky, ${counts.failed} failed, ${counts.skipped} skipped (node ${process.version})`);
process.exit(allPassed ? 0 : 1);
