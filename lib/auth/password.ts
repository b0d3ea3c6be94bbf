import "server-only";
import { hash, verify } from "@node-rs/argon2";
import type { ValidationKey } from "@/lib/i18n/validation";
import { isCommonPassword } from "./common-passwords";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-length";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };
const MIN_DIGITS_ONLY_LENGTH = 16;

/** Why a new password is not acceptable: a key of the validation catalog, with its values. */
export type PasswordProblem = { key: ValidationKey; values?: { minimum?: number; maximum?: number } };

/** Why a new password is not acceptable, or null when it is. Show it with `t(problem.key, problem.values)`. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { key: "passwordTooShort", values: { minimum: MIN_PASSWORD_LENGTH } };
  if (password.length > MAX_PASSWORD_LENGTH) return { key: "passwordTooLong", values: { maximum: MAX_PASSWORD_LENGTH } };
  if (email && password.toLowerCase() === email.toLowerCase()) return { key: "passwordIsEmail" };
  if (/^(.)\1+$/.test(password)) return { key: "passwordRepeated" };
  // Digits alone are guessed in sequence order ("0123456789") first.
  if (/^\d+$/.test(password) && password.length < MIN_DIGITS_ONLY_LENGTH) {
    return { key: "passwordDigitsOnly", values: { minimum: MIN_DIGITS_ONLY_LENGTH } };
  }
  const emailName = email?.split("@")[0];
  if (isCommonPassword(password, emailName ? [emailName, ...emailName.split(/[^\p{L}\d]+/u)] : [])) {
    return { key: "passwordCommon" };
  }
  return null;
}

// @node-rs/argon2 defaults to argon2id; the parameters are OWASP's minimum
// recommendation (19 MiB, 2 iterations), which keeps a login under ~50 ms.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash to verify against when the email is unknown, so a login with an
 * unknown email takes as long as one with a wrong password.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-for-timing-only");
  return decoyHash;
}
