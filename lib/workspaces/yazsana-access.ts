import "server-only";
import { readApiKey } from "@/lib/api-key/read-api-key";
import type { YazsanaContext } from "@/lib/yazsana";
import { getOrgContextChoice } from "./org-context";
import type { WorkspaceContext } from "./workspace-context";

/**
 * What every upstream call of a member needs: the workspace's key (decrypted
 * here, only on the server, just before the call) and the member's chosen
 * context. Null when the workspace has no key yet.
 */
export async function yazsanaContextFor(context: WorkspaceContext): Promise<YazsanaContext | null> {
  const [apiKey, organizationId] = await Promise.all([
    readApiKey(context.workspace.id),
    getOrgContextChoice(context.user.id, context.workspace.id),
  ]);
  return apiKey ? { apiKey, organizationId } : null;
}
