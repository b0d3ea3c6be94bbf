import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@company.com."))
  .transform((email) => email.toLowerCase());

export const personName = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");
export const workspaceName = z.string().trim().min(2, "Enter at least 2 characters.").max(80, "Use at most 80 characters.");
/**
 * Longer passwords are refused before anything hashes them: argon2 over a
 * megabyte-long "password" is an easy way to burn the server's CPU.
 */
export const MAX_PASSWORD_LENGTH = 200;
const TOO_LONG = `Use at most ${MAX_PASSWORD_LENGTH} characters.`;

/** Strength is checked by passwordProblem, with a clearer message. */
export const passwordField = z.string().min(1, "Enter a password.").max(MAX_PASSWORD_LENGTH, TOO_LONG);
/** A password to compare with a stored hash: no stored password is longer. */
const existingPassword = (empty: string) => z.string().min(1, empty).max(MAX_PASSWORD_LENGTH, "That is not your password.");

export const loginInput = z.object({ email: emailField, password: existingPassword("Enter your password.") });

export const signUpInput = z.object({
  name: personName,
  email: emailField,
  password: passwordField,
  workspaceName,
});

export const changeNameInput = z.object({ name: personName });
export const changePasswordInput = z
  .object({
    currentPassword: existingPassword("Enter your current password."),
    newPassword: passwordField,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords don't match.",
  });
