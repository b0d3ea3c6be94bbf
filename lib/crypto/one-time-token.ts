import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes in base64url: 43 characters, no padding. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type OneTimeToken = { token: string; tokenHash: string };

/**
 * A token for a link (invitation, email verification). Only the hash is
 * stored: a database dump or a log of queries can't be turned into a link.
 */
export function newOneTimeToken(): OneTimeToken {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Cheap shape check before any database read; a malformed token is never looked up. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
