import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Serialises every change to one workspace's members and invitations by
 * locking its row until the transaction ends: two admins can't both demote
 * the other owner and leave none, and the pending-invite cap can't be
 * overshot by two tabs at once. NO KEY UPDATE still lets rows that reference
 * the workspace be inserted elsewhere.
 */
export async function lockTeam(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM workspaces WHERE id = ${workspaceId}::uuid FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new Error(`Workspace ${workspaceId} does not exist.`);
}

/** Owners left in the workspace; read under lockTeam so it can't change underneath. */
export function countOwners(tx: Prisma.TransactionClient, workspaceId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: "owner" } });
}

/** The actor's role as it is now, under lockTeam: they may have been demoted or removed since their request began. */
export async function currentRole(tx: Prisma.TransactionClient, userId: string, workspaceId: string) {
  const membership = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, select: { role: true } });
  return membership?.role ?? null;
}
