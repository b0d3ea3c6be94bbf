import { spawn } from "node:child_process";
import path from "node:path";

export type ScriptRun = { code: number | null; stdout: string; stderr: string };

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Runs one of our scripts/ commands the way npm does (tsx with the
 * react-server condition), with `env` over the current environment (an
 * undefined value removes a variable), and collects its output.
 */
export function runScript(script: string, env: Record<string, string | undefined> = {}, args: string[] = []): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", script, ...args], {
      cwd: ROOT,
      env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
