import { isIP } from "node:net";

/**
 * The client's address as seen by the nearest trusted proxy, or undefined.
 * `x-forwarded-for` is written by the client first and by each proxy after,
 * so only the entry added by our own outermost proxy can be trusted: with
 * TRUSTED_PROXY_HOPS=N (the number of proxies in front of the app) that is the
 * Nth entry from the right. With 0 (the default: the app is reached directly)
 * the header is ignored entirely, since anyone can write it.
 */
export function clientIp(forwardedFor: unknown, trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS || 0)): string | undefined {
  if (typeof forwardedFor !== "string" || !Number.isInteger(trustedProxyHops) || trustedProxyHops < 1) return undefined;
  const entries = forwardedFor.split(",").map((entry) => entry.trim());
  const candidate = entries[entries.length - trustedProxyHops];
  return candidate && isIP(candidate) ? candidate : undefined;
}
