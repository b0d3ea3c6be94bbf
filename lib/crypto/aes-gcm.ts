import "server-only";
import { createCipheriv, createDecipheriv } from "node:crypto";

export const AES_KEY_BYTES = 32;
export const GCM_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;
const ALGORITHM = "aes-256-gcm";

/** AES-256-GCM with a full-length tag. The caller owns `key` and `plaintext` and zeroes them. */
export function gcmEncrypt(key: Buffer, iv: Buffer, plaintext: Buffer, aad: Buffer): { ciphertext: Buffer; authTag: Buffer } {
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, authTag: cipher.getAuthTag() };
}

/**
 * Decrypts and authenticates; returns null when authentication fails so the
 * caller can say which layer failed. `authTagLength` is pinned because Node
 * otherwise accepts truncated tags, which weakens GCM's forgery bound.
 */
export function gcmDecrypt(key: Buffer, iv: Uint8Array, ciphertext: Uint8Array, authTag: Uint8Array, aad: Buffer): Buffer | null {
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(authTag);
  const plaintext = decipher.update(ciphertext);
  try {
    decipher.final();
    return plaintext;
  } catch {
    // GCM releases plaintext before checking the tag; never let it escape.
    plaintext.fill(0);
    return null;
  }
}
