import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "./common-passwords";
import { MAX_PASSWORD_LENGTH } from "./schemas";

export const MIN_PASSWORD_LENGTH = 10;

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return "This password is too common. Choose another.";
  if (email && lowered === email.toLowerCase()) return "Don't use your email address as your password.";
  if (/^(.)\1+$/.test(password)) return "Don't repeat a single character.";
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
