import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./local-env";

const SOURCES = ["app", "lib", "components", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function newestModification(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (!SKIP.has(entry)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  }
  return newest;
}

/** True when `.next` holds a production build newer than every source file. */
export function productionBuildIsFresh(): boolean {
  const buildId = path.join(PROJECT_ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestModification(path.join(PROJECT_ROOT, source)) < builtAt);
}
