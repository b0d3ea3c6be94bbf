/** What a retry-later failure says about the refusal behind it, for the worker's log line. */
export type RetryDetails = { operation?: string; status?: number; retryAfterSeconds?: number; errorKind?: string };

/**
 * Thrown to have graphile-worker retry the job later (nothing was sent): an
 * expected outcome — Yazsana's 429, a connection it never accepted — so the
 * worker logs it as one warning line with these details, not as an error
 * with a stack (campaign-jobs.ts, quietLogger).
 */
export class RetryLater extends Error {
  readonly details: RetryDetails;

  constructor(message: string, details: RetryDetails = {}) {
    super(message);
    this.name = "RetryLater";
    this.details = details;
  }
}

export function isRetryLater(error: unknown): error is RetryLater {
  return error instanceof RetryLater;
}
