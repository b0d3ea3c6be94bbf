import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { PROJECT_ROOT } from "./local-env";
import { freePort } from "./postgres";
import { BIN } from "./run";
import { waitForHttp } from "./wait-for";

export type E2eStack = {
  env: Record<string, string>;
  /** Everything the app printed so far (also shown live). */
  appOutput(): string;
  stop(): Promise<void>;
};

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

/**
 * A fresh simulator for one e2e run: admin controls on (tests inject faults and
 * tick), a fast lifecycle, a throwaway demo key, no snapshot.
 */
async function startSimulator(): Promise<{ child: ChildProcess; url: string; demoKey: string }> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const demoKey = `ysk_${randomBytes(24).toString("base64url")}`;
  const env = {
    ...process.env,
    YAZSANA_SIM_PORT: new URL(url).port,
    YAZSANA_SIM_HOST: "127.0.0.1",
    YAZSANA_SIM_ADMIN: "1",
    YAZSANA_SIM_TICK_MS: "200",
    YAZSANA_SIM_DEMO_KEY: demoKey,
    YAZSANA_SIM_SNAPSHOT: "",
  };
  const child = spawn(BIN("tsx"), ["--conditions=react-server", path.join(PROJECT_ROOT, "sim", "main.ts")], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitForHttp(`${url}/__sim/health`, 60_000);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { child, url, demoKey };
}

/** Starts the simulator and the production build on `port` against its own database. */
export async function startE2eStack({ databaseUrl, port }: { databaseUrl: string; port: number }): Promise<E2eStack> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const simulator = await startSimulator();
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    // Fresh secrets per run: the browser tests never depend on a developer's .env.local.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    KEY_ENCRYPTION_KEYS: `v1:${randomBytes(32).toString("base64")}`,
    YAZSANA_API_URL: simulator.url,
  };
  const app = spawn(BIN("next"), ["start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  app.stdout!.on("data", (chunk: Buffer) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  app.stderr!.on("data", (chunk: Buffer) => {
    output += chunk;
    process.stderr.write(chunk);
  });
  try {
    await waitForHttp(`${baseUrl}/api/health`, 60_000);
  } catch (error) {
    await Promise.all([stop(app), stop(simulator.child)]);
    throw error;
  }
  return {
    env: { E2E_BASE_URL: baseUrl, E2E_SIM_URL: simulator.url, E2E_YAZSANA_DEMO_KEY: simulator.demoKey },
    appOutput: () => output,
    stop: async () => {
      await Promise.all([stop(app), stop(simulator.child)]);
    },
  };
}
