"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, userAction } from "@/lib/actions/define-action";
import { isEmailVerified, sendVerificationEmail } from "@/lib/auth/email-verification";
import { passwordProblem } from "@/lib/auth/password";
import { getServerLocale, getServerTranslations } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { v } from "@/lib/i18n/validation";
import { passwordField, personName } from "@/lib/auth/schemas";
import { consumeRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { acceptInvite } from "@/lib/team/accept-invite";
import { inspectInvite } from "@/lib/team/inspect-invite";
import { closedInvite } from "@/lib/team/invite-messages";
import { signUpWithInvite } from "@/lib/team/sign-up-with-invite";

const tokenField = z.string().min(1, v("inviteLinkMissing")).max(100, v("inviteLinkBroken"));

/** A new person signs up on the invitation page; the email comes from the invitation, not the form. */
export const signUpWithInviteAction = publicAction(
  "signUpWithInvite",
  z.object({ token: tokenField, name: personName, password: passwordField }),
  async ({ token, name, password }) => {
    const t = await getServerTranslations("invite");
    const lookup = await inspectInvite(token);
    if (lookup.state !== "open") return { ok: false, message: closedInvite(lookup.state, t).text };
    const weakPassword = passwordProblem(password, lookup.invite.email);
    if (weakPassword) {
      const tv = await getServerTranslations("validation");
      return { ok: false, fieldErrors: { password: [tv(weakPassword.key, weakPassword.values)] } };
    }
    const result = await signUpWithInvite({ token, name, password });
    if (result.ok) return { ok: true, message: t("welcome", { workspace: lookup.invite.workspace.name }) };
    if (result.reason === "email_taken") return { ok: false, message: t("emailTaken", { email: lookup.invite.email }) };
    return { ok: false, message: closedInvite(result.reason, t).text };
  },
);

export const acceptInviteAction = userAction("acceptInvite", z.object({ token: tokenField }), async ({ token }, user) => {
  const result = await acceptInvite(token, user);
  if (!result.ok) {
    const t = await getServerTranslations("invite");
    if (result.reason === "wrong_account") return { ok: false, message: t("wrongAccountRefusal") };
    if (result.reason === "email_unverified") return { ok: false, message: t("emailUnverified") };
    return { ok: false, message: closedInvite(result.reason, t).text };
  }
  revalidatePath("/", "layout");
  redirect("/dashboard");
});

export const resendVerificationAction = userAction("resendVerification", z.object({}), async (_input, user) => {
  const locale = await getServerLocale();
  const t = translatorFor(locale, "invite");
  if (await isEmailVerified(user.id)) return { ok: true, message: t("alreadyConfirmed") };
  const allowance = await consumeRateLimit("emailVerificationByUser", user.id);
  if (!allowance.allowed) return { ok: false, message: t("tooManyLinks", { when: tryAgainIn(allowance.retryAfterSeconds, locale) }) };
  const outcome = await sendVerificationEmail(user, locale);
  if (outcome === "failed") return { ok: false, message: t("mailFailed") };
  return { ok: true, message: t("newLinkSent", { email: user.email }) };
});
