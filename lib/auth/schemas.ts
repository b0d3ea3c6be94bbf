import { z } from "zod";
import { v } from "@/lib/i18n/validation";
import { MAX_PASSWORD_LENGTH } from "./password-length";

export { MAX_PASSWORD_LENGTH };

// Messages are keys of messages/<locale>/validation.json, translated by the action wrapper.
export const emailField = z
  .string()
  .trim()
  .min(1, v("emailRequired"))
  .max(254, v("emailTooLong"))
  .pipe(z.email(v("emailInvalid")))
  // An identifier, not a name: lower-cased without a locale, so "I" never becomes "ı".
  .transform((email) => email.toLowerCase());

/**
 * Unicode's explicit text-direction controls (embeddings, overrides, isolates
 * and the LRM/RLM/ALM marks). In a name they only serve to disguise it: the
 * name "\u202Egnp.exe" shows as "exe.png" in the members list, the audit
 * log, approvals and emails. Refused where names come in, so no place that
 * shows one (now or later) has to defend against them; a right-to-left name
 * needs none of them, as the bidi algorithm orders its letters itself.
 */
const TEXT_DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const withoutDirectionControls = (name: string) => !TEXT_DIRECTION_CONTROLS.test(name);

export const personName = z.string().trim().min(1, v("nameRequired")).max(100, v("tooLong")).refine(withoutDirectionControls, v("directionControls"));
export const workspaceName = z.string().trim().min(2, v("tooShort")).max(80, v("tooLong")).refine(withoutDirectionControls, v("directionControls"));
/**
 * Longer passwords are refused before anything hashes them: argon2 over a
 * megabyte-long "password" is an easy way to burn the server's CPU.
 * Strength is checked by passwordProblem, with a clearer message.
 */
export const passwordField = z.string().min(1, v("passwordRequired")).max(MAX_PASSWORD_LENGTH, v("tooLong"));
/** A password to compare with a stored hash: no stored password is longer. */
const existingPassword = (empty: Parameters<typeof v>[0]) => z.string().min(1, v(empty)).max(MAX_PASSWORD_LENGTH, v("notYourPassword"));

export const loginInput = z.object({ email: emailField, password: existingPassword("loginPasswordRequired") });

export const signUpInput = z.object({
  name: personName,
  email: emailField,
  password: passwordField,
  workspaceName,
});

export const changeNameInput = z.object({ name: personName });
export const changePasswordInput = z
  .object({
    currentPassword: existingPassword("currentPasswordRequired"),
    newPassword: passwordField,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: v("passwordsDontMatch"),
  });
