import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pagePermission, PAGE_PERMISSIONS } from "@/lib/workspaces/page-permissions";

const PORTAL = path.resolve(import.meta.dirname, "../../app/(portal)");

function pages(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? pages(full) : entry.name === "page.tsx" ? [full] : [];
  });
}

/** /settings/api-key for app/(portal)/settings/api-key/page.tsx (route groups dropped). */
function routeOf(file: string): string {
  const segments = path.relative(PORTAL, path.dirname(file)).split(path.sep).filter((segment) => segment && !segment.startsWith("("));
  return `/${segments.join("/")}`;
}

describe("page permissions", () => {
  it("list exactly the permission each portal page asks requireWorkspace for, so refusals are a real 403", () => {
    const fromPages: Record<string, string> = {};
    for (const file of pages(PORTAL)) {
      const permission = /requireWorkspace\("([a-z_.]+)"\)/.exec(readFileSync(file, "utf8"))?.[1];
      if (permission) fromPages[routeOf(file)] = permission;
    }
    expect(Object.keys(fromPages).length).toBeGreaterThan(3);
    expect(PAGE_PERMISSIONS).toEqual(fromPages);
  });

  it("matches the longest prefix and ignores the query", () => {
    expect(pagePermission("/settings/members?x=1")).toBe("members.manage");
    expect(pagePermission("/settings")).toBeNull();
    expect(pagePermission("/settings/api-keys")).toBeNull();
  });
});
