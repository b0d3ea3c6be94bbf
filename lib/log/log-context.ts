import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who and what a log line is about: the request (or worker job) it belongs
 * to, and — once the code has learned them — the member and workspace.
 * Every line the logger writes inside the context carries these fields.
 */
export type LogContext = {
  requestId?: string;
  jobId?: string;
  memberId?: string;
  workspaceId?: string;
  /** The server action or job being run, e.g. "sendSms" or "campaign-start". */
  operation?: string;
};

// On globalThis: Next.js bundles instrumentation (which starts each
// request's context) and the routes (which add the member and workspace)
// separately, each with its own copy of this module; they must share one store.
const STORE_KEY = Symbol.for("yazsana-portal.log-context");
const storage: AsyncLocalStorage<LogContext> = ((globalThis as { [STORE_KEY]?: AsyncLocalStorage<LogContext> })[STORE_KEY] ??=
  new AsyncLocalStorage<LogContext>());

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run(context, work);
}

/**
 * Starts `context` for the rest of the current synchronous execution and
 * everything it schedules: for the HTTP server's request-start hook, which
 * runs just before the request handler and cannot wrap it.
 */
export function enterLogContext(context: LogContext): void {
  storage.enterWith(context);
}

/** Adds what the code just learned (e.g. the member and workspace) to the current context; no-op outside one. */
export function noteLogContext(fields: Omit<LogContext, "requestId" | "jobId">): void {
  const context = storage.getStore();
  if (!context) return;
  for (const [key, value] of Object.entries(fields) as Array<[keyof LogContext, string | undefined]>) {
    if (value !== undefined) context[key] = value;
  }
}
