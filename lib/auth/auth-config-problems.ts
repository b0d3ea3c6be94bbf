import { isLoopbackHost } from "@/lib/url/is-loopback-host";
import { sessionLifetime } from "./session-lifetime";

type Env = Readonly<Record<string, string | undefined>>;

// next-auth's own guidance: at least 32 random bytes (`openssl rand -base64 32`).
const MIN_SECRET_LENGTH = 32;

/**
 * What would make sessions unsafe in production, in words for the operator.
 * Without NEXTAUTH_SECRET tokens can't be trusted; with an http NEXTAUTH_URL
 * next-auth drops the cookies' Secure flag, so a session token would cross
 * the network in clear. Loopback http (the local demo, the browser tests)
 * never leaves the machine and is allowed.
 */
export function authConfigProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) problems.push("NEXTAUTH_SECRET is not set: sessions can't be signed. Set it to 32+ random bytes, e.g. `openssl rand -base64 32`.");
  else if (secret.length < MIN_SECRET_LENGTH) problems.push(`NEXTAUTH_SECRET is too short: use at least ${MIN_SECRET_LENGTH} characters of random data.`);

  const rawUrl = env.NEXTAUTH_URL?.trim();
  let url: URL | undefined;
  try {
    url = rawUrl ? new URL(rawUrl) : undefined;
  } catch {
    problems.push("NEXTAUTH_URL is not a valid URL: set it to the portal's public https:// address.");
  }
  if (!rawUrl) problems.push("NEXTAUTH_URL is not set: set it to the portal's public https:// address.");
  else if (url && url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    problems.push("NEXTAUTH_URL must start with https:// in production (plain http only for this machine), or session cookies lose their Secure flag.");
  }

  try {
    sessionLifetime(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

/** Per-IP limits need the client's address, which only a configured proxy count reveals. */
export function clientIpWarning(env: Env = process.env): string | null {
  const hops = Number(env.TRUSTED_PROXY_HOPS || 0);
  const url = env.NEXTAUTH_URL;
  if (hops >= 1 || !url?.startsWith("https://")) return null;
  return "TRUSTED_PROXY_HOPS is 0 although the portal is served over https (so through a proxy): client addresses are unknown, so per-address login and sign-up limits are off and login lockout counts per email only. Set it to the number of proxies in front of the app.";
}
