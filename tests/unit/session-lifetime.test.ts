import { encode, decode } from "next-auth/jwt";
import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { authConfigProblems, clientIpWarning } from "@/lib/auth/auth-config-problems";
import { refreshSessionCookie } from "@/lib/auth/refresh-session-cookie";
import { sessionLapsed, sessionLifetime } from "@/lib/auth/session-lifetime";

/** Security review finding 11: sessions need an idle timeout and an absolute lifetime. */

const LIFETIME = { idleSeconds: 3600, absoluteSeconds: 12 * 3600 };
const LOGIN = 1_800_000_000; // a fixed moment: no wall clock in these tests

describe("session lifetime", () => {
  it("defaults to 60 idle minutes and 12 hours, configurable, refusing nonsense", () => {
    expect(sessionLifetime({})).toEqual(LIFETIME);
    expect(sessionLifetime({ SESSION_IDLE_TIMEOUT_MINUTES: "15", SESSION_MAX_AGE_HOURS: "720" })).toEqual({
      idleSeconds: 900,
      absoluteSeconds: 720 * 3600,
    });
    expect(() => sessionLifetime({ SESSION_IDLE_TIMEOUT_MINUTES: "0" })).toThrow(/SESSION_IDLE_TIMEOUT_MINUTES/);
    expect(() => sessionLifetime({ SESSION_MAX_AGE_HOURS: "1.5" })).toThrow(/SESSION_MAX_AGE_HOURS/);
  });

  it("ends a session unused for longer than the idle timeout", () => {
    const token = { authTime: LOGIN, lastSeen: LOGIN + 600 };
    expect(sessionLapsed(token, LOGIN + 600 + 3600, LIFETIME)).toBe(false);
    expect(sessionLapsed(token, LOGIN + 600 + 3601, LIFETIME)).toBe(true);
  });

  it("ends a session past its absolute lifetime however recently it was used", () => {
    const now = LOGIN + 12 * 3600 + 1;
    expect(sessionLapsed({ authTime: LOGIN, lastSeen: now - 5 }, now, LIFETIME)).toBe(true);
    expect(sessionLapsed({ authTime: LOGIN, lastSeen: now - 6 }, now - 2, LIFETIME)).toBe(false);
  });

  it("ends tokens without the claims, or with impossible ones", () => {
    expect(sessionLapsed({}, LOGIN, LIFETIME)).toBe(true);
    expect(sessionLapsed({ authTime: LOGIN }, LOGIN, LIFETIME)).toBe(true);
    expect(sessionLapsed({ authTime: "x", lastSeen: LOGIN }, LOGIN, LIFETIME)).toBe(true);
    expect(sessionLapsed({ authTime: LOGIN, lastSeen: LOGIN + 3600 }, LOGIN, LIFETIME)).toBe(true);
    expect(sessionLapsed({ authTime: LOGIN + 10, lastSeen: LOGIN }, LOGIN + 20, LIFETIME)).toBe(true);
  });
});

describe("proxy.ts refreshing lastSeen", () => {
  const secret = "a-test-secret-that-is-long-enough-0123456789";
  process.env.NEXTAUTH_SECRET = secret;

  async function requestWith(claims: Record<string, unknown>) {
    const value = await encode({ token: { sub: "user-1", sessionVersion: 1, ...claims }, secret });
    return new NextRequest("http://127.0.0.1:3000/dashboard", { headers: { cookie: `next-auth.session-token=${value}` } });
  }

  it("moves a live session's lastSeen to now, keeping its login time", async () => {
    const now = LOGIN + 1800;
    const response = NextResponse.next();
    await refreshSessionCookie(await requestWith({ authTime: LOGIN, lastSeen: LOGIN + 60 }), response, now);
    const cookie = response.cookies.get("next-auth.session-token");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("lax");
    const token = await decode({ token: cookie!.value, secret });
    expect(token).toMatchObject({ sub: "user-1", sessionVersion: 1, authTime: LOGIN, lastSeen: now });
    expect((cookie!.expires as Date).getTime()).toBe((LOGIN + 12 * 3600) * 1000);
  });

  it("does not revive a lapsed session, and leaves a just-refreshed one alone", async () => {
    for (const [claims, now] of [
      [{ authTime: LOGIN, lastSeen: LOGIN }, LOGIN + 3601],
      [{ authTime: LOGIN, lastSeen: LOGIN + 12 * 3600 - 10 }, LOGIN + 12 * 3600 + 1],
      [{}, LOGIN],
      [{ authTime: LOGIN, lastSeen: LOGIN + 100 }, LOGIN + 130],
    ] as const) {
      const response = NextResponse.next();
      await refreshSessionCookie(await requestWith(claims), response, now);
      expect(response.cookies.get("next-auth.session-token")).toBeUndefined();
    }
  });

  it("ignores a cookie it can't decrypt", async () => {
    const response = NextResponse.next();
    const request = new NextRequest("http://127.0.0.1:3000/dashboard", { headers: { cookie: "next-auth.session-token=forged" } });
    await refreshSessionCookie(request, response, LOGIN);
    expect(response.cookies.get("next-auth.session-token")).toBeUndefined();
  });
});

describe("production session settings", () => {
  const good = { NEXTAUTH_SECRET: "x".repeat(43), NEXTAUTH_URL: "https://portal.example.com" };

  it("accepts a secret and an https URL, or http to this machine", () => {
    expect(authConfigProblems(good)).toEqual([]);
    for (const url of ["http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000"]) {
      expect(authConfigProblems({ ...good, NEXTAUTH_URL: url })).toEqual([]);
    }
  });

  it("refuses a missing or short secret, and a missing, invalid or plain-http URL", () => {
    expect(authConfigProblems({ ...good, NEXTAUTH_SECRET: undefined })).toEqual([expect.stringContaining("NEXTAUTH_SECRET is not set")]);
    expect(authConfigProblems({ ...good, NEXTAUTH_SECRET: "short" })).toEqual([expect.stringContaining("NEXTAUTH_SECRET is too short")]);
    expect(authConfigProblems({ ...good, NEXTAUTH_URL: undefined })).toEqual([expect.stringContaining("NEXTAUTH_URL is not set")]);
    expect(authConfigProblems({ ...good, NEXTAUTH_URL: "portal" })).toEqual([expect.stringContaining("not a valid URL")]);
    for (const url of ["http://portal.example.com", "http://10.0.0.5:3000", "http://127.evil.example", "ftp://portal.example.com"]) {
      expect(authConfigProblems({ ...good, NEXTAUTH_URL: url })).toEqual([expect.stringContaining("must start with https://")]);
    }
    expect(authConfigProblems({ ...good, SESSION_MAX_AGE_HOURS: "-1" })).toEqual([expect.stringContaining("SESSION_MAX_AGE_HOURS")]);
  });

  it("warns when an https portal trusts no proxy for client addresses", () => {
    expect(clientIpWarning(good)).toMatch(/TRUSTED_PROXY_HOPS/);
    expect(clientIpWarning({ ...good, TRUSTED_PROXY_HOPS: "1" })).toBeNull();
    expect(clientIpWarning({ NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBeNull();
  });
});
