import { describe, expect, it } from "vitest";
import type { Job } from "graphile-worker";
import { createPortalLogger } from "@/lib/log/logger";
import { quietLogger } from "@/lib/sending/campaign-jobs";
import { RetryLater } from "@/lib/sending/worker/retry-later";

/**
 * What the campaign worker logs when a job fails, fed exactly as
 * graphile-worker reports a failure (worker.js: `logger.error("Failed task …
 * with error '…':\n  <stack>", { failure: true, job, error })`). The real
 * 429 path, end to end: tests/integration/upstream-faults.test.ts.
 */
function workerLog() {
  const raw: string[] = [];
  const logger = quietLogger(createPortalLogger({ destination: { write: (line: string) => void raw.push(line) }, level: "info" }).child({ component: "worker" }));
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, lines };
}

const job = (attempts: number) => ({ id: "42", task_identifier: "campaign-chunk", attempts, max_attempts: 25 }) as unknown as Job;

function reportFailure(logger: ReturnType<typeof quietLogger>, error: Error, attempts: number) {
  logger.error(`Failed task 42 (campaign-chunk, 12.00ms, attempt ${attempts} of 25) with error '${error.message}':\n  ${String(error.stack)}`, { failure: true, job: job(attempts), error });
}

describe("the worker's lines for a failed job", () => {
  it("an expected retry (Yazsana's 429) is one warning with operation, status, attempt and retry-after, and no stack", () => {
    const { logger, raw, lines } = workerLog();
    reportFailure(logger, new RetryLater("chunk 1 not sent (rate_limited); retrying later", { operation: "sendBulkSms", status: 429, retryAfterSeconds: 30, errorKind: "rate_limited" }), 2);
    expect(lines()).toEqual([
      expect.objectContaining({
        level: "warn",
        component: "worker",
        task: "campaign-chunk",
        jobId: "42",
        operation: "sendBulkSms",
        status: 429,
        retryAfterSeconds: 30,
        attempt: 2,
        maxAttempts: 25,
        msg: "job retried later: chunk 1 not sent (rate_limited); retrying later",
      }),
    ]);
    expect(raw.join("")).not.toContain("worker-logs.test.ts");
  });

  it("an expected retry on its last attempt is an error, still without a stack", () => {
    const { logger, raw, lines } = workerLog();
    reportFailure(logger, new RetryLater("chunk 1 not sent (rate_limited); retrying later", { operation: "sendBulkSms", status: 429 }), 25);
    expect(lines()).toEqual([expect.objectContaining({ level: "error", attempt: 25, status: 429 })]);
    expect(raw.join("")).not.toContain("worker-logs.test.ts");
  });

  it("an unexpected failure keeps its error line with the stack", () => {
    const { logger, lines } = workerLog();
    const error = new TypeError("Cannot read properties of undefined (reading 'id')");
    reportFailure(logger, error, 1);
    expect(lines()).toEqual([expect.objectContaining({ level: "error", component: "worker" })]);
    expect(String(lines()[0]!.msg)).toContain(String(error.stack).split("\n")[1]!.trim());
  });
});
