"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, userAction } from "@/lib/actions/define-action";
import { isEmailVerified, sendVerificationEmail } from "@/lib/auth/email-verification";
import { passwordProblem } from "@/lib/auth/password";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { passwordField, personName } from "@/lib/auth/schemas";
import { consumeRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { acceptInvite } from "@/lib/team/accept-invite";
import { inspectInvite } from "@/lib/team/inspect-invite";
import { CLOSED_INVITE } from "@/lib/team/invite-messages";
import { signUpWithInvite } from "@/lib/team/sign-up-with-invite";

const tokenField = z.string().min(1, "The invitation link is missing.").max(100, "The invitation link is broken.");

/** A new person signs up on the invitation page; the email comes from the invitation, not the form. */
export const signUpWithInviteAction = publicAction(
  "signUpWithInvite",
  z.object({ token: tokenField, name: personName, password: passwordField }),
  async ({ token, name, password }) => {
    const lookup = await inspectInvite(token);
    if (lookup.state !== "open") return { ok: false, message: CLOSED_INVITE[lookup.state].text };
    const weakPassword = passwordProblem(password, lookup.invite.email);
    if (weakPassword) {
      const tv = await getServerTranslations("validation");
      return { ok: false, fieldErrors: { password: [tv(weakPassword.key, weakPassword.values)] } };
    }
    const result = await signUpWithInvite({ token, name, password });
    if (result.ok) return { ok: true, message: `Welcome to ${lookup.invite.workspace.name}.` };
    if (result.reason === "email_taken") return { ok: false, message: `${lookup.invite.email} already has an account. Log in to accept the invitation.` };
    return { ok: false, message: CLOSED_INVITE[result.reason].text };
  },
);

export const acceptInviteAction = userAction("acceptInvite", z.object({ token: tokenField }), async ({ token }, user) => {
  const result = await acceptInvite(token, user);
  if (!result.ok) {
    if (result.reason === "wrong_account") return { ok: false, message: "This invitation is for another email address. Log out and continue with that one." };
    if (result.reason === "email_unverified") return { ok: false, message: "Confirm your email address first: use the link we sent you." };
    return { ok: false, message: CLOSED_INVITE[result.reason].text };
  }
  revalidatePath("/", "layout");
  redirect("/dashboard");
});

export const resendVerificationAction = userAction("resendVerification", z.object({}), async (_input, user) => {
  if (await isEmailVerified(user.id)) return { ok: true, message: "Your email address is already confirmed. Reload the page." };
  const allowance = await consumeRateLimit("emailVerificationByUser", user.id);
  if (!allowance.allowed) return { ok: false, message: `Too many links sent. Try again ${tryAgainIn(allowance.retryAfterSeconds)}.` };
  const outcome = await sendVerificationEmail(user);
  if (outcome === "failed") return { ok: false, message: "The email could not be sent. Please try again later." };
  return { ok: true, message: `We sent a new link to ${user.email}.` };
});
