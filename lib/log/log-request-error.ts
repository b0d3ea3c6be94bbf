import "server-only";
import { describeErrorForLog } from "./describe-error-for-log";
import { componentLogger } from "./logger";

/** For instrumentation.ts's onRequestError: what failed, where, and the digest the user sees as "Reference". */
export function logRequestError(error: unknown, where: { method: string; path: string; routePath: string; routeType: string }): void {
  const digest = (error as { digest?: unknown } | null)?.digest;
  componentLogger("next").error({ ...where, ...(typeof digest === "string" && { digest }), error: describeErrorForLog(error) }, "request failed");
}
