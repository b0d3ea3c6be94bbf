import "server-only";
import type { AppTranslator } from "@/lib/i18n/translator";
import { describeYazsanaError, neverConnected, type YazsanaError } from "@/lib/yazsana";

export type SendFailure = { state: "failed" | "unknown"; errorKind: string; message: string };

/**
 * After a send request, only some failures prove nothing was sent. A timeout,
 * an unreadable answer or a 5xx / reset after the request left may hide an
 * accepted sending: those are "unknown" and must never be resent
 * automatically. Everything else is a definite refusal.
 */
export function classifySendError(error: YazsanaError, t: AppTranslator<"yazsana">): SendFailure {
  const message = describeYazsanaError(error, t);
  const mayHaveBeenSent =
    error.kind === "timeout" || error.kind === "malformed_response" || (error.kind === "unavailable" && !neverConnected(error));
  return { state: mayHaveBeenSent ? "unknown" : "failed", errorKind: error.kind, message };
}
