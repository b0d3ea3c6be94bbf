import { existsSync } from "node:fs";
import path from "node:path";
import { config } from "dotenv";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const LOCAL_ENV_FILE = path.join(PROJECT_ROOT, ".env.local");

/**
 * Loads `.env.local` (git-ignored; the demo writes generated secrets there)
 * without overriding variables already set in the environment.
 */
export function loadLocalEnv(): void {
  if (existsSync(LOCAL_ENV_FILE)) config({ path: LOCAL_ENV_FILE, quiet: true });
}

/** Where the demo keeps its PostgreSQL data and simulator history: PORTAL_DATA_DIR, default `.data/`. */
export function portalDataDir(): string {
  return path.resolve(PROJECT_ROOT, process.env.PORTAL_DATA_DIR || ".data");
}
