import "server-only";
import { db } from "@/lib/db/client";
import { composeMail, formatUtc } from "@/lib/email/compose-mail";
import { publicBaseUrl } from "@/lib/email/mail-config";
import { sendMail, type MailOutcome } from "@/lib/email/send-mail";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { normalizeEmail } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";
import type { Role } from "@/lib/workspaces/roles";

/** The absolute link of an invitation, for the inviter's screen and the email. */
export function inviteUrl(token: string): string {
  return `${publicBaseUrl()}/invite/${token}`;
}

/**
 * The invitation's language: the invitee's own saved choice when they already
 * have an account (in another workspace), else the inviter's — a colleague
 * usually shares it, and it is the language the inviter sees the role names in.
 */
async function invitationLocale(email: string): Promise<Locale> {
  const invitee = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { locale: true } });
  return isLocale(invitee?.locale) ? invitee.locale : getServerLocale();
}

export async function sendInviteEmail(invite: {
  email: string;
  role: Role;
  token: string;
  expiresAt: Date;
  workspaceName: string;
  inviterName: string;
  /** Overrides the language chosen by invitationLocale (tests, scripts). */
  locale?: Locale;
}): Promise<MailOutcome> {
  const locale = invite.locale ?? (await invitationLocale(invite.email));
  const t = translatorFor(locale, "emails");
  const role = translatorFor(locale, "common")(`roles.${invite.role}`);
  const body = composeMail(
    [
      t("invite.intro", { inviter: invite.inviterName, workspace: invite.workspaceName, role }),
      t("invite.expiry", { expires: formatUtc(invite.expiresAt, locale) }),
    ],
    { label: t("invite.link"), url: inviteUrl(invite.token) },
    [t("invite.closing")],
  );
  return sendMail({ to: invite.email, subject: t("invite.subject", { workspace: invite.workspaceName }), ...body });
}
