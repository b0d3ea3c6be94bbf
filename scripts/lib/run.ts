import { execFile, spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { PROJECT_ROOT } from "./local-env";

export const BIN = (name: string) => path.join(PROJECT_ROOT, "node_modules", ".bin", name);

/** Runs a command to completion, inheriting stdio; resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: PROJECT_ROOT, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrThrow(command: string, args: string[], options: SpawnOptions = {}) {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`);
}

/**
 * Applies every migration in prisma/migrations to the database at `url`.
 * Quiet: Prisma's chatter is shown only when it fails.
 */
export async function migrate(url: string, quiet = false) {
  const args = ["migrate", "deploy"];
  const env = { ...process.env, DATABASE_URL: url };
  if (!quiet) return runOrThrow(BIN("prisma"), args, { env });
  try {
    await promisify(execFile)(BIN("prisma"), args, { cwd: PROJECT_ROOT, env });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    process.stderr.write(stdout + stderr);
    throw new Error("prisma migrate deploy failed");
  }
}

/** Stops a child we started: SIGTERM, then SIGKILL if it is still there after 5 s. */
export function stopProcess(child: ChildProcess): Promise<void> {
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

/** How our scripts start the Yazsana simulator (sim/main.ts), configured by YAZSANA_SIM_* variables. */
export const SIMULATOR_COMMAND: [string, string[]] = [BIN("tsx"), ["--conditions=react-server", path.join(PROJECT_ROOT, "sim", "main.ts")]];
/**
 * `npm run worker` as one process: node with tsx as a loader, not the tsx
 * CLI (which runs the script in a child), so a signal — even SIGKILL — hits
 * the worker itself.
 */
export const WORKER_COMMAND: [string, string[]] = [
  process.execPath,
  ["--import", "tsx", "--conditions=react-server", path.join(PROJECT_ROOT, "scripts", "worker.ts")],
];

/** The simulator answers /__sim/health with 200 even when its admin controls are off. */
export const simulatorHealthUrl = (baseUrl: string) => `${baseUrl}/__sim/health`;
