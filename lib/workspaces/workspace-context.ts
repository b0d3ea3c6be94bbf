import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { noteLogContext } from "@/lib/log/log-context";
import { getCurrentUser, loginUrl, type CurrentUser } from "@/lib/auth/current-user";
import { roleCan, type Permission, type Role } from "./roles";

export type WorkspaceContext = {
  user: CurrentUser;
  workspace: { id: string; name: string };
  role: Role;
};

/** The user's memberships, by workspace name (the switcher's order). Cached per request. */
export const listMyWorkspaces = cache(async (userId: string) => {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { workspace: { name: "asc" } },
    select: { role: true, createdAt: true, workspace: { select: { id: true, name: true } } },
  });
  return memberships.map(({ role, createdAt, workspace }) => ({ ...workspace, role, joinedAt: createdAt }));
});

/**
 * The signed-in user inside the workspace they are working in: the one they
 * last chose if they are still a member of it, otherwise the one they joined
 * first. Null when signed out or a member of nothing. Cached per request.
 */
export const getWorkspaceContext = cache(async (): Promise<WorkspaceContext | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const workspaces = await listMyWorkspaces(user.id);
  const chosen =
    workspaces.find((workspace) => workspace.id === user.currentWorkspaceId) ??
    workspaces.reduce<(typeof workspaces)[number] | undefined>((first, next) => (!first || next.joinedAt < first.joinedAt ? next : first), undefined);
  if (!chosen) return null;
  noteLogContext({ workspaceId: chosen.id });
  return { user, workspace: { id: chosen.id, name: chosen.name }, role: chosen.role };
});

/**
 * For pages: the workspace context, or a redirect to log in / create a
 * workspace. A role without `permission` gets the plain 403 page
 * (app/forbidden.tsx); data of another workspace still answers 404.
 */
export async function requireWorkspace(permission: Permission): Promise<WorkspaceContext> {
  const context = await getWorkspaceContext();
  if (!context) {
    if (await getCurrentUser()) redirect("/workspaces/new");
    redirect(await loginUrl());
  }
  if (!roleCan(context.role, permission)) forbidden();
  return context;
}
