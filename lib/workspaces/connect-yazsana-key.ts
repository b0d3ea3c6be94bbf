import "server-only";
import { API_KEY_TARGET } from "@/lib/api-key/credential-columns";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isKeyCustodyError } from "@/lib/crypto/key-custody-error";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { rememberSecretForRedaction } from "@/lib/log/redacting-console";
import { consumeRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { describeYazsanaError, getCurrentUser as getYazsanaUser, isYazsanaError } from "@/lib/yazsana";
import { componentLogger } from "@/lib/log/logger";

export type ConnectKeyResult =
  | { ok: true; last4: string; username: string; replaced: boolean }
  | { ok: false; field?: "apiKey"; message: string };

/**
 * Verifies a pasted key with Yazsana ("Get current API user") and stores it
 * only if Yazsana accepts it. Nothing is stored on any failure.
 *
 * Every check reaches Yazsana and a valid key answers with its owner's
 * username, so checks are limited per member and per workspace (anyone can
 * sign up and own a workspace), and a refused key leaves an audit event — with
 * why it failed, never the key or any part of it.
 */
export async function connectYazsanaKey(input: { workspaceId: string; actorId: string; apiKey: string }): Promise<ConnectKeyResult> {
  // Messages in the request's language (English outside a request, e.g. the demo seed).
  const locale = await getServerLocale();
  const t = translatorFor(locale, "apiKey");
  const limits = await Promise.all([
    consumeRateLimit("apiKeyVerificationByUser", input.actorId),
    consumeRateLimit("apiKeyVerificationByWorkspace", input.workspaceId),
  ]);
  const blocked = limits.find((limit) => !limit.allowed);
  if (blocked) {
    return {
      ok: false,
      message: t("tooManyChecks", { when: tryAgainIn(blocked.retryAfterSeconds, locale) }),
    };
  }

  let verifiedUser;
  try {
    verifiedUser = await getYazsanaUser({ apiKey: input.apiKey });
  } catch (error) {
    if (!isYazsanaError(error)) throw error;
    await recordAuditEvent({
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      action: "api_key.verification_failed",
      target: API_KEY_TARGET,
      metadata: { reason: error.kind },
    });
    if (error.kind === "invalid_key") {
      return { ok: false, field: "apiKey", message: t("refused") };
    }
    return { ok: false, message: t("notSaved", { reason: describeYazsanaError(error, translatorFor(locale, "yazsana")) }) };
  }
  // Only a key Yazsana accepted is worth scrubbing from logs; remembering any
  // pasted string would let a member blank out arbitrary log text.
  rememberSecretForRedaction(input.apiKey);
  try {
    const saved = await saveApiKey({ workspaceId: input.workspaceId, actorId: input.actorId, apiKey: input.apiKey, verifiedUser });
    return { ok: true, last4: saved.last4, username: verifiedUser.username, replaced: saved.action === "api_key.replaced" };
  } catch (error) {
    if (!isKeyCustodyError(error)) throw error;
    componentLogger("api-key").error({ code: error.code }, "cannot store a key");
    if (error.code === "kek_outdated") return { ok: false, message: t("masterKeyOutdated") };
    return { ok: false, message: t("cannotEncrypt") };
  }
}
