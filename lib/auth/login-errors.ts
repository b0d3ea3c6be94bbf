/**
 * The codes next-auth's authorize() throws and the sentences the login form
 * shows for them: never anything about whether the account exists.
 */
export const LOGIN_ERROR = { invalid: "invalid_credentials", rateLimited: "rate_limited", unavailable: "temporarily_unavailable" } as const;

export function rateLimitedLoginError(retryAfterSeconds: number): string {
  return `${LOGIN_ERROR.rateLimited}:${retryAfterSeconds}`;
}

export function loginErrorMessage(code: string | null | undefined): string {
  if (code?.startsWith(LOGIN_ERROR.rateLimited)) {
    const seconds = Number(code.split(":")[1]);
    const minutes = Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 900) / 60));
    return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (code === LOGIN_ERROR.invalid || code === "CredentialsSignin") return "Email or password is wrong.";
  if (code === LOGIN_ERROR.unavailable) return "Logging in is temporarily unavailable on our side. Please try again in a few minutes.";
  return "We couldn't log you in just now. Please try again.";
}
