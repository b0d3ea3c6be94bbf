import "server-only";
import { db } from "@/lib/db/client";
import { consumeRateLimit, resetRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { loginInput } from "./schemas";
import { decoyPasswordHash, verifyPassword } from "./password";

export type VerifiedUser = { id: string; email: string; name: string; sessionVersion: number };
export type CredentialCheck =
  | { ok: true; user: VerifiedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown emails and wrong passwords look and
 * take the same, so the answer never tells whether an account exists.
 *
 * Attempts count per email *and client address*, so guessing from one place
 * locks only that place out, not the account's owner elsewhere; and per
 * address over all accounts. Without a known address (TRUSTED_PROXY_HOPS=0)
 * every client shares one address bucket per email.
 */
export async function verifyCredentials(raw: unknown, clientIp?: string): Promise<CredentialCheck> {
  const parsed = loginInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const emailAndIp = `${email}\n${clientIp ?? "unknown"}`;
  const limits = [consumeRateLimit("loginFailuresByEmailAndIp", emailAndIp)];
  if (clientIp) limits.push(consumeRateLimit("loginFailuresByIp", clientIp));
  const blocked = (await Promise.all(limits)).find((result) => !result.allowed);
  if (blocked) return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordMatches) return { ok: false, reason: "invalid" };

  await resetRateLimit("loginFailuresByEmailAndIp", emailAndIp);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
