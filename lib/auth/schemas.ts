import { z } from "zod";
import { v } from "@/lib/i18n/validation";

// Messages are keys of messages/<locale>/validation.json, translated by the action wrapper.
export const emailField = z
  .string()
  .trim()
  .min(1, v("emailRequired"))
  .max(254, v("emailTooLong"))
  .pipe(z.email(v("emailInvalid")))
  // An identifier, not a name: lower-cased without a locale, so "I" never becomes "ı".
  .transform((email) => email.toLowerCase());

export const personName = z.string().trim().min(1, v("nameRequired")).max(100, v("tooLong"));
export const workspaceName = z.string().trim().min(2, v("tooShort")).max(80, v("tooLong"));
/** Length and strength are checked by passwordProblem, with a clearer message. */
export const passwordField = z.string().min(1, v("passwordRequired"));

export const loginInput = z.object({ email: emailField, password: z.string().min(1, v("loginPasswordRequired")) });

export const signUpInput = z.object({
  name: personName,
  email: emailField,
  password: passwordField,
  workspaceName,
});

export const changeNameInput = z.object({ name: personName });
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, v("currentPasswordRequired")),
    newPassword: passwordField,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: v("passwordsDontMatch"),
  });
