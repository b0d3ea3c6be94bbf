/**
 * README's first command: everything a local portal needs, in one process.
 *   npm run demo            production build (rebuilt only when a build input changed)
 *   npm run demo -- --dev   hot reload
 * Unless YAZSANA_API_URL points at a real Yazsana, the Yazsana simulator runs
 * beside the app (port YAZSANA_SIM_PORT, default 4010; its history in
 * .data/simulator.json) and the banner prints the demo key to paste in the portal.
 * Unless SMTP_URL is set, a local mail sink catches the portal's email
 * (invitations, confirmation links) and lists it on MAIL_SINK_PORT (default 4011).
 * Ctrl-C stops the app, the simulator and the embedded PostgreSQL; data stays in .data/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { loadLocalEnv, portalDataDir, PROJECT_ROOT } from "./lib/local-env";
import { ensureLocalSecrets, randomSecret } from "./lib/local-secrets";
import { openMigratedDatabase } from "./lib/demo-database";
import { productionBuildIsFresh } from "./lib/next-build";
import { BIN, runOrThrow, SIMULATOR_COMMAND, simulatorHealthUrl, stopProcess, WORKER_COMMAND } from "./lib/run";
import { waitForHttp } from "./lib/wait-for";
import { seedDemoAccount } from "./lib/seed-demo-account";
import { startMailSink, type MailSink } from "./lib/mail-sink";
import { generateKeyEncryptionKey } from "@/lib/crypto/key-encryption-keys";
import type { DatabaseServer } from "./lib/postgres";

const devMode = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
// The demo prints a login: it listens on this machine only, unless HOSTNAME
// asks for another interface (e.g. 0.0.0.0 inside a container).
const host = process.env.HOSTNAME || "127.0.0.1";
const children: ChildProcess[] = [];
let database: DatabaseServer | undefined;
let mailSink: MailSink | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  await Promise.all([...children.map(stopProcess), mailSink?.stop()]);
  await database?.stop();
  process.exit(code);
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

type Simulator = { url: string; demoKey: string };

/** Starts sim/main.ts as a child; resolves once it answers its health check. */
async function startSimulator(): Promise<Simulator> {
  const simPort = Number(process.env.YAZSANA_SIM_PORT || 4010);
  const url = `http://127.0.0.1:${simPort}`;
  const demoKey = process.env.YAZSANA_SIM_DEMO_KEY!;
  startChild("Yazsana simulator", ...SIMULATOR_COMMAND, {
    ...withoutAppSecrets(process.env),
    YAZSANA_SIM_PORT: String(simPort),
    YAZSANA_SIM_HOST: "127.0.0.1",
    YAZSANA_SIM_SNAPSHOT: path.join(portalDataDir(), "simulator.json"),
  });
  await waitForHttp(simulatorHealthUrl(url), 60_000);
  return { url, demoKey };
}

/**
 * The app talks to the simulator over HTTP only and never logs anyone in by
 * itself: it has no business holding the demo key or the demo password.
 */
function withoutDemoSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return withoutVariables(env, (name) => name.startsWith("YAZSANA_SIM_") || name.startsWith("DEMO_USER_"));
}

function withoutVariables(env: NodeJS.ProcessEnv, omit: (name: string) => boolean): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !omit(name))) as NodeJS.ProcessEnv;
}

/** The demo owner, whose workspace already holds the simulator's demo key. */
async function seedDemoOwner(databaseUrl: string, simulator: Simulator | undefined) {
  process.env.DATABASE_URL = databaseUrl;
  if (simulator) process.env.YAZSANA_API_URL = simulator.url;
  const account = await seedDemoAccount({
    email: process.env.DEMO_USER_EMAIL || "demo@example.com",
    password: process.env.DEMO_USER_PASSWORD!,
    yazsanaKey: simulator?.demoKey,
  });
  if (account.created) console.log(`Created the demo owner ${account.email}${account.keyStored ? " with the demo Yazsana key" : ""}.`);
  return account;
}

/** The simulator stands in for a remote service: it gets none of the portal's own secrets. */
const APP_SECRETS = new Set(["KEY_ENCRYPTION_KEYS", "NEXTAUTH_SECRET", "DATABASE_URL", "DEMO_USER_PASSWORD"]);
function withoutAppSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return withoutVariables(env, (name) => APP_SECRETS.has(name));
}

async function main() {
  loadLocalEnv();
  // Local runs stay on this machine: no usage reports to Vercel.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const created = ensureLocalSecrets({
    NEXTAUTH_SECRET: randomSecret(),
    // The master key that encrypts stored API keys: losing it makes them unreadable.
    KEY_ENCRYPTION_KEYS: () => generateKeyEncryptionKey("v1"),
    // Stable across starts, so a workspace that saved it keeps working.
    YAZSANA_SIM_DEMO_KEY: () => `ysk_${randomSecret(24)()}`,
    DEMO_USER_PASSWORD: randomSecret(12),
  });
  if (created.length) console.log(`Generated ${created.join(", ")} into .env.local.`);

  const simulator = process.env.YAZSANA_API_URL ? undefined : await startSimulator();
  const opened = await openMigratedDatabase();
  database = opened.server;
  console.log(opened.server.embedded ? `Embedded PostgreSQL is up (data in ${path.relative(PROJECT_ROOT, portalDataDir()) || "."}/postgres).` : "Using DATABASE_URL.");

  const demoAccount = await seedDemoOwner(opened.url, simulator);
  // A real SMTP_URL wins; otherwise the portal's mail goes to a local sink, never out.
  if (!process.env.SMTP_URL) {
    mailSink = await startMailSink({
      smtpPort: Number(process.env.MAIL_SINK_SMTP_PORT || 4025),
      webPort: Number(process.env.MAIL_SINK_PORT || 4011),
    });
  }

  const appUrl = `http://localhost:${port}`;
  const env = {
    ...withoutDemoSecrets(process.env),
    DATABASE_URL: opened.url,
    PORT: String(port),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || appUrl,
    YAZSANA_API_URL: simulator?.url ?? process.env.YAZSANA_API_URL,
    SMTP_URL: mailSink?.smtpUrl ?? process.env.SMTP_URL,
  };
  if (devMode) {
    startChild("next dev", BIN("next"), ["dev", "-H", host, "-p", String(port)], env);
  } else {
    if (!productionBuildIsFresh()) {
      console.log("Building the production bundle (first start or sources changed)…");
      await runOrThrow(BIN("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
    }
    startChild("next start", BIN("next"), ["start", "-H", host, "-p", String(port)], { ...env, NODE_ENV: "production" });
  }
  // Bulk campaigns run in the background worker, beside the app (production: `npm run worker`).
  startChild("campaign worker", WORKER_COMMAND[0], WORKER_COMMAND[1], { ...env, NODE_ENV: devMode ? "development" : "production" });
  const healthUrl = host === "127.0.0.1" ? `http://127.0.0.1:${port}/api/health` : `${appUrl}/api/health`;
  await waitForHttp(healthUrl, devMode ? 180_000 : 60_000);
  // The one place the demo key is printed: a local simulator key, meant to be pasted into the portal.
  const simulatorLines = simulator ? `\n  Yazsana simulator: ${simulator.url}\n  Demo Yazsana API key: ${simulator.demoKey}` : "";
  const loginLines = `\n  Demo login: ${demoAccount.email} / ${demoAccount.password}${demoAccount.created ? "" : " (unless you changed it)"}`;
  const mailLines = mailSink ? `\n  Mail the portal sends (invitations, confirmation links): ${mailSink.webUrl}` : "";
  console.log(`\n  Yazsana Portal is ready: ${appUrl}${loginLines}${simulatorLines}${mailLines}\n  Press Ctrl-C to stop.\n`);
}

main().catch(async (error: Error) => {
  console.error(`\nThe demo could not start: ${error.message}`);
  await shutdown(1);
});
