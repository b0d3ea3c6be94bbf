import "server-only";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { isKeyCustodyError } from "@/lib/crypto/key-custody-error";
import type { AppTranslator } from "@/lib/i18n/translator";
import { rememberSecretForRedaction } from "@/lib/log/redacting-console";
import { describeYazsanaError, getCurrentUser as getYazsanaUser, isYazsanaError, type YazsanaError } from "@/lib/yazsana";

export type ConnectKeyResult =
  | { ok: true; last4: string; username: string; replaced: boolean }
  | { ok: false; reason: "refused" }
  | { ok: false; reason: "upstream"; error: YazsanaError }
  | { ok: false; reason: "cannot_encrypt" };

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
    return error.kind === "invalid_key" ? { ok: false, reason: "refused" } : { ok: false, reason: "upstream", error };
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
    return { ok: false, reason: "cannot_encrypt" };
  }
}

/** Why a key was not stored, in the reader's language. */
export function describeConnectFailure(
  result: Exclude<ConnectKeyResult, { ok: true }>,
  t: { apiKey: AppTranslator<"apiKey">; yazsana: AppTranslator<"yazsana"> },
): string {
  switch (result.reason) {
    case "refused":
      return t.apiKey("refused");
    case "upstream":
      return t.apiKey("notSaved", { reason: describeYazsanaError(result.error, t.yazsana) });
    case "cannot_encrypt":
      return t.apiKey("cannotEncrypt");
  }
}
