import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { noteLogContext } from "@/lib/log/log-context";
import { authOptions } from "./auth-options";
import type { SessionUser } from "./load-session-user";

export type CurrentUser = SessionUser;

/**
 * The signed-in user, or null. The session callback re-reads the user from the
 * database, so a revoked session (password changed, "log out everywhere")
 * counts as signed out. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  // The session could be neither confirmed nor ended (database outage): not a
  // logout. Show the temporarily-unavailable page (HTTP 503); the cookie stays.
  if (session?.unavailable) redirect(await unavailableUrl());
  if (!session?.user?.id) return null;
  noteLogContext({ memberId: session.user.id });
  return {
    ...session.user,
    currentWorkspaceId: session.currentWorkspaceId ?? null,
    locale: session.preferences?.locale ?? null,
    timeZone: session.preferences?.timeZone ?? null,
  };
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
