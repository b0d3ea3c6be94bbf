import "server-only";
import { cache } from "react";
import { readApiKeyAndOrgChoice } from "@/lib/api-key/read-api-key";
import type { YazsanaContext } from "@/lib/yazsana";
import type { WorkspaceContext } from "./workspace-context";

/**
 * What every upstream call of a member needs: the workspace's key (decrypted
 * here, only on the server, just before the call) and the member's chosen
 * context. Null when the workspace has no key yet. Read once per request (the
 * header and the page both need it); a new request reads it afresh.
 */
export const yazsanaContextFor = cache(async (context: WorkspaceContext): Promise<YazsanaContext | null> => {
  const { apiKey, organizationId } = await readApiKeyAndOrgChoice(context.workspace.id, context.user.id);
  return apiKey ? { apiKey, organizationId } : null;
});
