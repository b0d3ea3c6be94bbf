import "server-only";
import type { ActionState } from "@/lib/actions/action-state";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { consumeRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { createAccount, type NewAccount } from "./create-account";
import { passwordProblem } from "./password";

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
  if (!result.ok) {
    return { ok: false, fieldErrors: { email: [t("signup.emailTaken")] } };
  }
  return { ok: true, message: t("signup.ready") };
}
