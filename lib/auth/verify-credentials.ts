import "server-only";
import { db } from "@/lib/db/client";
import { consumeRateLimit, resetRateLimit, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";
import { loginInput } from "./schemas";
import { decoyPasswordHash, verifyPassword } from "./password";

export const LOGIN_RATE_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };
const LOGIN_IP_RATE_LIMIT: RateLimitRule = { limit: 100, windowSeconds: 15 * 60 };

export type VerifiedUser = { id: string; email: string; name: string; sessionVersion: number };
export type CredentialCheck =
  | { ok: true; user: VerifiedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown emails and wrong passwords look and
 * take the same, so the answer never tells whether an account exists.
 */
export async function verifyCredentials(raw: unknown, clientIp?: string): Promise<CredentialCheck> {
  const parsed = loginInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const limits = [consumeRateLimit(`login:email:${email}`, LOGIN_RATE_LIMIT)];
  if (clientIp) limits.push(consumeRateLimit(`login:ip:${clientIp}`, LOGIN_IP_RATE_LIMIT));
  const blocked = (await Promise.all(limits)).find((result) => !result.allowed);
  if (blocked) return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordMatches) return { ok: false, reason: "invalid" };

  await resetRateLimit(`login:email:${email}`);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
