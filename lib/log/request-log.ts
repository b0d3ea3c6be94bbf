import "server-only";
import { randomUUID } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { enterLogContext, type LogContext } from "./log-context";
import type { Logger } from "./logger";

export const REQUEST_ID_HEADER = "x-request-id";

// An id a load balancer in front of us already gave the request is kept, so
// its lines and ours match; anything else (too long, odd characters that
// could forge log fields) is replaced by our own.
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

type RequestStart = { request: IncomingMessage; response: ServerResponse };

const INSTALLED_KEY = Symbol.for("yazsana-portal.request-log");

/**
 * One line per HTTP request the server answers: request id, method, path
 * (never the query: it can hold search terms and numbers), status, duration,
 * and the member, workspace and operation the code noted while serving it.
 *
 * Node's HTTP server announces each request on the
 * "http.server.request.start" diagnostics channel just before Next.js's
 * handler runs, in the same synchronous execution: the log context entered
 * there is the one every page, action, route handler and upstream call of
 * that request sees. The request id also goes into the request's headers
 * (read it with headers().get("x-request-id")) and back to the client.
 * Next.js itself offers no per-request hook with the final status (proxy.ts
 * runs before rendering, onRequestError only on errors). Idempotent.
 */
export function installRequestLog(logger: Logger): void {
  const holder = globalThis as { [INSTALLED_KEY]?: boolean };
  if (holder[INSTALLED_KEY]) return;
  holder[INSTALLED_KEY] = true;
  diagnosticsChannel.subscribe("http.server.request.start", (message) => {
    const { request, response } = message as RequestStart;
    const started = performance.now();
    const offered = request.headers[REQUEST_ID_HEADER];
    const requestId = typeof offered === "string" && ACCEPTED_REQUEST_ID.test(offered) ? offered : randomUUID();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const context: LogContext = { requestId };
    enterLogContext(context);
    response.once("close", () => {
      const path = (request.url ?? "/").split("?")[0]!;
      const line = {
        ...context,
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round(performance.now() - started),
        ...(!response.writableFinished && { aborted: true }),
      };
      // Static files and build assets would drown the lines that matter.
      if (path.startsWith("/_next/") || path === "/favicon.ico") logger.debug(line, "request");
      else if (response.statusCode >= 500) logger.error(line, "request");
      else logger.info(line, "request");
    });
  });
}
