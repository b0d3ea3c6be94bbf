"use server";

import { publicAction } from "@/lib/actions/define-action";
import { createAccount } from "@/lib/auth/create-account";
import { sendAccountExistsNotice, sendVerificationEmail } from "@/lib/auth/email-verification";
import { passwordProblem } from "@/lib/auth/password";
import { signUpInput } from "@/lib/auth/schemas";
import { emailConfigured } from "@/lib/email/mail-config";

export const signUp = publicAction("signUp", signUpInput, async (input) => {
  const weakPassword = passwordProblem(input.password, input.email);
  if (weakPassword) return { ok: false, fieldErrors: { password: [weakPassword] } };
  const result = await createAccount(input);
  if (!emailConfigured()) {
    // Without email there is no one else to tell, so the form says it (README → Email).
    if (!result.ok) return { ok: false, fieldErrors: { email: ["An account with this email already exists. Log in instead."] } };
    return { ok: true, message: "Your workspace is ready." };
  }
  // With email, the answer is the same whether or not the address has an
  // account: a new account gets a confirmation link, an existing one a notice.
  if (result.ok) await sendVerificationEmail({ id: result.userId, email: input.email, name: input.name });
  else await sendAccountExistsNotice(input.email);
  return { ok: true, message: `Check your email: we sent a message to ${input.email}. Open the link in it to confirm your address, then log in.` };
});
