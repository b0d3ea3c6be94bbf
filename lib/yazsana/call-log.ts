import "server-only";
import type { YazsanaErrorKind } from "./errors";
import type { YazsanaOperation } from "./routes";

/**
 * One line per HTTP attempt. Deliberately holds no URL, headers, body or key:
 * only what an operator needs to see latency and failure rates.
 */
export type YazsanaCallRecord = {
  operation: YazsanaOperation;
  method: "GET" | "POST";
  /** 1 for the first try; GET retries count up. */
  attempt: number;
  status?: number;
  errorKind?: YazsanaErrorKind;
  /** The caller stopped waiting (its own deadline or cancel) before an answer came. */
  abandoned?: true;
  durationMs: number;
};

export type YazsanaCallObserver = (record: YazsanaCallRecord) => void;

// On globalThis: Next.js bundles instrumentation (which installs the observer)
// and the routes (which make the calls) separately, each with its own copy of
// this module.
const OBSERVER_KEY = Symbol.for("yazsana-portal.yazsana-call-observer");
type ObserverHolder = { [OBSERVER_KEY]?: YazsanaCallObserver | null };

/** Installs the process-wide hook (e.g. the app's logger); null removes it. */
export function setYazsanaCallObserver(next: YazsanaCallObserver | null): void {
  (globalThis as ObserverHolder)[OBSERVER_KEY] = next;
}

export function recordYazsanaCall(record: YazsanaCallRecord): void {
  const observer = (globalThis as ObserverHolder)[OBSERVER_KEY];
  if (!observer) return;
  try {
    observer(record);
  } catch {
    // A broken logger must never turn a successful call into a failure.
  }
}
