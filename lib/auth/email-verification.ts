import "server-only";
import { db } from "@/lib/db/client";
import { hashOneTimeToken, isWellFormedToken, newOneTimeToken } from "@/lib/crypto/one-time-token";
import { composeMail, formatUtc } from "@/lib/email/compose-mail";
import { publicBaseUrl } from "@/lib/email/mail-config";
import { sendMail, type MailOutcome } from "@/lib/email/send-mail";
import { readTeamConfig } from "@/lib/team/team-config";

/** Sends a new single-use link that confirms the user reads mail at their address (same rules as invitations). */
export async function sendVerificationEmail(user: { id: string; email: string; name: string }): Promise<MailOutcome> {
  const { token, tokenHash } = newOneTimeToken();
  const expiresAt = new Date(Date.now() + readTeamConfig().inviteTtlHours * 60 * 60 * 1000);
  await db.emailVerification.create({ data: { userId: user.id, tokenHash, expiresAt } });
  const body = composeMail(
    [`Hello ${user.name},`, `Confirm that ${user.email} is your email address for Yazsana Portal. The link works once and expires on ${formatUtc(expiresAt)}.`],
    { label: "Confirm your email", url: `${publicBaseUrl()}/verify-email/${token}` },
    ["If you didn't sign up, ignore this email."],
  );
  return sendMail({ to: user.email, subject: "Confirm your email for Yazsana Portal", ...body });
}

/**
 * Tells the owner of an existing account that someone signed up with their
 * address, instead of telling the person at the sign-up form.
 */
export async function sendAccountExistsNotice(email: string): Promise<MailOutcome> {
  const body = composeMail(
    [
      "Someone tried to create a Yazsana Portal account with this email address, which already has an account.",
      "If it was you, log in instead. If you forgot your password, ask your workspace owner for help.",
    ],
    { label: "Log in", url: `${publicBaseUrl()}/login` },
    ["If it wasn't you, you can ignore this email: nothing changed."],
  );
  return sendMail({ to: email, subject: "Your Yazsana Portal account", ...body });
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
