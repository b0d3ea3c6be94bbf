import "server-only";
import { setYazsanaCallObserver, type YazsanaCallRecord } from "@/lib/yazsana";
import type { Logger } from "./logger";

/**
 * One line per upstream attempt, inside the request or job that made it (so
 * it carries that request id, member and workspace): operation, method,
 * attempt, status or error kind, duration. Never a URL, header, body or key.
 */
export function logYazsanaCalls(logger: Logger): void {
  const calls = logger.child({ component: "yazsana" });
  setYazsanaCallObserver((record: YazsanaCallRecord) => {
    const { operation, method, attempt, status, errorKind, abandoned, durationMs } = record;
    const line = {
      operation,
      method,
      attempt,
      ...(status !== undefined && { status }),
      ...(errorKind && { errorKind }),
      ...(abandoned && { abandoned }),
      durationMs: Math.round(durationMs),
    };
    if (errorKind || (status !== undefined && status >= 500)) calls.warn(line, "yazsana call");
    else calls.info(line, "yazsana call");
  });
}
