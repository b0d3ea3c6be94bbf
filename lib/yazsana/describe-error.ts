import "server-only";
import type { Messages } from "next-intl";
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
  const { key, values } = yazsanaErrorMessage(error);
  return t(key, values);
}

type YazsanaKey = keyof Messages["yazsana"];
/** A sentence of the yazsana catalog and its values: what describeYazsanaError words, kept for readers who come later (a stored chunk error). */
export type YazsanaErrorMessage = { key: YazsanaKey; values?: Record<string, string | number> };

/** Which sentence describes the error (see describeYazsanaError). */
export function yazsanaErrorMessage(error: YazsanaError): YazsanaErrorMessage {
  const isSend = SENDS.has(error.operation);
  switch (error.kind) {
    case "invalid_key":
      return { key: "invalidKey" };
    case "forbidden":
      return { key: isSend ? "forbiddenSend" : "forbidden" };
    case "not_found":
      return { key: error.operation === "listSendingMessages" ? "sendingNotFound" : "notFound" };
    case "validation":
      if (error.upstreamMessage) return { key: "upstreamRefused", values: { message: error.upstreamMessage } };
      // No status: our own schema stopped it before it was sent; its issues name fields, not values.
      if (error.status === undefined && error.issues?.length) return { key: "requestInvalid", values: { issues: error.issues.join("; ") } };
      return { key: "validation" };
    case "insufficient_credit":
      return { key: "insufficientCredit" };
    case "rate_limited":
      return error.retryAfterSeconds !== undefined ? { key: "rateLimitedFor", values: { seconds: error.retryAfterSeconds } } : { key: "rateLimited" };
    case "unavailable":
      if (!isSend) return { key: "unavailable" };
      return { key: neverConnected(error) ? "unreachableSend" : "failedSend" };
    case "timeout":
      // A send that timed out may still have been accepted: say so instead of inviting a blind resend.
      return { key: isSend ? "timeoutSend" : "timeout" };
    case "malformed_response":
      return { key: isSend ? "malformedSend" : "malformed" };
  }
}

// Only these failures prove the request never reached Yazsana; after a reset or a 5xx it may have.
const NEVER_CONNECTED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** True only when the failure proves the request never reached Yazsana (so nothing can have been charged). */
export function neverConnected(error: YazsanaError): boolean {
  return error.status === undefined && error.cause?.code !== undefined && NEVER_CONNECTED_CODES.has(error.cause.code);
}
