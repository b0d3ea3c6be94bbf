import "server-only";
import { cleanUpstreamMessage, YazsanaError, type SanitizedCause } from "./errors";
import type { YazsanaOperation } from "./routes";
import { errorBody } from "./schemas";

type UpstreamFailure = {
  operation: YazsanaOperation;
  status: number;
  retryAfterHeader?: string;
  bodyText: string;
  apiKey: string;
  now?: Date;
};

// Error bodies are undocumented; "insufficient credit" is only known to arrive
// as a 400 with a message or code, so it is recognised by words, not status.
const INSUFFICIENT_CREDIT_CODE = /insufficient|credit|balance/i;

/** Maps a non-2xx answer: status first, body second. */
export function errorFromStatus(failure: UpstreamFailure): YazsanaError {
  const { operation, status } = failure;
  const { message, code } = readErrorBody(failure.bodyText);
  const upstreamMessage = cleanUpstreamMessage(message, failure.apiKey);
  const base = { operation, status, ...(upstreamMessage !== undefined && { upstreamMessage }) };

  if (status === 401) return new YazsanaError({ ...base, kind: "invalid_key" });
  if (status === 403) return new YazsanaError({ ...base, kind: "forbidden" });
  if (status === 404) return new YazsanaError({ ...base, kind: "not_found" });
  if (status === 402) return new YazsanaError({ ...base, kind: "insufficient_credit" });
  if (status === 408) return new YazsanaError({ ...base, kind: "timeout" });
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(failure.retryAfterHeader, failure.now);
    return new YazsanaError({ ...base, kind: "rate_limited", ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) });
  }
  if (status >= 400 && status < 500) {
    const mentionsCredit = [message, code].some((text) => text !== undefined && INSUFFICIENT_CREDIT_CODE.test(text));
    return new YazsanaError({ ...base, kind: mentionsCredit ? "insufficient_credit" : "validation" });
  }
  // 5xx, and anything else no client should see (1xx/3xx: we never follow redirects).
  return new YazsanaError({ ...base, kind: "unavailable" });
}

function readErrorBody(bodyText: string): { message?: string; code?: string } {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    // A proxy's HTML error page is not a message worth showing.
    return {};
  }
  const parsed = errorBody.safeParse(json);
  if (!parsed.success) return {};
  const { message, error } = parsed.data;
  const code = typeof parsed.data.code === "string" ? parsed.data.code : undefined;
  const text = Array.isArray(message) ? message.join("; ") : (message ?? error);
  return { ...(text !== undefined && { message: text }), ...(code !== undefined && { code }) };
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | undefined, now: Date = new Date()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

const UNDICI_TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/**
 * A failure before any HTTP answer. The original error is dropped on purpose:
 * undici errors can reference the request (and so the x-api-key header).
 */
export function errorFromTransport(operation: YazsanaOperation, error: unknown, timedOut: boolean): YazsanaError {
  const cause = sanitizeCause(error);
  if (cause.code === "UND_ERR_RES_EXCEEDED_MAX_SIZE") {
    return new YazsanaError({ operation, kind: "malformed_response", cause, issues: ["the response body is larger than YAZSANA_MAX_RESPONSE_BYTES"] });
  }
  if (timedOut || (cause.code !== undefined && UNDICI_TIMEOUT_CODES.has(cause.code))) {
    return new YazsanaError({ operation, kind: "timeout", cause });
  }
  // Refused, reset, DNS failures and anything unknown: the upstream is unreachable.
  // The code (ECONNREFUSED, UND_ERR_SOCKET…) is kept so a log line tells them apart.
  return new YazsanaError({ operation, kind: "unavailable", cause });
}

function sanitizeCause(error: unknown): SanitizedCause {
  if (typeof error !== "object" || error === null) return { name: "UnknownError" };
  const record = error as { name?: unknown; code?: unknown; cause?: unknown };
  const name = typeof record.name === "string" ? record.name : "Error";
  // Connection failures often hide the errno one level down (fetch-style "cause").
  const code = stringCode(record.code) ?? stringCode((record.cause as { code?: unknown } | undefined)?.code);
  return code === undefined ? { name } : { name, code };
}

function stringCode(code: unknown): string | undefined {
  return typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}
