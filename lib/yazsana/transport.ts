import "server-only";
import { Agent, request } from "undici";
import { startAttemptDeadline } from "./attempt-timeout";
import { recordYazsanaCall } from "./call-log";
import type { YazsanaConfig } from "./config";
import { errorFromTransport } from "./error-mapping";
import { YazsanaError } from "./errors";
import { routePath, yazsanaRoutes, type YazsanaOperation } from "./routes";

/** Who is calling: the workspace's key and the chosen context (null = personal credit). */
export type YazsanaContext = {
  apiKey: string;
  organizationId?: string | null;
  signal?: AbortSignal;
};

export type YazsanaRequest = {
  operation: YazsanaOperation;
  pathParams?: Record<string, string>;
  query?: URLSearchParams;
  body?: unknown;
  /** 1-based, for the call log. */
  attempt?: number;
};

/** The raw answer, before any interpretation: what the probe inspects and the client parses. */
export type YazsanaRawResponse = {
  status: number;
  retryAfter?: string;
  bodyText: string;
  durationMs: number;
};

// One keep-alive pool per process, kept on globalThis so Next.js dev reloads
// and duplicated module instances do not each open their own sockets. undici
// enforces the body size cap while reading (and on Content-Length up front),
// so an oversized answer is never buffered whole.
const DISPATCHER_KEY = Symbol.for("yazsana-portal.yazsana-dispatcher");
type SharedDispatcher = { agent: Agent; maxResponseBytes: number };
type DispatcherHolder = { [DISPATCHER_KEY]?: SharedDispatcher };

function sharedDispatcher(maxResponseBytes: number): Agent {
  const holder = globalThis as DispatcherHolder;
  const current = holder[DISPATCHER_KEY];
  if (current?.maxResponseBytes === maxResponseBytes) return current.agent;
  // The limit changed (tests, a reconfigured process): let the old pool finish its requests.
  void current?.agent.close();
  const agent = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, maxResponseSize: maxResponseBytes });
  holder[DISPATCHER_KEY] = { agent, maxResponseBytes };
  return agent;
}

/** Closes the shared pool (scripts and tests, so the process can exit at once). */
export async function closeYazsanaDispatcher(): Promise<void> {
  const holder = globalThis as DispatcherHolder;
  const shared = holder[DISPATCHER_KEY];
  delete holder[DISPATCHER_KEY];
  await shared?.agent.close();
}

/**
 * One HTTP attempt with its own timeout. Answers any status; throws a
 * YazsanaError only when no answer arrived (timeout, refused, reset), or the
 * caller's own abort reason when the caller cancelled.
 */
export async function sendYazsanaRequest(config: YazsanaConfig, context: YazsanaContext, call: YazsanaRequest): Promise<YazsanaRawResponse> {
  const { operation } = call;
  const { method } = yazsanaRoutes[operation];
  const headers = requestHeaders(context, operation, call.body !== undefined);
  const url = `${config.baseUrl}${routePath(operation, call.pathParams)}${call.query?.size ? `?${call.query}` : ""}`;

  const timeout = startAttemptDeadline(config.timeoutMs);
  const signal = context.signal ? AbortSignal.any([timeout.signal, context.signal]) : timeout.signal;
  const started = performance.now();
  const attempt = call.attempt ?? 1;
  try {
    const response = await request(url, {
      method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal,
      dispatcher: sharedDispatcher(config.maxResponseBytes),
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    });
    const bodyText = await response.body.text();
    const durationMs = Math.round(performance.now() - started);
    recordYazsanaCall({ operation, method, attempt, status: response.statusCode, durationMs });
    const retryAfter = response.headers["retry-after"];
    return {
      status: response.statusCode,
      bodyText,
      durationMs,
      ...(typeof retryAfter === "string" && { retryAfter }),
    };
  } catch (error) {
    if (context.signal?.aborted) {
      recordYazsanaCall({ operation, method, attempt, abandoned: true, durationMs: Math.round(performance.now() - started) });
      throw context.signal.reason;
    }
    const failure = errorFromTransport(operation, error, timeout.signal.aborted);
    recordYazsanaCall({ operation, method, attempt, errorKind: failure.kind, durationMs: Math.round(performance.now() - started) });
    throw failure;
  } finally {
    timeout.clear();
  }
}

// Header values may not hold control characters or spaces; checking here keeps a
// pasted key with a stray newline from ever reaching undici's error messages.
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const MIN_KEY_LENGTH = 4;

function requestHeaders(context: YazsanaContext, operation: YazsanaOperation, hasBody: boolean): Record<string, string> {
  if (context.apiKey.length < MIN_KEY_LENGTH || !HEADER_SAFE.test(context.apiKey)) {
    throw new YazsanaError({ operation, kind: "invalid_key" });
  }
  const headers: Record<string, string> = { accept: "application/json", "x-api-key": context.apiKey };
  if (context.organizationId) {
    if (!HEADER_SAFE.test(context.organizationId)) {
      throw new YazsanaError({ operation, kind: "validation", issues: ["x-org-id: not a valid organization id"] });
    }
    headers["x-org-id"] = context.organizationId;
  }
  if (hasBody) headers["content-type"] = "application/json";
  return headers;
}
