import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { emailConfigured } from "@/lib/email/mail-config";
import { formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { inspectInvite } from "@/lib/team/inspect-invite";
import { AcceptInviteForm, InviteSignUpForm, LogOutAndContinueButton, ResendVerificationForm } from "./invite-forms";

// The token is in the URL: no Referer may carry it to another site.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("metaTitle"), referrer: "no-referrer" };
}

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** Unusable links render ./not-found.tsx (HTTP 404) with the reason. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lookup = await inspectInvite(token);
  if (lookup.state !== "open") notFound();
  const { invite } = lookup;
  const [user, t, tc, preferences] = await Promise.all([getCurrentUser(), getTranslations("invite"), getTranslations("common"), getRequestPreferences()]);
  const inviter = invite.invitedBy ? t("inviterWithEmail", { name: invite.invitedBy.name, email: invite.invitedBy.email }) : t("aMember");

  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title", { workspace: invite.workspace.name })}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t.rich("invitedBy", {
          inviter,
          email: invite.email,
          role: tc(`roles.${invite.role}`),
          expires: formatDateTime(invite.expiresAt, preferences),
          timeZone: preferences.timeZone,
          strong,
        })}
      </p>
      <ClientMessages namespaces={["invite"]}>
        {!user ? (
          <>
            <InviteSignUpForm token={token} email={invite.email} />
            <p className="mt-4 text-sm text-slate-600">
              {t("haveAccount")}{" "}
              <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                {t("logInToAccept")}
              </Link>
            </p>
          </>
        ) : user.email !== invite.email ? (
          <>
            <p role="alert" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t.rich("wrongAccount", { email: invite.email, current: user.email, strong })}
            </p>
            <LogOutAndContinueButton token={token} />
          </>
        ) : emailConfigured() && !(await isEmailVerified(user.id)) ? (
          <>
            <p role="status" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("confirmEmailFirst", { email: user.email })}
            </p>
            <ResendVerificationForm />
          </>
        ) : (
          <AcceptInviteForm token={token} />
        )}
      </ClientMessages>
    </>
  );
}
