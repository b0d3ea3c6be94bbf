import { decode, encode } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import { LAST_SEEN_REFRESH_SECONDS, nowInSeconds, sessionLapsed, sessionLifetime } from "./session-lifetime";

/** next-auth's session cookie: the __Secure- name when NEXTAUTH_URL is https. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

/**
 * Records that the session was used, for the idle timeout. next-auth rewrites
 * its cookie only in its own route handler, never while a Server Component
 * reads the session, so proxy.ts does it here: a live session's `lastSeen`
 * moves to now (at most once a minute). A lapsed or unreadable token is left
 * alone; the session callback refuses it.
 */
export async function refreshSessionCookie(request: NextRequest, response: NextResponse, now = nowInSeconds()): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET;
  const name = SESSION_COOKIES.find((cookie) => request.cookies.has(cookie));
  if (!secret || !name) return;
  const lifetime = sessionLifetime();
  let token;
  try {
    token = await decode({ token: request.cookies.get(name)!.value, secret });
  } catch {
    return;
  }
  if (!token || sessionLapsed(token, now, lifetime)) return;
  if (now - (token.lastSeen as number) < LAST_SEEN_REFRESH_SECONDS) return;

  // encode() stamps a fresh iat, exp and jti.
  const value = await encode({ token: { ...token, lastSeen: now }, secret, maxAge: lifetime.absoluteSeconds });
  response.cookies.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    // Never past the absolute lifetime.
    expires: new Date(((token.authTime as number) + lifetime.absoluteSeconds) * 1000),
  });
}
