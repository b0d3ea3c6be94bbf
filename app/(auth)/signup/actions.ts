"use server";

import { getTranslations } from "next-intl/server";
import { publicAction } from "@/lib/actions/define-action";
import { createAccount } from "@/lib/auth/create-account";
import { passwordProblem } from "@/lib/auth/password";
import { signUpInput } from "@/lib/auth/schemas";

export const signUp = publicAction("signUp", signUpInput, async (input) => {
  const [t, tv] = await Promise.all([getTranslations("auth"), getTranslations("validation")]);
  const weakPassword = passwordProblem(input.password, input.email);
  if (weakPassword) return { ok: false, fieldErrors: { password: [tv(weakPassword.key, weakPassword.values)] } };
  const result = await createAccount(input);
  if (!result.ok) return { ok: false, fieldErrors: { email: [t("signup.emailTaken")] } };
  return { ok: true, message: t("signup.ready") };
});
