import "server-only";

export type YazsanaConfig = {
  /** Base URL without a trailing slash, e.g. "https://api.yazsana.example/v1". */
  baseUrl: string;
  /** Per attempt: a GET that retries may take up to (retries + 1) × this, plus backoff. */
  timeoutMs: number;
  /** Extra attempts for GETs only; sends are never retried. */
  maxRetries: number;
  /** One logical call, all attempts and backoff waits together, ends by this deadline. */
  deadlineMs: number;
  /** Answers with a longer body are cut off and treated as malformed. */
  maxResponseBytes: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RETRIES = 2;
// A hanging upstream then costs a page at most this long, however many retries are allowed.
const DEFAULT_DEADLINE_MS = 10_000;
// The largest documented answer is a page of messages; 5 MiB is far above any page
// size we ask for, and far below what would strain the server's memory.
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * Read on every call, not at import time, so tests and a deployment that swaps
 * the simulator for the real API see the current environment.
 */
export function readYazsanaConfig(env: Readonly<Record<string, string | undefined>> = process.env): YazsanaConfig {
  const rawUrl = env.YAZSANA_API_URL?.trim();
  if (!rawUrl) {
    throw new Error("YAZSANA_API_URL is not set: point it at the Yazsana Customer API (or the local simulator, `npm run sim`).");
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new Error("YAZSANA_API_URL is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error("YAZSANA_API_URL must start with http:// or https://.");
  }
  // The key travels in a header: in production it may cross a network only encrypted.
  if (env.NODE_ENV === "production" && url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new Error("YAZSANA_API_URL must use https:// in production (plain http is allowed only to this machine).");
  }
  return {
    baseUrl: url.toString().replace(/\/+$/, ""),
    timeoutMs: readInteger(env, "YAZSANA_TIMEOUT_MS", DEFAULT_TIMEOUT_MS, 1),
    maxRetries: readInteger(env, "YAZSANA_MAX_RETRIES", DEFAULT_MAX_RETRIES, 0),
    deadlineMs: readInteger(env, "YAZSANA_DEADLINE_MS", DEFAULT_DEADLINE_MS, 1),
    maxResponseBytes: readInteger(env, "YAZSANA_MAX_RESPONSE_BYTES", DEFAULT_MAX_RESPONSE_BYTES, 1),
  };
}

function readInteger(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min} (got "${raw}").`);
  }
  return value;
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
