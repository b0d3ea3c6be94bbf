import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Serialises changes to one workspace's key (save, replace, remove) by
 * locking its workspace row until the transaction ends, so two concurrent
 * saves cannot both be audited as "set". NO KEY UPDATE still lets other
 * transactions insert rows that reference the workspace.
 */
export async function lockWorkspaceKey(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM workspaces WHERE id = ${workspaceId}::uuid FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new Error(`Workspace ${workspaceId} does not exist.`);
}
