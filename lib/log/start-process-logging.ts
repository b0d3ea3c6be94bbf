import "server-only";
import { logYazsanaCalls } from "./log-yazsana-calls";
import { rootLogger } from "./logger";
import { installLogRedaction } from "./redacting-console";
import { installRequestLog } from "./request-log";

/**
 * For the app server and the worker, once at start: upstream calls are
 * logged, and whatever still writes to the console (Next.js itself, a
 * library) is scrubbed of API keys. The app server also logs every request.
 */
export function startProcessLogging(options: { requests: boolean }): void {
  installLogRedaction();
  const logger = rootLogger();
  logYazsanaCalls(logger);
  if (options.requests) installRequestLog(logger);
}
