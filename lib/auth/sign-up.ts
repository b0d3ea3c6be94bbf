import "server-only";
import type { ActionState } from "@/lib/actions/action-state";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { consumeRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { emailConfigured } from "@/lib/email/mail-config";
import { createAccount, type NewAccount } from "./create-account";
import { sendAccountExistsNotice, sendVerificationEmail } from "./email-verification";
import { hashPassword, passwordProblem } from "./password";

/**
 * Sign-up as the form sees it: the password rules first (nothing is hashed
 * for a refused password), then the limits per client address (when known,
 * see TRUSTED_PROXY_HOPS) and for the whole site, then the account.
 */
export async function signUpAccount(input: NewAccount, clientIp: string | undefined): Promise<ActionState> {
  const locale = await getServerLocale();
  const t = translatorFor(locale, "auth");
  const weakPassword = passwordProblem(input.password, input.email);
  if (weakPassword) return { ok: false, fieldErrors: { password: [translatorFor(locale, "validation")(weakPassword.key, weakPassword.values)] } };

  if (clientIp) {
    const perAddress = await consumeRateLimit("signUpByIp", clientIp);
    if (!perAddress.allowed) {
      return { ok: false, message: t("signup.tooManyFromNetwork", { when: tryAgainIn(perAddress.retryAfterSeconds, locale) }) };
    }
  }
  const sitewide = await consumeRateLimit("signUpGlobal", "all");
  if (!sitewide.allowed) {
    return { ok: false, message: t("signup.tooManySitewide", { when: tryAgainIn(sitewide.retryAfterSeconds, locale) }) };
  }

  const result = await createAccount(input);
  if (!emailConfigured()) {
    // Without email there is no one else to tell, so the form says it (README → Email).
    if (!result.ok) return { ok: false, fieldErrors: { email: [t("signup.emailTaken")] } };
    return { ok: true, message: t("signup.ready") };
  }
  // With email, the answer is the same whether or not the address has an
  // account: a new account gets a confirmation link, an existing one a notice.
  if (result.ok) await sendVerificationEmail({ id: result.userId, email: input.email, name: input.name }, locale);
  else {
    // createAccount skips hashing for a taken email; hash anyway so the time taken doesn't tell either.
    await hashPassword(input.password);
    await sendAccountExistsNotice(input.email, locale);
  }
  return { ok: true, message: t("signup.checkEmail", { email: input.email }) };
}
