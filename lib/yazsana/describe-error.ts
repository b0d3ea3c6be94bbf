import "server-only";
import type { YazsanaError } from "./errors";

const SENDS = new Set(["sendSingleSms", "sendBulkSms"]);

/**
 * One specific, safe sentence for the person looking at the page. Never
 * includes the key (the error cannot hold it) nor schema internals; the
 * upstream's own words are included only where they help the user fix input.
 */
export function describeYazsanaError(error: YazsanaError): string {
  const isSend = SENDS.has(error.operation);
  switch (error.kind) {
    case "invalid_key":
      return "Yazsana rejected the API key. Ask the workspace owner to check it in Settings → API key.";
    case "forbidden":
      return isSend
        ? "This Yazsana organization does not allow sending with this API key. Pick another context or ask the organization admin for the send permission."
        : "This API key is not allowed to do that in the selected context. Pick another organization or Personal credit.";
    case "not_found":
      return error.operation === "listSendingMessages"
        ? "Yazsana does not know this sending in the selected context."
        : "Yazsana answered \"not found\" for this request. The API address may be misconfigured; ask an operator to check YAZSANA_API_URL.";
    case "validation":
      if (error.upstreamMessage) return `Yazsana refused the request: ${error.upstreamMessage}`;
      // No status: our own schema stopped it before it was sent; its issues name fields, not values.
      if (error.status === undefined && error.issues?.length) return `The request is not valid (${error.issues.join("; ")}); nothing was sent.`;
      return "Yazsana refused the request as invalid. Check the numbers, message and service, then try again.";
    case "insufficient_credit":
      return "Not enough credit for this send in the selected context. Top up in Yazsana or pick a context with more credit.";
    case "rate_limited":
      return error.retryAfterSeconds !== undefined
        ? `Yazsana is rate limiting requests; try again in ${error.retryAfterSeconds} ${error.retryAfterSeconds === 1 ? "second" : "seconds"}.`
        : "Yazsana is rate limiting requests; try again in a moment.";
    case "unavailable":
      if (!isSend) return "Yazsana is unavailable right now. Try again in a few minutes.";
      return neverConnected(error)
        ? "Yazsana could not be reached, so nothing was sent. Try again in a few minutes."
        : "Yazsana failed while handling this send. It may still have gone through: check Reports before sending again.";
    case "timeout":
      // A send that timed out may still have been accepted: say so instead of inviting a blind resend.
      return isSend
        ? "Yazsana did not answer in time. The send may still have gone through: check Reports before sending again."
        : "Yazsana did not answer in time. Try again in a moment.";
    case "malformed_response":
      return isSend
        ? "Yazsana sent an answer we could not read. The send may have gone through: check Reports before sending again."
        : "Yazsana sent an answer we could not read. Try again later; if it keeps happening, tell an operator.";
  }
}

// Only these failures prove the request never reached Yazsana; after a reset or a 5xx it may have.
const NEVER_CONNECTED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** True only when the failure proves the request never reached Yazsana (so nothing can have been charged). */
export function neverConnected(error: YazsanaError): boolean {
  return error.status === undefined && error.cause?.code !== undefined && NEVER_CONNECTED_CODES.has(error.cause.code);
}
