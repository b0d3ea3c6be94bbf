import "server-only";
import { redactSecrets } from "@/lib/crypto/redact";
import type { YazsanaOperation } from "./routes";

export const YAZSANA_ERROR_KINDS = [
  "invalid_key",
  "forbidden",
  "not_found",
  "validation",
  "insufficient_credit",
  "rate_limited",
  "unavailable",
  "timeout",
  "malformed_response",
] as const;
export type YazsanaErrorKind = (typeof YAZSANA_ERROR_KINDS)[number];

/**
 * What is left of a transport failure once everything that could carry the key
 * (request options, headers, socket objects) is dropped: the error code and
 * class name only.
 */
export type SanitizedCause = { name: string; code?: string };

export type YazsanaErrorDetails = {
  kind: YazsanaErrorKind;
  operation: YazsanaOperation;
  status?: number;
  upstreamMessage?: string;
  retryAfterSeconds?: number;
  /** Schema issues of a malformed response: field paths and expectations, never values. */
  issues?: string[];
  cause?: SanitizedCause;
};

/**
 * The one error the client throws. Everything on it is safe to log: the API key
 * is never part of it (see cleanUpstreamMessage), and `cause` is a plain summary rather
 * than an undici error that might hold request options.
 */
export class YazsanaError extends Error {
  readonly kind: YazsanaErrorKind;
  readonly operation: YazsanaOperation;
  readonly status?: number;
  readonly upstreamMessage?: string;
  readonly retryAfterSeconds?: number;
  readonly issues?: string[];
  declare readonly cause?: SanitizedCause;

  constructor(details: YazsanaErrorDetails) {
    super(internalMessage(details), details.cause ? { cause: details.cause } : undefined);
    this.name = "YazsanaError";
    this.kind = details.kind;
    this.operation = details.operation;
    if (details.status !== undefined) this.status = details.status;
    if (details.upstreamMessage !== undefined) this.upstreamMessage = details.upstreamMessage;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.issues !== undefined) this.issues = details.issues;
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      upstreamMessage: this.upstreamMessage,
      retryAfterSeconds: this.retryAfterSeconds,
      issues: this.issues,
      cause: this.cause,
      message: this.message,
    };
  }
}

export function isYazsanaError(error: unknown): error is YazsanaError {
  return error instanceof YazsanaError;
}

/** For server logs and developers; users get describeYazsanaError instead. */
function internalMessage(details: YazsanaErrorDetails): string {
  const parts = [`Yazsana ${details.operation} failed: ${details.kind}`];
  if (details.status !== undefined) parts.push(`HTTP ${details.status}`);
  if (details.cause?.code) parts.push(details.cause.code);
  if (details.upstreamMessage) parts.push(`"${details.upstreamMessage}"`);
  return parts.join(", ");
}

const MAX_UPSTREAM_MESSAGE_LENGTH = 300;

/**
 * Upstream text is shown to users and logged, so it is trimmed, collapsed to
 * one line, capped, and scrubbed of the key in case the upstream echoes it
 * ("invalid key ysk_…").
 */
export function cleanUpstreamMessage(raw: string | undefined, apiKey: string): string | undefined {
  if (raw === undefined) return undefined;
  let text = redactSecrets(raw, [apiKey]).replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  if (text.length > MAX_UPSTREAM_MESSAGE_LENGTH) text = `${text.slice(0, MAX_UPSTREAM_MESSAGE_LENGTH - 1)}…`;
  return text;
}

