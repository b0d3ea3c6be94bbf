import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import { authOptions } from "./auth-options";

export type CurrentUser = { id: string; email: string; name: string; currentWorkspaceId: string | null };

/**
 * The signed-in user, or null. A session whose version no longer matches the
 * user's (password changed, "log out everywhere") counts as signed out.
 * Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, sessionVersion: true, currentWorkspaceId: true },
  });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, currentWorkspaceId: user.currentWorkspaceId };
});

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
