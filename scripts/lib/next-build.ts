import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./local-env";

/**
 * What cannot change the production bundle: tests, docs and CI. Everything else
 * counts — a hand-kept list of inputs went stale before (proxy.ts,
 * instrumentation.ts and config files were missing, so an edited CSP could be
 * served from an old build), so new folders such as messages/ or public/ count
 * without anyone remembering to add them.
 */
const NOT_BUILD_INPUTS = [/^tests\//, /^bench\//, /^scripts\/bench\.ts$/, /^scripts\/lib\/(bench-|process-cpu|server-navigation-hook)/, /^docs\//, /^\.ci\//, /^\.github\//, /(^|\/)[^/]*\.md$/];
/** Ignored by git but read by `next build`: the generated Prisma client and Next's .env files. */
const UNTRACKED_INPUTS = ["lib/db/generated", ".env", ".env.local", ".env.production", ".env.production.local"];
/** Without git (an unpacked archive), walk the tree, skipping what is never an input. */
const WALK_SKIP = new Set(["node_modules", ".next", ".data", ".node", ".git", "test-results", "playwright-report", "coverage", "tests"]);

function gitFiles(): string[] | undefined {
  try {
    // Tracked files plus new ones not yet added (but not git-ignored ones).
    const output = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return output.split("\0").filter(Boolean);
  } catch {
    return undefined;
  }
}

function walk(relative: string, found: string[]) {
  const full = path.join(PROJECT_ROOT, relative);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    found.push(relative);
    return;
  }
  for (const entry of readdirSync(full)) {
    if (!WALK_SKIP.has(entry)) walk(relative ? path.join(relative, entry) : entry, found);
  }
}

/** Every file that can change what `next build` produces, relative to the project root. */
export function buildInputs(): string[] {
  const listed = gitFiles() ?? (() => {
    const found: string[] = [];
    walk("", found);
    return found;
  })();
  const extra: string[] = [];
  for (const input of UNTRACKED_INPUTS) walk(input, extra);
  return [...listed, ...extra].filter((file) => !NOT_BUILD_INPUTS.some((pattern) => pattern.test(file.split(path.sep).join("/"))));
}

/**
 * Newest change among the inputs. A file's folder counts too: deleting or
 * renaming a file changes only its folder's modification time.
 */
function newestModification(files: string[]): number {
  const seen = new Set<string>();
  let newest = 0;
  for (const file of files) {
    for (let target = file; target !== "." && target !== "" && !seen.has(target); target = path.dirname(target)) {
      seen.add(target);
      const full = path.join(PROJECT_ROOT, target);
      // Listed but deleted in the work tree: its folder's time already tells.
      if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** True when `.next` holds a production build newer than every build input. */
export function productionBuildIsFresh(): boolean {
  const buildId = path.join(PROJECT_ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  return newestModification(buildInputs()) < statSync(buildId).mtimeMs;
}
