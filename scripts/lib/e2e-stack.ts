import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startMailSink } from "./mail-sink";
import { freePort } from "./postgres";
import { BIN, SIMULATOR_COMMAND, simulatorHealthUrl, stopProcess, WORKER_COMMAND } from "./run";
import { waitForHttp } from "./wait-for";

export type E2eStack = {
  env: Record<string, string>;
  /** Process id of `next start`, e.g. to read its memory from /proc. */
  appPid: number | undefined;
  /** Process ids of the simulator and the campaign worker (none without one), for the benchmark's CPU figures. */
  simPid: number | undefined;
  workerPid: number | undefined;
  /** Everything the app (both instances, with secondPort) printed so far (also shown live unless echoAppOutput is false). */
  appOutput(): string;
  stop(): Promise<void>;
};

/**
 * A fresh simulator for one run: admin controls on (tests inject faults and
 * tick), the given lifecycle step, a throwaway demo key, no snapshot.
 */
async function startSimulator(tickMs: number, bulkMax?: number): Promise<{ child: ChildProcess; url: string; refusableUrl: string; demoKey: string }> {
  const url = `http://127.0.0.1:${await freePort()}`;
  // The app calls this port, which tests can close to make Yazsana refuse connections (POST /__sim/refuse).
  const refusableUrl = `http://127.0.0.1:${await freePort()}`;
  const demoKey = `ysk_${randomBytes(24).toString("base64url")}`;
  const env = {
    ...process.env,
    YAZSANA_SIM_PORT: new URL(url).port,
    YAZSANA_SIM_HOST: "127.0.0.1",
    YAZSANA_SIM_ADMIN: "1",
    YAZSANA_SIM_TICK_MS: String(tickMs),
    YAZSANA_SIM_DEMO_KEY: demoKey,
    YAZSANA_SIM_SNAPSHOT: "",
    YAZSANA_SIM_REFUSABLE_PORT: new URL(refusableUrl).port,
    ...(bulkMax && { YAZSANA_SIM_BULK_MAX: String(bulkMax) }),
  };
  const child = spawn(...SIMULATOR_COMMAND, {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitForHttp(simulatorHealthUrl(url), 60_000);
    await waitForHttp(simulatorHealthUrl(refusableUrl), 60_000);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { child, url, refusableUrl, demoKey };
}

export type E2eStackOptions = {
  databaseUrl: string;
  port: number;
  /** Master keys for the app; fresh ones by default. Pass your own to seed stored keys from this process. */
  keyEncryptionKeys?: string;
  /** The simulator's lifecycle step; 0 = only POST /__sim/tick (no background work). Default 200 ms. */
  simulatorTickMs?: number;
  /** Show the app's output live (default); it is kept for appOutput() either way. */
  echoAppOutput?: boolean;
  /** The portal's chunk size (YAZSANA_BULK_MAX); default: its own. */
  bulkMax?: number;
  /** The simulator's upstream bulk limit; default: its own (larger), so tests can seed big sendings directly. */
  simulatorBulkMax?: number;
  /** Start the campaign worker beside the app (default true). */
  worker?: boolean;
  /** Send the app's email to a sink the tests read (default true); false = no email, sign-up logs in at once. */
  mail?: boolean;
  /**
   * Start a second `next start` on this port, on the same database, secrets and
   * simulator (E2E_BASE_URL_2), as two instances behind a load balancer would run.
   */
  secondPort?: number;
};

function startApp(port: number, env: NodeJS.ProcessEnv, echo: boolean, collect: (chunk: Buffer) => void): ChildProcess {
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = spawn(BIN("next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...env, PORT: String(port), NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (chunk: Buffer) => {
    collect(chunk);
    if (echo) process.stdout.write(chunk);
  });
  app.stderr!.on("data", (chunk: Buffer) => {
    collect(chunk);
    if (echo) process.stderr.write(chunk);
  });
  return app;
}

/** Starts the simulator and the production build on `port` against its own database. */
export async function startE2eStack(options: E2eStackOptions): Promise<E2eStack> {
  const { databaseUrl, port, simulatorTickMs = 200, echoAppOutput = true } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  const simulator = await startSimulator(simulatorTickMs, options.simulatorBulkMax);
  // The app's email goes to a sink the browser tests read over HTTP (E2E_MAIL_URL/messages.json).
  const mailSink = options.mail === false ? undefined : await startMailSink({ smtpPort: 0, webPort: 0 });
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    // Fresh secrets per run: the browser tests never depend on a developer's .env.local.
    // Shared by a second instance, as instances behind one address must share them.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    KEY_ENCRYPTION_KEYS: options.keyEncryptionKeys ?? `v1:${randomBytes(32).toString("base64")}`,
    // The refusable port: tests can make Yazsana refuse connections (POST /__sim/refuse).
    YAZSANA_API_URL: simulator.refusableUrl,
    ...(mailSink && { SMTP_URL: mailSink.smtpUrl }),
    ...(options.bulkMax && { YAZSANA_BULK_MAX: String(options.bulkMax) }),
    // The fault suite checks one workspace's key under every fault; the limit itself has integration tests.
    API_KEY_VERIFY_LIMIT_PER_HOUR: "20",
  };
  let output = "";
  const collect = (chunk: Buffer) => (output += chunk);
  const app = startApp(port, env, echoAppOutput, collect);
  const second = options.secondPort === undefined ? undefined : startApp(options.secondPort, env, echoAppOutput, collect);
  // Bulk campaigns need the background worker, as in `npm run demo`.
  const worker = options.worker === false ? undefined : spawn(WORKER_COMMAND[0], WORKER_COMMAND[1], { env, stdio: ["ignore", "inherit", "inherit"] });
  const stopAll = () =>
    Promise.all([stopProcess(app), ...(second ? [stopProcess(second)] : []), stopProcess(simulator.child), ...(mailSink ? [mailSink.stop()] : []), ...(worker ? [stopProcess(worker)] : [])]).then(() => undefined);
  try {
    await waitForHttp(`${baseUrl}/api/health`, 60_000);
    if (options.secondPort !== undefined) await waitForHttp(`http://127.0.0.1:${options.secondPort}/api/health`, 60_000);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    env: {
      E2E_BASE_URL: baseUrl,
      ...(options.secondPort !== undefined && { E2E_BASE_URL_2: `http://127.0.0.1:${options.secondPort}` }),
      E2E_SIM_URL: simulator.url,
      E2E_YAZSANA_DEMO_KEY: simulator.demoKey,
      ...(mailSink && { E2E_MAIL_URL: mailSink.webUrl! }),
      E2E_DATABASE_URL: databaseUrl,
    },
    appPid: app.pid,
    simPid: simulator.child.pid,
    workerPid: worker?.pid,
    appOutput: () => output,
    stop: stopAll,
  };
}
