import "server-only";
import type { YazsanaError } from "./errors";

const BASE_DELAY_MS = 200;
const MAX_BACKOFF_MS = 2_000;
/** Longer Retry-After waits are handed to the user (rate_limited) instead of holding a page open. */
export const MAX_RETRY_AFTER_SECONDS = 5;

const RETRYABLE_KINDS = new Set(["unavailable", "timeout", "rate_limited"]);

/**
 * How long to wait before retrying a GET after `error`, or null to give up.
 * `retriesDone` counts retries already made (0 before the first retry).
 */
export function retryDelayMs(error: YazsanaError, retriesDone: number, maxRetries: number, random: () => number = Math.random): number | null {
  if (retriesDone >= maxRetries || !RETRYABLE_KINDS.has(error.kind)) return null;
  if (error.kind === "rate_limited" && error.retryAfterSeconds !== undefined) {
    if (error.retryAfterSeconds > MAX_RETRY_AFTER_SECONDS) return null;
    return error.retryAfterSeconds * 1000;
  }
  // Exponential with "equal jitter": at least half the step, so instances that
  // failed together do not all come back together.
  const step = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** retriesDone);
  return Math.round(step / 2 + random() * (step / 2));
}
