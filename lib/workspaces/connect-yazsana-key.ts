import "server-only";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { isKeyCustodyError } from "@/lib/crypto/key-custody-error";
import { rememberSecretForRedaction } from "@/lib/log/redacting-console";
import { describeYazsanaError, getCurrentUser as getYazsanaUser, isYazsanaError } from "@/lib/yazsana";

export type ConnectKeyResult =
  | { ok: true; last4: string; username: string; replaced: boolean }
  | { ok: false; field?: "apiKey"; message: string };

/**
 * Verifies a pasted key with Yazsana ("Get current API user") and stores it
 * only if Yazsana accepts it. Nothing is stored on any failure.
 */
export async function connectYazsanaKey(input: { workspaceId: string; actorId: string; apiKey: string }): Promise<ConnectKeyResult> {
  let verifiedUser;
  try {
    verifiedUser = await getYazsanaUser({ apiKey: input.apiKey });
  } catch (error) {
    if (!isYazsanaError(error)) throw error;
    if (error.kind === "invalid_key") {
      return { ok: false, field: "apiKey", message: "Yazsana did not accept this key. Check that you copied all of it. Nothing was saved." };
    }
    return { ok: false, message: `${describeYazsanaError(error)} The key was not saved.` };
  }
  // Only a key Yazsana accepted is worth scrubbing from logs; remembering any
  // pasted string would let a member blank out arbitrary log text.
  rememberSecretForRedaction(input.apiKey);
  try {
    const saved = await saveApiKey({ workspaceId: input.workspaceId, actorId: input.actorId, apiKey: input.apiKey, verifiedUser });
    return { ok: true, last4: saved.last4, username: verifiedUser.username, replaced: saved.action === "api_key.replaced" };
  } catch (error) {
    if (!isKeyCustodyError(error)) throw error;
    console.error(`[api-key] cannot store a key: ${error.code}`);
    if (error.code === "kek_outdated") {
      return {
        ok: false,
        message: "This server's master key settings are out of date (a newer master key is in use), so nothing was saved. Ask your operator to update KEY_ENCRYPTION_KEYS on every server.",
      };
    }
    return {
      ok: false,
      message: "The server cannot encrypt API keys right now (its master key is missing or invalid), so nothing was saved. Ask your operator to check KEY_ENCRYPTION_KEYS.",
    };
  }
}
