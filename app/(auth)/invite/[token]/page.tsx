import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { emailConfigured } from "@/lib/email/mail-config";
import { inspectInvite } from "@/lib/team/inspect-invite";
import { ROLE_LABELS } from "@/lib/workspaces/roles";
import { AcceptInviteForm, InviteSignUpForm, LogOutAndContinueButton, ResendVerificationForm } from "./invite-forms";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Unusable links render ./not-found.tsx (HTTP 404) with the reason. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lookup = await inspectInvite(token);
  if (lookup.state !== "open") notFound();
  const { invite } = lookup;
  const user = await getCurrentUser();

  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Join {invite.workspace.name}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {invite.invitedBy ? `${invite.invitedBy.name} (${invite.invitedBy.email})` : "A member"} invited <strong>{invite.email}</strong> to join as{" "}
        <strong>{ROLE_LABELS[invite.role]}</strong>. The invitation expires on {dateTime.format(invite.expiresAt)} UTC.
      </p>
      {!user ? (
        <>
          <InviteSignUpForm token={token} email={invite.email} />
          <p className="mt-4 text-sm text-slate-600">
            Already have an account?{" "}
            <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
              Log in to accept
            </Link>
          </p>
        </>
      ) : user.email !== invite.email ? (
        <>
          <p role="alert" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This invitation is for <strong>{invite.email}</strong>, but you are logged in as <strong>{user.email}</strong>.
          </p>
          <LogOutAndContinueButton token={token} />
        </>
      ) : emailConfigured() && !(await isEmailVerified(user.id)) ? (
        <>
          <p role="status" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Confirm your email address first: open the link we sent to {user.email}, then come back to this page.
          </p>
          <ResendVerificationForm />
        </>
      ) : (
        <AcceptInviteForm token={token} />
      )}
    </>
  );
}
