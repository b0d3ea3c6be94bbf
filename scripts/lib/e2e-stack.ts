import { spawn, type ChildProcess } from "node:child_process";
import { BIN } from "./run";
import { waitForHttp } from "./wait-for";

export type E2eStack = { env: Record<string, string>; stop(): Promise<void> };

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

/** Starts the production build on `port` against its own database. */
export async function startE2eStack({ databaseUrl, port }: { databaseUrl: string; port: number }): Promise<E2eStack> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-use",
  };
  const app = spawn(BIN("next"), ["start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: ["ignore", "inherit", "inherit"] });
  try {
    await waitForHttp(`${baseUrl}/api/health`, 60_000);
  } catch (error) {
    await stop(app);
    throw error;
  }
  return { env: { E2E_BASE_URL: baseUrl }, stop: () => stop(app) };
}
