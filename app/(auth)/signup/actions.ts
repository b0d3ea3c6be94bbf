"use server";

import { publicAction } from "@/lib/actions/define-action";
import { createAccount } from "@/lib/auth/create-account";
import { passwordProblem } from "@/lib/auth/password";
import { signUpInput } from "@/lib/auth/schemas";

export const signUp = publicAction("signUp", signUpInput, async (input) => {
  const weakPassword = passwordProblem(input.password, input.email);
  if (weakPassword) return { ok: false, fieldErrors: { password: [weakPassword] } };
  const result = await createAccount(input);
  if (!result.ok) {
    return { ok: false, fieldErrors: { email: ["An account with this email already exists. Log in instead."] } };
  }
  return { ok: true, message: "Your workspace is ready." };
});
