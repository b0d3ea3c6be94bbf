/**
 * README's first command: everything a local portal needs, in one process.
 *   npm run demo            production build (rebuilt only when sources changed)
 *   npm run demo -- --dev   hot reload
 * Ctrl-C stops the app and the embedded PostgreSQL; data stays in .data/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { loadLocalEnv } from "./lib/local-env";
import { ensureLocalSecrets, randomSecret } from "./lib/local-secrets";
import { openMigratedDatabase } from "./lib/demo-database";
import { productionBuildIsFresh } from "./lib/next-build";
import { BIN, runOrThrow } from "./lib/run";
import { waitForHttp } from "./lib/wait-for";
import type { DatabaseServer } from "./lib/postgres";

const devMode = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const children: ChildProcess[] = [];
let database: DatabaseServer | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  await Promise.all(children.map(stopChild));
  await database?.stop();
  process.exit(code);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { stdio: "inherit", env });
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code ?? "signal"}); stopping the demo.`);
      void shutdown(code || 1);
    }
  });
  children.push(child);
  return child;
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  loadLocalEnv();
  const created = ensureLocalSecrets({ NEXTAUTH_SECRET: randomSecret() });
  if (created.length) console.log(`Generated ${created.join(", ")} into .env.local.`);

  const opened = await openMigratedDatabase();
  database = opened.server;
  console.log(opened.server.embedded ? "Embedded PostgreSQL is up (data in .data/postgres)." : "Using DATABASE_URL.");

  const appUrl = `http://localhost:${port}`;
  const env = { ...process.env, DATABASE_URL: opened.url, PORT: String(port), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl };
  if (devMode) {
    startChild("next dev", BIN("next"), ["dev", "-p", String(port)], env);
  } else {
    if (!productionBuildIsFresh()) {
      console.log("Building the production bundle (first start or sources changed)…");
      await runOrThrow(BIN("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
    }
    startChild("next start", BIN("next"), ["start", "-p", String(port)], { ...env, NODE_ENV: "production" });
  }
  await waitForHttp(`${appUrl}/api/health`, devMode ? 180_000 : 60_000);
  console.log(`\n  Yazsana Portal is ready: ${appUrl}\n  Press Ctrl-C to stop.\n`);
}

main().catch(async (error: Error) => {
  console.error(`\nThe demo could not start: ${error.message}`);
  await shutdown(1);
});
