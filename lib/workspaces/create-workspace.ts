import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** A new workspace owned by `userId`, which becomes their current one. */
export async function createWorkspace(userId: string, name: string): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name, memberships: { create: { userId, role: "owner" } } },
      select: { id: true },
    });
    await tx.user.update({ where: { id: userId }, data: { currentWorkspaceId: workspace.id } });
    await recordAuditEvent({ workspaceId: workspace.id, actorId: userId, action: "workspace.created", target: workspace.id }, tx);
    return workspace;
  });
}
