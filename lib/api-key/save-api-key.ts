import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { sealSecret } from "@/lib/crypto/envelope";
import { MIN_API_KEY_LENGTH } from "./api-key-input";
import { forgetOrganizations } from "@/lib/workspaces/organizations-cache";
import { API_KEY_TARGET } from "./credential-columns";
import { lockWorkspaceKey } from "./lock-workspace-key";

export type SaveApiKeyInput = {
  workspaceId: string;
  /** A key the caller has just verified with Yazsana ("Get current API user"). */
  apiKey: string;
  verifiedUser: { id: string; username: string; email: string };
  actorId: string;
};

export type SaveApiKeyResult = { action: "api_key.set" | "api_key.replaced"; last4: string };

/**
 * Stores (or replaces) the workspace's key, sealed, together with its audit
 * event — in the caller's transaction when given one, else in its own.
 */
export async function saveApiKey(input: SaveApiKeyInput, tx?: Prisma.TransactionClient): Promise<SaveApiKeyResult> {
  const { workspaceId, apiKey, verifiedUser, actorId } = input;
  if (apiKey.length < MIN_API_KEY_LENGTH) {
    throw new RangeError(`Refusing to store an API key shorter than ${MIN_API_KEY_LENGTH} characters.`);
  }
  // Sealed before any database work, so a missing master key fails fast and clearly.
  const sealed = sealSecret(apiKey, workspaceId);
  const last4 = apiKey.slice(-4);
  const fields = {
    ...sealed,
    last4,
    yazsanaUserId: verifiedUser.id,
    yazsanaUsername: verifiedUser.username,
    yazsanaEmail: verifiedUser.email,
    verifiedAt: new Date(),
    setById: actorId,
  };

  const store = async (client: Prisma.TransactionClient): Promise<SaveApiKeyResult> => {
    await lockWorkspaceKey(client, workspaceId);
    const existing = await client.apiCredential.findUnique({ where: { workspaceId }, select: { id: true } });
    await client.apiCredential.upsert({
      where: { workspaceId },
      create: { workspaceId, ...fields },
      update: fields,
      select: { id: true },
    });
    const action = existing ? "api_key.replaced" : "api_key.set";
    await recordAuditEvent({ workspaceId, actorId, action, target: API_KEY_TARGET, metadata: { last4 } }, client);
    return { action, last4 };
  };
  const result = await (tx ? store(tx) : db.$transaction(store));
  forgetOrganizations(workspaceId);
  return result;
}
