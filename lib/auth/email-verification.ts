import "server-only";
import { db } from "@/lib/db/client";
import { hashOneTimeToken, isWellFormedToken, newOneTimeToken } from "@/lib/crypto/one-time-token";
import { composeMail, formatUtc } from "@/lib/email/compose-mail";
import { publicBaseUrl } from "@/lib/email/mail-config";
import { sendMail, type MailOutcome } from "@/lib/email/send-mail";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { normalizeEmail } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";
import { readTeamConfig } from "@/lib/team/team-config";

/**
 * Sends a new single-use link that confirms the user reads mail at their
 * address (same rules as invitations), in `locale`: the language the visitor
 * signed up in, else the current request's.
 */
export async function sendVerificationEmail(user: { id: string; email: string; name: string }, locale?: Locale): Promise<MailOutcome> {
  const language = locale ?? (await getServerLocale());
  const t = translatorFor(language, "emails");
  const { token, tokenHash } = newOneTimeToken();
  const expiresAt = new Date(Date.now() + readTeamConfig().inviteTtlHours * 60 * 60 * 1000);
  await db.emailVerification.create({ data: { userId: user.id, tokenHash, expiresAt } });
  const body = composeMail(
    [t("verify.greeting", { name: user.name }), t("verify.body", { email: user.email, expires: formatUtc(expiresAt, language) })],
    { label: t("verify.link"), url: `${publicBaseUrl()}/verify-email/${token}` },
    [t("verify.closing")],
  );
  return sendMail({ to: user.email, subject: t("verify.subject"), ...body });
}

/**
 * Tells the owner of an existing account that someone signed up with their
 * address, instead of telling the person at the sign-up form; in the
 * account's saved language, else the one the form was used in.
 */
export async function sendAccountExistsNotice(email: string, fallbackLocale?: Locale): Promise<MailOutcome> {
  const owner = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { locale: true } });
  const t = translatorFor(isLocale(owner?.locale) ? owner.locale : (fallbackLocale ?? (await getServerLocale())), "emails");
  const body = composeMail(
    [t("accountExists.body"), t("accountExists.advice")],
    { label: t("accountExists.link"), url: `${publicBaseUrl()}/login` },
    [t("accountExists.closing")],
  );
  return sendMail({ to: email, subject: t("accountExists.subject"), ...body });
}

export type VerifyEmailResult = "verified" | "malformed" | "unknown" | "used" | "expired";

/** Uses a verification link once: the first use marks the email verified; any later use, or a late one, does nothing. */
export async function verifyEmail(token: string): Promise<VerifyEmailResult> {
  if (!isWellFormedToken(token)) return "malformed";
  const tokenHash = hashOneTimeToken(token);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.emailVerification.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const record = await tx.emailVerification.findUnique({ where: { tokenHash }, select: { userId: true, usedAt: true, expiresAt: true } });
    if (!record) return "unknown";
    if (claimed.count === 0) return record.usedAt ? "used" : "expired";
    await tx.user.updateMany({ where: { id: record.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    return "verified";
  });
}

export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return !!user?.emailVerifiedAt;
}
