import type { AppTranslator } from "@/lib/i18n/translator";

/**
 * The codes next-auth's authorize() throws and the sentences the login form
 * shows for them: never anything about whether the account exists.
 */
export const LOGIN_ERROR = { invalid: "invalid_credentials", rateLimited: "rate_limited", unavailable: "temporarily_unavailable" } as const;

export function rateLimitedLoginError(retryAfterSeconds: number): string {
  return `${LOGIN_ERROR.rateLimited}:${retryAfterSeconds}`;
}

/** The sentence for a code, in the reader's language (`useTranslations("auth")` in the form). */
export function loginErrorMessage(code: string | null | undefined, t: AppTranslator<"auth">): string {
  if (code?.startsWith(LOGIN_ERROR.rateLimited)) {
    const seconds = Number(code.split(":")[1]);
    const minutes = Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 900) / 60));
    return t("loginErrors.rateLimited", { minutes });
  }
  if (code === LOGIN_ERROR.invalid || code === "CredentialsSignin") return t("loginErrors.invalid");
  if (code === LOGIN_ERROR.unavailable) return t("loginErrors.unavailable");
  return t("loginErrors.unknown");
}
