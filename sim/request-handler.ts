import type { IncomingMessage, ServerResponse } from "node:http";
import { ADMIN_PREFIX, handleAdmin, type AdminControls } from "./admin";
import { playFault } from "./faults";
import { handlers } from "./handlers";
import { notFound, readBody, sendError, sendJson, SimError } from "./http";
import { matchRoute } from "./router";
import type { SimReply } from "./runtime";

/**
 * One request, start to finish: admin controls, or route → injected fault →
 * handler. Nothing here logs request headers: they carry API keys.
 */
export async function handleRequest(request: IncomingMessage, response: ServerResponse, controls: AdminControls) {
  try {
    const url = new URL(request.url ?? "/", "http://simulator.invalid");
    const method = request.method ?? "GET";
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      const rawBody = await readBody(request);
      return reply(response, await handleAdmin({ method, pathname: url.pathname, rawBody, controls }));
    }

    const match = matchRoute(method, url.pathname);
    if (match.kind === "none") throw notFound();
    if (match.kind === "wrong-method") {
      throw new SimError(405, "METHOD_NOT_ALLOWED", "Method not allowed", { allow: match.allowed.join(", ") });
    }
    const rawBody = await readBody(request);
    const apiKey = request.headers["x-api-key"];
    const fault = controls.faults.take(Array.isArray(apiKey) ? apiKey[0] : apiKey, match.operation);
    controls.onRequest?.({ operation: match.operation, ...(fault && { fault: fault.kind }) });
    if (fault && (await playFault(fault, response))) return;

    const handle = handlers[match.operation];
    const result = handle({ runtime: controls.runtime, headers: request.headers, query: url.searchParams, params: match.params, rawBody });
    // Handled (and charged) like any request, but the answer never leaves: the client times out
    // not knowing the outcome, as when a connection drops after Yazsana accepted a send.
    if (fault?.kind === "lost_answer") return;
    reply(response, result);
  } catch (error) {
    if (error instanceof SimError) return sendError(response, error);
    console.error(`Simulator: unexpected error: ${(error as Error).stack ?? String(error)}`);
    sendError(response, new SimError(500, "INTERNAL_ERROR", "Internal simulator error"));
  }
}

function reply(response: ServerResponse, { status, body }: SimReply) {
  sendJson(response, status, body);
}
