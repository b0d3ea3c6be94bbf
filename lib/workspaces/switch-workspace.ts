import "server-only";
import { db } from "@/lib/db/client";

/** Makes `workspaceId` the user's current workspace; false when they aren't a member. */
export async function switchWorkspace(userId: string, workspaceId: string): Promise<boolean> {
  const membership = await db.membership.findUnique({
    where: { userId_workspaceId: { userId, workspaceId } },
    select: { id: true },
  });
  if (!membership) return false;
  await db.user.update({ where: { id: userId }, data: { currentWorkspaceId: workspaceId } });
  return true;
}
