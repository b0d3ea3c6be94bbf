import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The only selection of the encrypted columns anywhere in the code base: every
 * other read of `api_credentials` selects `summaryColumns`, so the ciphertext
 * cannot leak through a careless query.
 */
export const secretColumns = {
  // The credential's id is bound into the seal, so opening needs it too.
  id: true,
  aadVersion: true,
  ciphertext: true,
  iv: true,
  authTag: true,
  wrappedDataKey: true,
  wrapIv: true,
  wrapAuthTag: true,
  kekVersion: true,
} as const satisfies Prisma.ApiCredentialSelect;

/** What may be shown to workspace members: never more than the last 4 characters. */
export const summaryColumns = {
  last4: true,
  yazsanaUsername: true,
  yazsanaEmail: true,
  verifiedAt: true,
  setBy: { select: { name: true, email: true } },
} as const satisfies Prisma.ApiCredentialSelect;

/** The audit target of every key event. */
export const API_KEY_TARGET = "api_key";
