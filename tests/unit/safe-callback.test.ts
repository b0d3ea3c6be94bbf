import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

const BASE = "http://portal.invalid";

/** Where a browser on our site would go if sent to `path`. */
function browserTarget(path: string) {
  return new URL(path, BASE);
}

describe("login callback paths (security review finding 1)", () => {
  it.each([
    // dot segments that collapse into a scheme-relative "//evil.com"
    "/.//evil.com",
    "/././/evil.com",
    "/dashboard/..//evil.com",
    "/dashboard/../..//evil.com",
    "/a/b/../../..//evil.com",
    "/%2e//evil.com",
    "/%2E//evil.com",
    "/%2e%2e//evil.com",
    "/dashboard/%2e%2e//evil.com",
    "/.%2e//evil.com",
    // encoded separators
    "/%2F/evil.com",
    "/%2f%2fevil.com",
    "/%5C/evil.com",
    "/%5cevil.com",
    // backslashes, which browsers read as slashes
    "/\\evil.com",
    "/\\/evil.com",
    "/.\\/evil.com",
    "\\\\evil.com",
    // other hosts and schemes
    "//evil.com",
    "///evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "evil.com",
    // control characters browsers strip
    "/\t/evil.com",
    "/\n/evil.com",
    // pages that must not be a destination
    "/login?x=1",
    "/signup",
    "/api/auth/signout",
    "/dashboard/../login",
    "/%2e%2e/api/auth/signout",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/dashboard");
  });

  it.each([
    ["/settings/api-key?x=1", "/settings/api-key?x=1"],
    ["/settings/audit?page=2#top", "/settings/audit?page=2#top"],
    ["/dashboard/../settings", "/settings"],
    ["/./settings", "/settings"],
    ["/settings/", "/settings/"],
    ["/reports?q=a%2Fb", "/reports?q=a%2Fb"],
  ])("follows %j as %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("never returns anything a browser would take off-site", () => {
    const pieces = ["/", "//", ".", "..", "%2e", "%2f", "\\", "evil.com", "a", "?", "#", "@", ":"];
    for (let i = 0; i < 3000; i++) {
      let value = "/";
      const length = 1 + (i % 7);
      for (let j = 0; j < length; j++) value += pieces[(i * 31 + j * 17 + ((i >> j) & 7)) % pieces.length];
      const result = safeCallbackPath(value);
      expect(result.startsWith("/")).toBe(true);
      expect(result.startsWith("//")).toBe(false);
      expect(browserTarget(result).origin).toBe(BASE);
    }
  });

  it("has no answer without a value", () => {
    expect(safeCallbackPath(undefined)).toBe("/dashboard");
    expect(safeCallbackPath(null)).toBe("/dashboard");
    expect(safeCallbackPath("")).toBe("/dashboard");
  });
});
