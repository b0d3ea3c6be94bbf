import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import { readYazsanaConfig } from "./config";
import { errorFromStatus } from "./error-mapping";
import { YazsanaError } from "./errors";
import { parseYazsanaResponse } from "./parse-response";
import { retryDelayMs } from "./retry-policy";
import { yazsanaRoutes } from "./routes";
import { sendYazsanaRequest, type YazsanaContext, type YazsanaRequest } from "./transport";

/**
 * One operation end to end: config, HTTP, error mapping, response parsing.
 * GETs retry on unavailable/timeout/rate_limited; POSTs spend money and are
 * sent exactly once, whatever happens — the caller decides what a failed send means.
 */
export async function callYazsana<T>(context: YazsanaContext, call: YazsanaRequest, schema: z.ZodType<T>): Promise<T> {
  const config = readYazsanaConfig();
  const retryable = yazsanaRoutes[call.operation].method === "GET";
  const maxRetries = retryable ? config.maxRetries : 0;

  for (let retriesDone = 0; ; retriesDone++) {
    try {
      const response = await sendYazsanaRequest(config, context, { ...call, attempt: retriesDone + 1 });
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
      if (!(error instanceof YazsanaError)) throw error;
      const delay = retryDelayMs(error, retriesDone, maxRetries);
      if (delay === null) throw error;
      // An abort while waiting surfaces the caller's reason, as it would mid-request.
      await sleep(delay, undefined, context.signal ? { signal: context.signal } : undefined).catch(() => {
        throw context.signal?.reason ?? error;
      });
    }
  }
}
