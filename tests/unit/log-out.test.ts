import { ResponseCookies } from "next/dist/server/web/spec-extension/cookies";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clearSessionCookie } from "@/lib/auth/clear-session-cookie";

/**
 * The header's "Log out" (app/(portal)/session-actions.ts) clears the session
 * cookie itself instead of through next-auth's client code. What it sends must
 * really replace the browser's cookie: same name and path, expired, and Secure
 * for the __Secure- name (browsers ignore a __Secure- cookie set without it).
 */
const request = new Set<string>();
const response = new Headers();

vi.mock("next/headers", () => ({
  cookies: async () => {
    const written = new ResponseCookies(response);
    return { has: (name: string) => request.has(name), set: written.set.bind(written) };
  },
}));

beforeEach(() => {
  request.clear();
  response.delete("set-cookie");
});

describe("log out", () => {
  it("expires the session cookie the browser holds, on the path it was set for", async () => {
    request.add("next-auth.session-token");
    await clearSessionCookie();
    const [cleared, ...others] = response.getSetCookie();
    expect(others).toEqual([]);
    expect(cleared).toMatch(/^next-auth\.session-token=;/);
    expect(cleared).toMatch(/; Max-Age=0(;|$)/);
    expect(cleared).toMatch(/; Path=\/(;|$)/);
    expect(cleared).toMatch(/; HttpOnly(;|$)/);
    expect(cleared).not.toMatch(/; Secure/);
  });

  it("marks the __Secure- cookie of an https deployment Secure, or the browser would keep it", async () => {
    request.add("__Secure-next-auth.session-token");
    await clearSessionCookie();
    const [cleared, ...others] = response.getSetCookie();
    expect(others).toEqual([]);
    expect(cleared).toMatch(/^__Secure-next-auth\.session-token=;.*; Max-Age=0/);
    expect(cleared).toMatch(/; Secure(;|$)/);
  });

  it("sends nothing when there is no session cookie to clear", async () => {
    await clearSessionCookie();
    expect(response.getSetCookie()).toEqual([]);
  });
});
