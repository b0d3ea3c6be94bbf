import "server-only";
import { db } from "@/lib/db/client";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
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
  // Messages in the request's language (English outside a request).
  const locale = await getServerLocale();
  const t = translatorFor(locale, "settings");
  const attempt = await consumeRateLimit("passwordChangeByUser", userId);
  if (!attempt.allowed) {
    return { ok: false, field: "currentPassword", message: t("password.rateLimited", { when: tryAgainIn(attempt.retryAfterSeconds, locale) }) };
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, field: "currentPassword", message: t("password.wrongCurrent") };
  }
  const problem = passwordProblem(newPassword, user.email);
  if (problem) return { ok: false, field: "newPassword", message: translatorFor(locale, "validation")(problem.key, problem.values) };
  if (await verifyPassword(user.passwordHash, newPassword)) {
    return { ok: false, field: "newPassword", message: t("password.unchanged") };
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
