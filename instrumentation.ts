import type { Instrumentation } from "next";

/** Next.js calls this once per server start; the work is Node.js-only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server-startup");
  startServer();
}

/**
 * An error a page, action or route handler did not handle, as one JSON line
 * in its request's context (request id, member, workspace). The digest is the
 * "Reference" the error page shows the user, so a report can be matched.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/log/log-request-error");
  logRequestError(error, { method: request.method, path: request.path.split("?")[0]!, routePath: context.routePath, routeType: context.routeType });
};
