import "server-only";
import { describeYazsanaError, isYazsanaError, type YazsanaErrorKind } from "@/lib/yazsana";

/** An upstream failure, as a report shows it: its kind (each gets its own wording) and a safe sentence. */
export type ReportError = { kind: YazsanaErrorKind; message: string };

const HEADINGS: Record<YazsanaErrorKind, string> = {
  invalid_key: "Yazsana rejected the API key",
  forbidden: "Not allowed in this context",
  not_found: "Not found at Yazsana",
  validation: "Yazsana refused the request",
  insufficient_credit: "Not enough credit",
  rate_limited: "Yazsana is rate limiting",
  unavailable: "Yazsana is unavailable",
  timeout: "Yazsana did not answer in time",
  malformed_response: "Yazsana's answer could not be read",
};

export function reportErrorHeading(kind: YazsanaErrorKind): string {
  return HEADINGS[kind];
}

/** Turns a YazsanaError into a ReportError; anything else is a bug and is rethrown. */
export function toReportError(error: unknown): ReportError {
  if (!isYazsanaError(error)) throw error;
  console.error(`[reports] ${error.message}`);
  return { kind: error.kind, message: describeYazsanaError(error) };
}
