import "server-only";
import { randomBytes } from "node:crypto";
import { AES_KEY_BYTES, GCM_IV_BYTES, GCM_TAG_BYTES, gcmDecrypt, gcmEncrypt } from "./aes-gcm";
import { CURRENT_AAD_VERSION, payloadAad, unwrapDataKey, wrapDataKey, type SecretBinding } from "./data-key-wrap";
import { KeyCustodyError } from "./key-custody-error";
import { loadKeyRing } from "./key-encryption-keys";

/**
 * Envelope encryption of a workspace's Yazsana API key: the key is sealed with
 * its own random data key (AES-256-GCM), and the data key is sealed with the
 * newest master key (see data-key-wrap.ts). Both layers bind the workspace id
 * and the credential's id as additional authenticated data, so a sealed key
 * copied to another workspace's row — or onto another stored key of the same
 * workspace — never opens. (Rows sealed before the credential id was bound
 * carry aad_version 1 and still open; see data-key-wrap.ts.)
 *
 * Data keys and plaintext buffers are zeroed after use. That is best effort:
 * OpenSSL's copy of the key and the JavaScript string returned by openSecret
 * live until garbage-collected.
 */

/** Prisma 6 reads and writes `Bytes` columns as Uint8Array. */
type Bytes = Uint8Array<ArrayBuffer>;

export type SealedSecret = {
  ciphertext: Bytes;
  iv: Bytes;
  authTag: Bytes;
  wrappedDataKey: Bytes;
  wrapIv: Bytes;
  wrapAuthTag: Bytes;
  kekVersion: string;
  /** What the AAD binds (see data-key-wrap.ts); new seals always use the current version. */
  aadVersion: number;
};

/** What opening needs: the stored columns, as any Uint8Array (Buffer included). */
export type StoredSecret = { [Field in keyof SealedSecret]: SealedSecret[Field] extends Bytes ? Uint8Array : SealedSecret[Field] };

export { CURRENT_AAD_VERSION };

export function sealSecret(plaintext: string, workspaceId: string, credentialId: string): SealedSecret {
  const binding = bindingFor(workspaceId, credentialId, CURRENT_AAD_VERSION);
  const ring = loadKeyRing();
  const dataKey = randomBytes(AES_KEY_BYTES);
  const payload = Buffer.from(plaintext, "utf8");
  try {
    const iv = randomBytes(GCM_IV_BYTES);
    const { ciphertext, authTag } = gcmEncrypt(dataKey, iv, payload, payloadAad(binding));
    return toSealed({ ciphertext, iv, authTag }, wrapDataKey(dataKey, ring.newest, binding), binding.aadVersion);
  } finally {
    dataKey.fill(0);
    payload.fill(0);
  }
}

export function openSecret(sealed: StoredSecret, workspaceId: string, credentialId: string): string {
  const binding = bindingFor(workspaceId, credentialId, sealed.aadVersion);
  const dataKey = unwrapDataKey(sealed, binding, loadKeyRing());
  try {
    const payload = decryptPayload(sealed, dataKey, binding);
    try {
      return payload.toString("utf8");
    } finally {
      payload.fill(0);
    }
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Brings a stored key up to date: its data key re-wrapped under the newest
 * master key, the encrypted API key carried over unchanged. A row of an older
 * AAD version is sealed afresh instead (new data key, current binding). The
 * payload is authenticated first either way, so rotation reports a corrupt
 * row instead of re-sealing it as if it were sound.
 */
export function rewrapDataKey(sealed: StoredSecret, workspaceId: string, credentialId: string): SealedSecret {
  if (sealed.aadVersion !== CURRENT_AAD_VERSION) return sealSecret(openSecret(sealed, workspaceId, credentialId), workspaceId, credentialId);
  const binding = bindingFor(workspaceId, credentialId, sealed.aadVersion);
  const ring = loadKeyRing();
  const dataKey = unwrapDataKey(sealed, binding, ring);
  try {
    decryptPayload(sealed, dataKey, binding).fill(0);
    return toSealed(sealed, wrapDataKey(dataKey, ring.newest, binding), binding.aadVersion);
  } finally {
    dataKey.fill(0);
  }
}

function decryptPayload(sealed: StoredSecret, dataKey: Buffer, binding: SecretBinding): Buffer {
  const { workspaceId } = binding;
  if (sealed.iv.length !== GCM_IV_BYTES || sealed.authTag.length !== GCM_TAG_BYTES) {
    throw new KeyCustodyError(
      "sealed_secret_malformed",
      `The API key stored for workspace ${workspaceId} has an IV or authentication tag of the wrong length: the row is corrupt. Save the key again.`,
    );
  }
  const payload = gcmDecrypt(dataKey, sealed.iv, sealed.ciphertext, sealed.authTag, payloadAad(binding));
  if (!payload) {
    throw new KeyCustodyError(
      "payload_authentication_failed",
      `The encrypted API key stored for workspace ${workspaceId} fails authentication although its data key unwrapped: ` +
        "its ciphertext, iv or auth_tag were altered or corrupted. Save the key again.",
    );
  }
  return payload;
}

function toSealed(payload: Pick<StoredSecret, "ciphertext" | "iv" | "authTag">, wrap: ReturnType<typeof wrapDataKey>, aadVersion: number): SealedSecret {
  return {
    ciphertext: copyBytes(payload.ciphertext),
    iv: copyBytes(payload.iv),
    authTag: copyBytes(payload.authTag),
    wrappedDataKey: copyBytes(wrap.wrappedDataKey),
    wrapIv: copyBytes(wrap.wrapIv),
    wrapAuthTag: copyBytes(wrap.wrapAuthTag),
    kekVersion: wrap.kekVersion,
    aadVersion,
  };
}

const copyBytes = (bytes: Uint8Array): Bytes => new Uint8Array(bytes);

function bindingFor(workspaceId: string, credentialId: string, aadVersion: number): SecretBinding {
  // An empty id would bind every key to the same AAD.
  if (typeof workspaceId !== "string" || !workspaceId) throw new TypeError("A workspace id is required to seal or open an API key.");
  if (aadVersion !== 1 && (typeof credentialId !== "string" || !credentialId)) {
    throw new TypeError("A credential id is required to seal or open an API key.");
  }
  return { workspaceId, credentialId, aadVersion };
}
