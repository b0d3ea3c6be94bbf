import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import { startDeadline } from "@/lib/runtime/deadline";
import { readYazsanaConfig, type YazsanaConfig } from "./config";
import { errorFromStatus } from "./error-mapping";
import { YazsanaError } from "./errors";
import { parseYazsanaResponse } from "./parse-response";
import { retryDelayMs } from "./retry-policy";
import { yazsanaRoutes, type YazsanaOperation } from "./routes";
import { sendYazsanaRequest, type YazsanaContext, type YazsanaRequest } from "./transport";

/**
 * One operation end to end: config, HTTP, error mapping, response parsing.
 * GETs retry on unavailable/timeout/rate_limited; POSTs spend money and are
 * sent exactly once, whatever happens — the caller decides what a failed send means.
 * The whole call — every attempt and every backoff wait — ends by the
 * configured deadline (YAZSANA_DEADLINE_MS) as a `timeout`, so retries can
 * never stretch a page past it.
 */
export async function callYazsana<T>(context: YazsanaContext, call: YazsanaRequest, schema: z.ZodType<T>): Promise<T> {
  const config = readYazsanaConfig();
  const retryable = yazsanaRoutes[call.operation].method === "GET";
  const maxRetries = retryable ? config.maxRetries : 0;
  const deadline = startDeadline(config.deadlineMs);
  const signal = context.signal ? AbortSignal.any([deadline.signal, context.signal]) : deadline.signal;
  const endsAt = performance.now() + config.deadlineMs;
  // The caller's own cancel wins over our deadline: it surfaces the caller's reason.
  const deadlinePassed = () => deadline.signal.aborted && !context.signal?.aborted;

  try {
    return await callUntilDone(config, context, call, schema, { signal, maxRetries, endsAt, deadlinePassed });
  } finally {
    deadline.clear();
  }
}

type CallLimits = { signal: AbortSignal; maxRetries: number; endsAt: number; deadlinePassed: () => boolean };

async function callUntilDone<T>(config: YazsanaConfig, context: YazsanaContext, call: YazsanaRequest, schema: z.ZodType<T>, limits: CallLimits): Promise<T> {
  const { signal, maxRetries, endsAt, deadlinePassed } = limits;
  for (let retriesDone = 0; ; retriesDone++) {
    try {
      const response = await sendYazsanaRequest(config, { ...context, signal }, { ...call, attempt: retriesDone + 1 });
      if (response.status >= 200 && response.status < 300) {
        return parseYazsanaResponse(call.operation, response.status, response.bodyText, schema);
      }
      throw errorFromStatus({
        operation: call.operation,
        status: response.status,
        bodyText: response.bodyText,
        apiKey: context.apiKey,
        ...(response.retryAfter !== undefined && { retryAfterHeader: response.retryAfter }),
      });
    } catch (error) {
      if (deadlinePassed()) throw deadlineError(call.operation);
      if (!(error instanceof YazsanaError)) throw error;
      const delay = retryDelayMs(error, retriesDone, maxRetries);
      // A wait that outlasts the deadline can only end in a timeout: give the real error now.
      if (delay === null || delay >= endsAt - performance.now()) throw error;
      // An abort while waiting surfaces the caller's reason, as it would mid-request.
      await sleep(delay, undefined, { signal }).catch(() => {
        throw deadlinePassed() ? deadlineError(call.operation) : (context.signal?.reason ?? error);
      });
    }
  }
}

function deadlineError(operation: YazsanaOperation): YazsanaError {
  return new YazsanaError({ operation, kind: "timeout", cause: { name: "DeadlineExceeded" } });
}
