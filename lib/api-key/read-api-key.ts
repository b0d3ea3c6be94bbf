import "server-only";
import { db } from "@/lib/db/client";
import { openSecret } from "@/lib/crypto/envelope";
import { secretColumns } from "./credential-columns";
import { taintApiKey } from "./taint-api-key";
import { rememberSecretForRedaction } from "@/lib/log/redacting-console";

/**
 * The workspace's Yazsana API key in plaintext, for server code about to call
 * Yazsana; null when none is stored. Throws a KeyCustodyError (never returns
 * null) when a stored key cannot be decrypted, so a lost or changed master
 * key is loud.
 */
export async function readApiKey(workspaceId: string): Promise<string | null> {
  const sealed = await db.apiCredential.findUnique({ where: { workspaceId }, select: secretColumns });
  if (!sealed) return null;
  const apiKey = openSecret(sealed, workspaceId, sealed.id);
  taintApiKey(apiKey);
  rememberSecretForRedaction(apiKey);
  return apiKey;
}
