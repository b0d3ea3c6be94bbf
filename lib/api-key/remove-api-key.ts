import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { forgetOrganizations } from "@/lib/workspaces/organizations-cache";
import { API_KEY_TARGET } from "./credential-columns";
import { lockWorkspaceKey } from "./lock-workspace-key";

export type RemoveApiKeyInput = { workspaceId: string; actorId: string };

/** Deletes the workspace's key and audits it; false when there was none. */
export async function removeApiKey(input: RemoveApiKeyInput, tx?: Prisma.TransactionClient): Promise<boolean> {
  const { workspaceId, actorId } = input;
  const remove = async (client: Prisma.TransactionClient): Promise<boolean> => {
    await lockWorkspaceKey(client, workspaceId);
    const existing = await client.apiCredential.findUnique({ where: { workspaceId }, select: { last4: true } });
    if (!existing) return false;
    await client.apiCredential.delete({ where: { workspaceId }, select: { id: true } });
    await recordAuditEvent(
      { workspaceId, actorId, action: "api_key.removed", target: API_KEY_TARGET, metadata: { last4: existing.last4 } },
      client,
    );
    return true;
  };
  const removed = await (tx ? remove(tx) : db.$transaction(remove));
  forgetOrganizations(workspaceId);
  return removed;
}
