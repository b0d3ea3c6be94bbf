import { readdirSync } from "node:fs";
import path from "node:path";

const APP = path.resolve(import.meta.dirname, "../../../app");

function pageFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return /^page\.(tsx|ts|jsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/**
 * Every page route under app/, as its URL pattern ("/reports/[sendingId]"):
 * route groups like (portal) and private folders (_components) don't count.
 * The accessibility spec keeps one row per route, so a new page without a row fails.
 */
export function appPageRoutes(): string[] {
  return pageFiles(APP)
    .map((file) => path.relative(APP, path.dirname(file)).split(path.sep).filter(Boolean))
    .filter((segments) => !segments.some((segment) => segment.startsWith("_")))
    .map((segments) => `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`)
    .sort();
}
