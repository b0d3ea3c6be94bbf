import "server-only";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from "./password";

export async function changeName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** Why a change was refused, as data: the action words it in the user's language. */
export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: "currentPassword"; reason: "rate_limited"; retryAfterMinutes: number }
  | { ok: false; field: "currentPassword"; reason: "wrong_current" }
  | { ok: false; field: "newPassword"; reason: "weak"; problem: PasswordProblem }
  | { ok: false; field: "newPassword"; reason: "unchanged" };

// Someone holding a stolen session must not be able to guess the current password at leisure.
const PASSWORD_CHANGE_RATE_LIMIT = { limit: 10, windowSeconds: 15 * 60 };

/**
 * Changes the password after checking the current one, and bumps the session
 * version so every existing session (including this one) must log in again.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<ChangePasswordResult> {
  const attempt = await consumeRateLimit(`password-change:${userId}`, PASSWORD_CHANGE_RATE_LIMIT);
  if (!attempt.allowed) {
    return { ok: false, field: "currentPassword", reason: "rate_limited", retryAfterMinutes: Math.max(1, Math.ceil(attempt.retryAfterSeconds / 60)) };
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, field: "currentPassword", reason: "wrong_current" };
  }
  const problem = passwordProblem(newPassword, user.email);
  if (problem) return { ok: false, field: "newPassword", reason: "weak", problem };
  if (await verifyPassword(user.passwordHash, newPassword)) {
    return { ok: false, field: "newPassword", reason: "unchanged" };
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
  return { ok: true };
}

/** "Log out everywhere": every session token issued so far stops working. */
export async function revokeAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
