import "server-only";
import { db, sql } from "@/lib/db/client";
import { openSecret, type StoredSecret } from "@/lib/crypto/envelope";
import { secretColumns } from "./credential-columns";
import { taintApiKey } from "./taint-api-key";
import { rememberSecretForRedaction } from "@/lib/log/redacting-console";

/** Opens a stored key for server code about to call Yazsana, marked so it can never reach a client or a log line. */
function openStoredKey(sealed: StoredSecret & { id: string }, workspaceId: string): string {
  const apiKey = openSecret(sealed, workspaceId, sealed.id);
  taintApiKey(apiKey);
  rememberSecretForRedaction(apiKey);
  return apiKey;
}

/**
 * The workspace's Yazsana API key in plaintext, for server code about to call
 * Yazsana; null when none is stored. Throws a KeyCustodyError (never returns
 * null) when a stored key cannot be decrypted, so a lost or changed master
 * key is loud.
 */
export async function readApiKey(workspaceId: string): Promise<string | null> {
  const sealed = await db.apiCredential.findUnique({ where: { workspaceId }, select: secretColumns });
  return sealed ? openStoredKey(sealed, workspaceId) : null;
}

type KeyAndChoiceRow = {
  id: string | null;
  aad_version: number | null;
  ciphertext: Uint8Array | null;
  iv: Uint8Array | null;
  auth_tag: Uint8Array | null;
  wrapped_data_key: Uint8Array | null;
  wrap_iv: Uint8Array | null;
  wrap_auth_tag: Uint8Array | null;
  kek_version: string | null;
  organization_id: string | null;
};

/**
 * What a member's upstream calls need, in one statement (pages read it on every
 * request, so it skips Prisma's query compilation): the workspace's key,
 * opened as readApiKey does, and the organization the member last chose there
 * (null = personal credit). The sealed columns are those of `secretColumns`.
 */
export async function readApiKeyAndOrgChoice(workspaceId: string, userId: string): Promise<{ apiKey: string | null; organizationId: string | null }> {
  const [row] = await sql<KeyAndChoiceRow>`
    SELECT c.id, c.aad_version, c.ciphertext, c.iv, c.auth_tag, c.wrapped_data_key, c.wrap_iv, c.wrap_auth_tag, c.kek_version,
      (SELECT o.organization_id FROM org_context_choices o WHERE o.user_id = ${userId}::uuid AND o.workspace_id = ${workspaceId}::uuid) AS organization_id
    FROM (SELECT 1) AS one
    LEFT JOIN api_credentials c ON c.workspace_id = ${workspaceId}::uuid`;
  const organizationId = row?.organization_id ?? null;
  if (!row?.id) return { apiKey: null, organizationId };
  const sealed = {
    id: row.id,
    aadVersion: row.aad_version!,
    ciphertext: row.ciphertext!,
    iv: row.iv!,
    authTag: row.auth_tag!,
    wrappedDataKey: row.wrapped_data_key!,
    wrapIv: row.wrap_iv!,
    wrapAuthTag: row.wrap_auth_tag!,
    kekVersion: row.kek_version!,
  };
  return { apiKey: openStoredKey(sealed, workspaceId), organizationId };
}
