import { positiveIntegerFromEnv } from "@/lib/config/positive-integer-env";

/**
 * How long a session lives. Checked on every request by the session callback
 * (lib/auth/auth-options.ts) from two claims in the session token:
 * `authTime` (login) and `lastSeen` (last use, refreshed by proxy.ts).
 * Framework-free: proxy.ts imports it too.
 */
export type SessionLifetime = { idleSeconds: number; absoluteSeconds: number };

export function sessionLifetime(env: Readonly<Record<string, string | undefined>> = process.env): SessionLifetime {
  return {
    idleSeconds: positiveIntegerFromEnv("SESSION_IDLE_TIMEOUT_MINUTES", 60, env) * 60,
    absoluteSeconds: positiveIntegerFromEnv("SESSION_MAX_AGE_HOURS", 12, env) * 3600,
  };
}

/** lastSeen is rewritten at most this often, not on every request. */
export const LAST_SEEN_REFRESH_SECONDS = 60;

export type SessionTimes = { authTime?: unknown; lastSeen?: unknown };

/**
 * True when the session must end: unused for longer than the idle timeout,
 * older than the absolute lifetime, or without the claims (a token issued
 * before they existed, or forged without them).
 */
export function sessionLapsed(token: SessionTimes, nowSeconds: number, lifetime: SessionLifetime = sessionLifetime()): boolean {
  const { authTime, lastSeen } = token;
  if (typeof authTime !== "number" || typeof lastSeen !== "number") return true;
  if (lastSeen > nowSeconds + LAST_SEEN_REFRESH_SECONDS || authTime > lastSeen) return true;
  return nowSeconds - authTime > lifetime.absoluteSeconds || nowSeconds - lastSeen > lifetime.idleSeconds;
}

export const nowInSeconds = () => Math.floor(Date.now() / 1000);
