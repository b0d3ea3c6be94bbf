import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AES_KEY_BYTES, GCM_IV_BYTES, GCM_TAG_BYTES, gcmDecrypt, gcmEncrypt } from "./aes-gcm";
import { KeyCustodyError } from "./key-custody-error";
import { KEK_CHECK_BYTES, type KeyEncryptionKey, type KeyRing } from "./key-encryption-keys";

/**
 * Wrapping a data key under a master key (KEK). The stored `wrapped_data_key`
 * is our own small format, so diagnosis needs no extra column:
 *
 *   [format = 1][KEK check value, 8][workspace check, 8][AES-GCM(data key), 32]
 *
 * GCM alone cannot say *why* an unwrap failed: a changed master key and a row
 * moved to another workspace both just fail the tag. The two check values let
 * us tell the operator which it is before trying. They are not what keeps the
 * key safe — the GCM tag over the workspace-bound AAD is — so an attacker who
 * edits them can only change which error is reported, never open anything.
 *
 * What the AAD binds is versioned in the row's `aad_version` column:
 *   1 — the workspace id (rows sealed before credential binding);
 *   2 — the workspace id and the credential's own id, so a sealed key copied
 *       onto another stored key of the same workspace (e.g. an older, replaced
 *       key restored from a backup) never opens either.
 * Version-1 rows still open; rotation and the next save re-seal them as 2.
 */

const WRAP_FORMAT = 1;
const WORKSPACE_CHECK_BYTES = 8;
const HEADER_BYTES = 1 + KEK_CHECK_BYTES + WORKSPACE_CHECK_BYTES;
export const WRAPPED_DATA_KEY_BYTES = HEADER_BYTES + AES_KEY_BYTES;

export type DataKeyWrap = { wrappedDataKey: Buffer; wrapIv: Buffer; wrapAuthTag: Buffer; kekVersion: string };
type StoredWrap = { wrappedDataKey: Uint8Array; wrapIv: Uint8Array; wrapAuthTag: Uint8Array; kekVersion: string };

/** The AAD version new seals use. */
export const CURRENT_AAD_VERSION = 2;

/** What a sealed key is bound to. */
export type SecretBinding = { workspaceId: string; credentialId: string; aadVersion: number };

/** The AAD of the API key itself. ("v1"/"v2" are AAD versions, not KEK versions.) */
export function payloadAad({ workspaceId, credentialId, aadVersion }: SecretBinding): Buffer {
  return Buffer.from(aadVersion === 1 ? `yazsana-portal/api-key/v1/${workspaceId}` : `yazsana-portal/api-key/v2/${workspaceId}/${credentialId}`, "utf8");
}
function wrapAad(kekVersion: string, { workspaceId, credentialId, aadVersion }: SecretBinding): Buffer {
  return Buffer.from(
    aadVersion === 1
      ? `yazsana-portal/api-key/v1/data-key/${kekVersion}/${workspaceId}`
      : `yazsana-portal/api-key/v2/data-key/${kekVersion}/${workspaceId}/${credentialId}`,
    "utf8",
  );
}
// Unkeyed: it only names the workspace, whose id sits in the same row anyway.
// The same bytes for every AAD version, so old rows keep their diagnosis.
const workspaceCheck = (workspaceId: string) =>
  createHash("sha256").update(`yazsana-portal/api-key/v1/${workspaceId}`).digest().subarray(0, WORKSPACE_CHECK_BYTES);

export function wrapDataKey(dataKey: Buffer, kek: KeyEncryptionKey, binding: SecretBinding): DataKeyWrap {
  const wrapIv = randomBytes(GCM_IV_BYTES);
  const { ciphertext, authTag } = gcmEncrypt(kek.key, wrapIv, dataKey, wrapAad(kek.version, binding));
  const header = Buffer.concat([Buffer.of(WRAP_FORMAT), kek.checkValue, workspaceCheck(binding.workspaceId)]);
  return { wrappedDataKey: Buffer.concat([header, ciphertext]), wrapIv, wrapAuthTag: authTag, kekVersion: kek.version };
}

/** The data key; the caller must zero it after use. */
export function unwrapDataKey(stored: StoredWrap, binding: SecretBinding, ring: KeyRing): Buffer {
  const { wrappedDataKey, wrapIv, wrapAuthTag, kekVersion } = stored;
  const { workspaceId } = binding;
  const subject = `The API key stored for workspace ${workspaceId}`;
  if (
    (binding.aadVersion !== 1 && binding.aadVersion !== 2) ||
    wrappedDataKey.length !== WRAPPED_DATA_KEY_BYTES ||
    wrappedDataKey[0] !== WRAP_FORMAT ||
    wrapIv.length !== GCM_IV_BYTES ||
    wrapAuthTag.length !== GCM_TAG_BYTES
  ) {
    throw new KeyCustodyError("sealed_secret_malformed", `${subject} has a wrapped data key of an unknown format: the row is corrupt. Save the key again.`);
  }

  const kek = ring.byVersion.get(kekVersion);
  if (!kek) {
    throw new KeyCustodyError(
      "kek_version_unknown",
      `Stored key was encrypted with master key ${describeVersion(kekVersion)}, which is not in KEY_ENCRYPTION_KEYS — restore it ` +
        `(configured: ${[...ring.byVersion.keys()].join(", ")}). ${subject} cannot be read until then.`,
    );
  }

  const storedKekCheck = wrappedDataKey.subarray(1, 1 + KEK_CHECK_BYTES);
  if (!timingSafeEqual(storedKekCheck, kek.checkValue)) {
    const sealedBy = [...ring.byVersion.values()].find((other) => timingSafeEqual(storedKekCheck, other.checkValue));
    if (sealedBy) {
      throw new KeyCustodyError(
        "kek_version_mislabelled",
        `${subject} is labelled master key ${kek.version} but was sealed with ${sealedBy.version}: its kek_version column was changed. ` +
          `Set it back to ${sealedBy.version}.`,
      );
    }
    throw new KeyCustodyError(
      "kek_mismatch",
      `Master key ${kek.version} in KEY_ENCRYPTION_KEYS is not the ${kek.version} that sealed the stored key (its fingerprint differs): ` +
        `${kek.version} was changed or re-generated. Restore the original ${kek.version}; a different key can never decrypt it. ${subject} cannot be read until then.`,
    );
  }

  if (!timingSafeEqual(wrappedDataKey.subarray(1 + KEK_CHECK_BYTES, HEADER_BYTES), workspaceCheck(workspaceId))) {
    throw new KeyCustodyError(
      "workspace_mismatch",
      `${subject} was sealed for a different workspace: the row was copied or moved between workspaces. ` +
        "Keys are bound to their workspace and cannot be used elsewhere; save the key again in this workspace.",
    );
  }

  const dataKey = gcmDecrypt(kek.key, wrapIv, wrappedDataKey.subarray(HEADER_BYTES), wrapAuthTag, wrapAad(kek.version, binding));
  if (!dataKey) {
    const otherCredential = binding.aadVersion === 1 ? "" : ", or were copied from another stored key (e.g. an older one restored from a backup)";
    throw new KeyCustodyError(
      "data_key_unwrap_failed",
      `${subject} has a wrapped data key that fails authentication under master key ${kek.version}, although the master key and ` +
        `workspace match: its wrapped_data_key, wrap_iv or wrap_auth_tag were altered or corrupted${otherCredential}. Save the key again.`,
    );
  }
  return dataKey;
}

// The label comes from the database; show it only if it looks like one of ours.
function describeVersion(version: string): string {
  return /^v\d{1,9}$/.test(version) ? version : "(unrecognised label)";
}
