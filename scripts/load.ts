/**
 * `npm run load -- --users N --seconds S` (defaults 50 and 120): N logged-in
 * users at once for S seconds against the production build, the campaign
 * worker and the simulator — reading reports and sendings, exporting CSV,
 * sending single SMS (the send page's server action over HTTP) and small
 * campaigns (the bulk review route, then the confirm action). Prints requests,
 * errors and p50/p95/p99 per page, then checks that every send it made is in
 * the simulator exactly once and in the local records. Not part of `npm test`.
 *
 * Last line: `load: <requests> requests, <errors> errors, <sends> sends, <duplicated> duplicated, <lost> lost`;
 * the exit code is 1 unless errors, duplicated and lost are all 0.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Agent } from "undici";
import { generateKeyEncryptionKey } from "@/lib/crypto/key-encryption-keys";
import { FIXTURE } from "@/sim/testing";
import { serverActionId } from "./lib/load-actions";
import { LoadStats, runUser, type LoadTarget } from "./lib/load-scenario";
import { seedLoadUsers } from "./lib/load-users";
import { verifySends, waitForCampaigns } from "./lib/load-verify";
import { startE2eStack, type E2eStack } from "./lib/e2e-stack";
import { loadLocalEnv } from "./lib/local-env";
import { productionBuildIsFresh } from "./lib/next-build";
import { createDatabaseIfMissing, dropDatabase, freePort, withDatabase } from "./lib/postgres";
import { BIN, runOrThrow } from "./lib/run";
import { withTestTemplate } from "./lib/test-template";

const { values: flags } = parseArgs({ options: { users: { type: "string", default: "50" }, seconds: { type: "string", default: "120" } } });

function wholeNumber(flag: string, value: string): number {
  const number = Number(value);
  if (value.trim() !== "" && Number.isInteger(number) && number >= 1) return number;
  console.error(`${flag} takes a whole number of at least 1; got "${value}".`);
  process.exit(2);
}
const settings = { users: wholeNumber("--users", flags.users), seconds: wholeNumber("--seconds", flags.seconds) };

const interrupted = new AbortController();
let runningStack: E2eStack | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted.signal.aborted) process.exit(130);
    console.log("\nStopping the load run…");
    interrupted.abort(new Error("interrupted"));
    void runningStack?.stop();
  });
}

/** Nearest-rank percentile of ascending `sorted`. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

function printLatencies(stats: LoadStats) {
  const rows = [...stats.samples].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([label]) => label.length), 4);
  console.log(`\n${"page".padEnd(width)}  requests      p50      p95      p99  (ms)`);
  for (const [label, samples] of rows) {
    const sorted = [...samples].sort((a, b) => a - b);
    const cells = [50, 95, 99].map((p) => Math.round(percentile(sorted, p)).toString().padStart(8));
    console.log(`${label.padEnd(width)}  ${String(sorted.length).padStart(8)} ${cells.join(" ")}`);
  }
}

async function main(): Promise<boolean> {
  loadLocalEnv();
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (!productionBuildIsFresh()) {
    console.log("Building the production bundle (none yet, or sources changed)…");
    await runOrThrow(BIN("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
  }
  const sendActionId = serverActionId("app/(portal)/send/actions.ts", "sendSmsAction");
  const confirmActionId = serverActionId("app/(portal)/send/campaigns/actions.ts", "confirmCampaignAction");
  return withTestTemplate(async ({ server, template }) => {
    const database = `yazsana_load_${randomBytes(4).toString("hex")}`;
    await createDatabaseIfMissing(server.adminUrl, database, template);
    const databaseUrl = withDatabase(server.adminUrl, database);
    // This process stores the workspaces' key, the app and the worker open it: the same master key.
    const keyEncryptionKeys = generateKeyEncryptionKey("v1");
    process.env.KEY_ENCRYPTION_KEYS = keyEncryptionKeys;
    process.env.DATABASE_URL = databaseUrl;
    const dispatcher = new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000 });
    try {
      console.log("Starting the simulator, next start and the campaign worker…");
      // Chunks of 5: a small campaign goes out in a few chunks, one worker job each.
      const stack = await startE2eStack({ databaseUrl, port: await freePort(), keyEncryptionKeys, echoAppOutput: false, mail: false, bulkMax: 5 });
      runningStack = stack;
      interrupted.signal.throwIfAborted();
      const [baseUrl, simUrl, demoKey] = [stack.env.E2E_BASE_URL!, stack.env.E2E_SIM_URL!, stack.env.E2E_YAZSANA_DEMO_KEY!];
      process.env.YAZSANA_API_URL = simUrl;
      const runId = randomBytes(3).toString("hex");
      console.log(`Creating and logging in ${settings.users} users…`);
      const users = await seedLoadUsers({ count: settings.users, runId, baseUrl, demoKey, dispatcher });

      const stats = new LoadStats();
      const target: LoadTarget = {
        baseUrl,
        runId,
        serviceId: FIXTURE.services.standard,
        sendActionId,
        confirmActionId,
        dispatcher,
        deadline: Date.now() + settings.seconds * 1000,
        signal: interrupted.signal,
      };
      console.log(`Running ${settings.users} users for ${settings.seconds} s…`);
      const progress = setInterval(() => console.log(`  … ${stats.requests} requests, ${stats.errors} errors`), 15_000);
      await Promise.all(users.map((user) => runUser(target, user, stats)));
      clearInterval(progress);
      interrupted.signal.throwIfAborted();

      console.log("Waiting for the worker to finish the campaigns…");
      const unfinished = await waitForCampaigns(stats.campaigns.map((campaign) => campaign.campaignId), 180_000);
      const verdict = await verifySends({ simUrl, demoKey, runId, singles: stats.singles, campaigns: stats.campaigns });
      printLatencies(stats);
      console.log(`\nSingle SMS sent: ${stats.singles.length}; campaigns confirmed: ${stats.campaigns.length} (${verdict.sends - stats.singles.length} chunk sendings).`);
      if (unfinished > 0) console.log(`${unfinished} campaign(s) were still running after 3 minutes: their unsent chunks count as lost.`);
      if (verdict.unaccounted > 0) console.log(`${verdict.unaccounted} sending(s) in the simulator that no successful request accounts for.`);
      for (const example of stats.errorExamples) console.log(`  error: ${example}`);
      for (const problem of verdict.problems) console.log(`  check: ${problem}`);
      const errors = stats.errors + verdict.unaccounted;
      console.log(`load: ${stats.requests} requests, ${errors} errors, ${verdict.sends} sends, ${verdict.duplicated} duplicated, ${verdict.lost} lost`);
      return errors === 0 && verdict.duplicated === 0 && verdict.lost === 0;
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
  process.exit((await main()) ? 0 : 1);
} catch (error) {
  if (interrupted.signal.aborted) process.exit(130);
  console.error(`\nThe load run could not complete: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
