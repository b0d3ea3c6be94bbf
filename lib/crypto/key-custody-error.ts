import "server-only";

/**
 * Why key custody refused to work. Each cause has its own code so operators,
 * logs and tests can tell them apart; the messages name versions and
 * workspaces but never key material or plaintext.
 */
export type KeyCustodyErrorCode =
  /** KEY_ENCRYPTION_KEYS is unset or empty. */
  | "kek_not_configured"
  /** An entry is not `v<number>:<base64>`. */
  | "kek_entry_malformed"
  /** An entry decodes to something other than 32 bytes. */
  | "kek_wrong_length"
  /** The same version appears twice. */
  | "kek_duplicate_version"
  /** `keys:rotate` made a newer master key version required than this instance's newest. */
  | "kek_outdated"
  /** A stored key names a master key version that is not configured. */
  | "kek_version_unknown"
  /** The configured master key for the stored version is not the one that sealed it. */
  | "kek_mismatch"
  /** The stored version label was changed: the key was sealed by another configured version. */
  | "kek_version_mislabelled"
  /** The stored key was sealed for another workspace (a row copied or moved). */
  | "workspace_mismatch"
  /** The wrapped data key failed authentication although master key and workspace match: altered wrap fields. */
  | "data_key_unwrap_failed"
  /** The encrypted API key failed authentication: altered ciphertext, IV or tag. */
  | "payload_authentication_failed"
  /** A stored field has an impossible shape (wrong IV/tag length, unknown wrap format). */
  | "sealed_secret_malformed";

export class KeyCustodyError extends Error {
  override readonly name = "KeyCustodyError";

  constructor(
    readonly code: KeyCustodyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isKeyCustodyError(error: unknown, code?: KeyCustodyErrorCode): error is KeyCustodyError {
  return error instanceof KeyCustodyError && (code === undefined || error.code === code);
}
