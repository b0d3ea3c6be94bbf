import "server-only";
import type { AppTranslator } from "@/lib/i18n/translator";
import type { YazsanaError } from "./errors";

const SENDS = new Set(["sendSingleSms", "sendBulkSms"]);

/**
 * One specific, safe sentence for the person looking at the page, in their
 * language (pass `await getTranslations("yazsana")`, or
 * `translatorFor(locale, "yazsana")` outside a request). Never includes the
 * key (the error cannot hold it) nor schema internals; the upstream's own
 * words are included only where they help the user fix input.
 */
export function describeYazsanaError(error: YazsanaError, t: AppTranslator<"yazsana">): string {
  const isSend = SENDS.has(error.operation);
  switch (error.kind) {
    case "invalid_key":
      return t("invalidKey");
    case "forbidden":
      return isSend ? t("forbiddenSend") : t("forbidden");
    case "not_found":
      return error.operation === "listSendingMessages" ? t("sendingNotFound") : t("notFound");
    case "validation":
      if (error.upstreamMessage) return t("upstreamRefused", { message: error.upstreamMessage });
      // No status: our own schema stopped it before it was sent; its issues name fields, not values.
      if (error.status === undefined && error.issues?.length) return t("requestInvalid", { issues: error.issues.join("; ") });
      return t("validation");
    case "insufficient_credit":
      return t("insufficientCredit");
    case "rate_limited":
      return error.retryAfterSeconds !== undefined ? t("rateLimitedFor", { seconds: error.retryAfterSeconds }) : t("rateLimited");
    case "unavailable":
      if (!isSend) return t("unavailable");
      return neverConnected(error) ? t("unreachableSend") : t("failedSend");
    case "timeout":
      // A send that timed out may still have been accepted: say so instead of inviting a blind resend.
      return isSend ? t("timeoutSend") : t("timeout");
    case "malformed_response":
      return isSend ? t("malformedSend") : t("malformed");
  }
}

// Only these failures prove the request never reached Yazsana; after a reset or a 5xx it may have.
const NEVER_CONNECTED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** True only when the failure proves the request never reached Yazsana (so nothing can have been charged). */
export function neverConnected(error: YazsanaError): boolean {
  return error.status === undefined && error.cause?.code !== undefined && NEVER_CONNECTED_CODES.has(error.cause.code);
}
