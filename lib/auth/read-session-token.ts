import "server-only";
import { cookies } from "next/headers";
import { decode, type JWT } from "next-auth/jwt";
import { SESSION_COOKIES } from "./refresh-session-cookie";
import { nowInSeconds, sessionLapsed } from "./session-lifetime";

export type SessionClaims = { userId: string; sessionVersion: number | undefined };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claims of a session token: who it is for and the session version it was
 * issued under. Null for a token that is unreadable, forged, past its idle
 * timeout or absolute lifetime, or names no user. Whether the version is still
 * the user's (not revoked) is for the caller to check against the database.
 */
export async function claimsFromToken(rawToken: string | undefined, now = nowInSeconds()): Promise<SessionClaims | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!rawToken || !secret) return null;
  let token: JWT | null;
  try {
    token = await decode({ token: rawToken, secret });
  } catch {
    return null;
  }
  if (!token?.sub || !UUID.test(token.sub) || sessionLapsed(token, now)) return null;
  return { userId: token.sub, sessionVersion: token.sessionVersion };
}

/**
 * The session cookie of the current request, decoded once — without next-auth's
 * getServerSession, which signs and encrypts a fresh token on every call only
 * for a Server Component to throw it away (proxy.ts renews the cookie instead).
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const store = await cookies();
  const name = SESSION_COOKIES.find((cookie) => store.has(cookie));
  return claimsFromToken(name && store.get(name)?.value);
}
