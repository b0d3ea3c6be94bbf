import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { limiter } from "./limiter-store";
import type { RateLimiterName } from "./rate-limit-rules";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

/**
 * The portal's rate limits, kept in PostgreSQL by rate-limiter-flexible so
 * they hold across every app instance. The stable API for the rest of the app:
 *
 *   const attempt = await consumeRateLimit("teamInvitesByWorkspace", workspaceId);
 *   if (!attempt.allowed) return { ok: false, message: `… Try again ${tryAgainIn(attempt.retryAfterSeconds)}.` };
 *
 * - `limiterName` names a rule in rate-limit-rules.ts (add yours there);
 * - `key` is what is limited (a user id, a workspace id, an email + address…).
 *   It is stored hashed, so the table holds no emails or addresses in clear;
 * - the answer is `{ allowed, retryAfterSeconds }` (0 when allowed); a
 *   database failure throws, so an outage never silently lifts a limit.
 *
 * Count the attempt before doing the work, so parallel requests can't slip
 * past a check; resetRateLimit forgets a key (e.g. after a successful login).
 */
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

export async function consumeRateLimit(limiterName: RateLimiterName, key: string, points = 1): Promise<RateLimitResult> {
  try {
    await limiter(limiterName).consume(storedKey(key), points);
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (rejection) {
    // The library rejects with a RateLimiterRes when the limit is reached and
    // with an Error when the store fails.
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
    throw rejection;
  }
}

/**
 * Gives back points counted for an attempt that then did not happen (e.g. a
 * second limit refused it). The store counts refused points too, so a refused
 * large request would otherwise eat the rest of the window.
 */
export async function refundRateLimit(limiterName: RateLimiterName, key: string, points = 1): Promise<void> {
  await limiter(limiterName).reward(storedKey(key), points);
}

export async function resetRateLimit(limiterName: RateLimiterName, key: string): Promise<void> {
  await limiter(limiterName).delete(storedKey(key));
}

/**
 * "in 1 minute", "in 15 minutes" ("15 dakika sonra" in Turkish): for the
 * messages shown when a limit is hit, as the {when} of a catalog sentence.
 */
export function tryAgainIn(retryAfterSeconds: number, locale: Locale = DEFAULT_LOCALE): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  return minutes >= 120 ? format.format(Math.ceil(minutes / 60), "hour") : format.format(minutes, "minute");
}

function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

function retryAfter(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}
