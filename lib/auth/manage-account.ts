import "server-only";
import { db } from "@/lib/db/client";
import { consumeRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

export async function changeName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: "currentPassword" | "newPassword"; message: string };

/**
 * Changes the password after checking the current one, and bumps the session
 * version so every existing session (including this one) must log in again.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<ChangePasswordResult> {
  const attempt = await consumeRateLimit("passwordChangeByUser", userId);
  if (!attempt.allowed) {
    return { ok: false, field: "currentPassword", message: `Too many attempts. Try again ${tryAgainIn(attempt.retryAfterSeconds)}.` };
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, field: "currentPassword", message: "That is not your current password." };
  }
  const problem = passwordProblem(newPassword, user.email);
  if (problem) return { ok: false, field: "newPassword", message: problem };
  if (await verifyPassword(user.passwordHash, newPassword)) {
    return { ok: false, field: "newPassword", message: "Choose a password different from your current one." };
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
