import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./local-env";
import { BIN, runOrThrow, stopProcess } from "./run";
import { waitForHttp } from "./wait-for";

/** The `bare` scenario's app: a minimal Next.js app of its own, never part of the portal's build. */
export const BARE_APP_DIR = path.join(PROJECT_ROOT, "bench", "bare");

function newestSource(directory: string): number {
  let newest = statSync(directory).mtimeMs;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === ".next" || entry.name === "next-env.d.ts") continue;
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds bench/bare unless its build is newer than its sources (and than the installed Next.js). */
export async function ensureBareBuild(): Promise<void> {
  const buildId = path.join(BARE_APP_DIR, ".next", "BUILD_ID");
  const installedNext = path.join(PROJECT_ROOT, "node_modules", "next", "package.json");
  if (existsSync(buildId) && Math.max(newestSource(BARE_APP_DIR), statSync(installedNext).mtimeMs) < statSync(buildId).mtimeMs) return;
  console.log("Building the bare comparison app (bench/bare)…");
  // With webpack: Turbopack, whose root must be the repository (for node_modules),
  // also picked up the portal's proxy.ts and instrumentation.ts from there.
  await runOrThrow(BIN("next"), ["build", "--webpack"], { cwd: BARE_APP_DIR, env: { ...process.env, NODE_ENV: "production" } });
}

export type BareApp = { url: string; pid: number | undefined; stop(): Promise<void> };

/** `next start` of bench/bare, reading the simulator at `simUrl` with `apiKey`. */
export async function startBareApp(port: number, simUrl: string, apiKey: string): Promise<BareApp> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(BIN("next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: BARE_APP_DIR,
    env: { ...process.env, NODE_ENV: "production", BENCH_SIM_URL: simUrl, BENCH_SIM_KEY: apiKey },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    // Its one page answers 200 only once the app and the simulator both serve.
    await waitForHttp(`${url}/`, 60_000);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url, pid: child.pid, stop: () => stopProcess(child) };
}
