import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { noteLogContext } from "@/lib/log/log-context";
import { componentLogger } from "@/lib/log/logger";
import { loadSignedInUser, type SignedInUser } from "./load-signed-in-user";
import type { SessionUser } from "./load-session-user";
import { readSessionClaims } from "./read-session-token";

const log = componentLogger("auth");

export type CurrentUser = SessionUser;

/**
 * The signed-in user with their memberships, read once per request: the
 * session cookie is decoded here (not through next-auth's getServerSession,
 * which re-signs a token on every call for nothing) and the user and
 * memberships come from the database in one statement on every request, so a
 * revoked session (password changed, "log out everywhere"), a removed member
 * or a changed role applies at once. The same checks as the session callback
 * in auth-options.ts, which /api/auth/session still uses.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  try {
    return await loadSignedInUser(claims);
  } catch (error) {
    // The session could be neither confirmed nor ended (database outage): not a
    // logout. Show the temporarily-unavailable page (HTTP 503); the cookie stays.
    log.error({ error: describeErrorForLog(error) }, "session check failed");
    redirect(await unavailableUrl());
  }
});

/** The signed-in user, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSignedInUser();
  if (!user) return null;
  noteLogContext({ memberId: user.id });
  return { id: user.id, email: user.email, name: user.name, currentWorkspaceId: user.currentWorkspaceId, locale: user.locale, timeZone: user.timeZone };
});

/** Where to wait out an outage, remembering the page to come back to. */
async function unavailableUrl(): Promise<string> {
  const path = (await headers()).get("x-portal-path");
  return path ? `/unavailable?from=${encodeURIComponent(path)}` : "/unavailable";
}

/** The path proxy.ts saw, so a login can bring the user back to it. */
export async function loginUrl(): Promise<string> {
  const path = (await headers()).get("x-portal-path");
  return path ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login";
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await loginUrl());
  return user;
}
