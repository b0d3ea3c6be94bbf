import "server-only";
import type { ActionState } from "@/lib/actions/action-state";
import { consumeRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { createAccount, type NewAccount } from "./create-account";
import { passwordProblem } from "./password";

/**
 * Sign-up as the form sees it: the password rules first (nothing is hashed
 * for a refused password), then the limits per client address (when known,
 * see TRUSTED_PROXY_HOPS) and for the whole site, then the account.
 */
export async function signUpAccount(input: NewAccount, clientIp: string | undefined): Promise<ActionState> {
  const weakPassword = passwordProblem(input.password, input.email);
  if (weakPassword) return { ok: false, fieldErrors: { password: [weakPassword] } };

  if (clientIp) {
    const perAddress = await consumeRateLimit("signUpByIp", clientIp);
    if (!perAddress.allowed) {
      return { ok: false, message: `Too many sign-ups from your network. Try again ${tryAgainIn(perAddress.retryAfterSeconds)}.` };
    }
  }
  const sitewide = await consumeRateLimit("signUpGlobal", "all");
  if (!sitewide.allowed) {
    return { ok: false, message: `We are receiving too many sign-ups right now. Try again ${tryAgainIn(sitewide.retryAfterSeconds)}.` };
  }

  const result = await createAccount(input);
  if (!result.ok) {
    return { ok: false, fieldErrors: { email: ["An account with this email already exists. Log in instead."] } };
  }
  return { ok: true, message: "Your workspace is ready." };
}
