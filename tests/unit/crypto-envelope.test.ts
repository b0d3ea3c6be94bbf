import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AES_KEY_BYTES, GCM_IV_BYTES, gcmEncrypt } from "@/lib/crypto/aes-gcm";
import { payloadAad, wrapDataKey } from "@/lib/crypto/data-key-wrap";
import { CURRENT_AAD_VERSION, openSecret, rewrapDataKey, sealSecret, type SealedSecret, type StoredSecret } from "@/lib/crypto/envelope";
import { loadKeyRing } from "@/lib/crypto/key-encryption-keys";
import { KeyCustodyError, type KeyCustodyErrorCode } from "@/lib/crypto/key-custody-error";

const originalKeys = process.env.KEY_ENCRYPTION_KEYS;
const kek = (version: string) => `${version}:${randomBytes(32).toString("base64")}`;
const apiKey = () => `ysk_test_${randomBytes(18).toString("base64url")}`;

let v1: string;
let workspaceId: string;
let credentialId: string;

beforeEach(() => {
  v1 = kek("v1");
  process.env.KEY_ENCRYPTION_KEYS = v1;
  workspaceId = randomUUID();
  credentialId = randomUUID();
});
afterEach(() => {
  process.env.KEY_ENCRYPTION_KEYS = originalKeys;
});

function custodyError(open: () => unknown): KeyCustodyError {
  try {
    open();
  } catch (error) {
    if (error instanceof KeyCustodyError) return error;
    throw error;
  }
  throw new Error("expected a KeyCustodyError");
}

function expectCode(open: () => unknown, code: KeyCustodyErrorCode): KeyCustodyError {
  const error = custodyError(open);
  expect(error.code).toBe(code);
  return error;
}

function flipFirstBit(bytes: Uint8Array, at = 0): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] ?? 0) ^ 1;
  return copy;
}

describe("sealing and opening an API key", () => {
  it("round-trips ASCII and unicode keys", () => {
    for (const secret of [apiKey(), "anahtar-çğıİöşü-🔑-鍵-" + randomBytes(8).toString("hex")]) {
      expect(openSecret(sealSecret(secret, workspaceId, credentialId), workspaceId, credentialId)).toBe(secret);
    }
  });

  it("uses a fresh data key and IVs for every seal", () => {
    const secret = apiKey();
    const first = sealSecret(secret, workspaceId, credentialId);
    const second = sealSecret(secret, workspaceId, credentialId);
    expect(Buffer.from(first.ciphertext)).not.toEqual(Buffer.from(second.ciphertext));
    expect(Buffer.from(first.iv)).not.toEqual(Buffer.from(second.iv));
    expect(Buffer.from(first.wrappedDataKey)).not.toEqual(Buffer.from(second.wrappedDataKey));
    expect(Buffer.from(first.wrapIv)).not.toEqual(Buffer.from(second.wrapIv));
    expect(first.iv).toHaveLength(12);
    expect(first.wrapIv).toHaveLength(12);
    expect(first.authTag).toHaveLength(16);
    expect(first.kekVersion).toBe("v1");
  });

  it("returns plain Uint8Arrays, as Prisma stores Bytes", () => {
    const sealed = sealSecret(apiKey(), workspaceId, credentialId);
    for (const field of ["ciphertext", "iv", "authTag", "wrappedDataKey", "wrapIv", "wrapAuthTag"] as const) {
      expect(sealed[field]).toBeInstanceOf(Uint8Array);
    }
  });
});

describe("refusing altered or misplaced keys, each with its own reason", () => {
  let sealed: SealedSecret;
  beforeEach(() => {
    sealed = sealSecret(apiKey(), workspaceId, credentialId);
  });

  it("rejects a tampered ciphertext or auth tag as a payload failure", () => {
    expectCode(() => openSecret({ ...sealed, ciphertext: flipFirstBit(sealed.ciphertext) }, workspaceId, credentialId), "payload_authentication_failed");
    expectCode(() => openSecret({ ...sealed, authTag: flipFirstBit(sealed.authTag) }, workspaceId, credentialId), "payload_authentication_failed");
    expectCode(() => openSecret({ ...sealed, iv: flipFirstBit(sealed.iv) }, workspaceId, credentialId), "payload_authentication_failed");
  });

  it("rejects a tampered wrapped data key, wrap IV or wrap tag as an unwrap failure", () => {
    const last = sealed.wrappedDataKey.length - 1;
    expectCode(() => openSecret({ ...sealed, wrappedDataKey: flipFirstBit(sealed.wrappedDataKey, last) }, workspaceId, credentialId), "data_key_unwrap_failed");
    expectCode(() => openSecret({ ...sealed, wrapIv: flipFirstBit(sealed.wrapIv) }, workspaceId, credentialId), "data_key_unwrap_failed");
    expectCode(() => openSecret({ ...sealed, wrapAuthTag: flipFirstBit(sealed.wrapAuthTag) }, workspaceId, credentialId), "data_key_unwrap_failed");
  });

  it("rejects truncated tags and unknown wrap formats as malformed", () => {
    expectCode(() => openSecret({ ...sealed, authTag: sealed.authTag.subarray(0, 4) }, workspaceId, credentialId), "sealed_secret_malformed");
    expectCode(() => openSecret({ ...sealed, wrapAuthTag: sealed.wrapAuthTag.subarray(0, 12) }, workspaceId, credentialId), "sealed_secret_malformed");
    expectCode(() => openSecret({ ...sealed, wrappedDataKey: flipFirstBit(sealed.wrappedDataKey, 0) }, workspaceId, credentialId), "sealed_secret_malformed");
  });

  it("refuses to open a key in another workspace", () => {
    const error = expectCode(() => openSecret(sealed, randomUUID(), credentialId), "workspace_mismatch");
    expect(error.message).toMatch(/different workspace/);
  });

  it("refuses a key whose stored workspace check was forged, at the GCM tag", () => {
    // An attacker who also rewrites the workspace check still cannot open it elsewhere.
    const other = randomUUID();
    const forged = sealSecret(apiKey(), other, credentialId).wrappedDataKey.subarray(9, 17);
    const wrapped = new Uint8Array(sealed.wrappedDataKey);
    wrapped.set(forged, 9);
    expectCode(() => openSecret({ ...sealed, wrappedDataKey: wrapped }, other, credentialId), "data_key_unwrap_failed");
  });

  it("names the missing master key version when it is no longer configured", () => {
    process.env.KEY_ENCRYPTION_KEYS = kek("v2");
    const error = expectCode(() => openSecret(sealed, workspaceId, credentialId), "kek_version_unknown");
    expect(error.message).toContain("master key v1, which is not in KEY_ENCRYPTION_KEYS — restore it");
  });

  it("tells a changed master key (same version, different bytes) apart from the rest", () => {
    process.env.KEY_ENCRYPTION_KEYS = kek("v1");
    const error = expectCode(() => openSecret(sealed, workspaceId, credentialId), "kek_mismatch");
    expect(error.message).toMatch(/not the v1 that sealed/);
  });

  it("detects a kek_version relabelled to another configured version", () => {
    process.env.KEY_ENCRYPTION_KEYS = `${v1},${kek("v2")}`;
    expectCode(() => openSecret({ ...sealed, kekVersion: "v2" }, workspaceId, credentialId), "kek_version_mislabelled");
  });

  it("never puts the key or master key material in an error", () => {
    const secret = apiKey();
    const own = sealSecret(secret, workspaceId, credentialId);
    const masterKey = v1.slice(3);
    const errors = [
      custodyError(() => openSecret({ ...own, ciphertext: flipFirstBit(own.ciphertext) }, workspaceId, credentialId)),
      custodyError(() => openSecret(own, randomUUID(), credentialId)),
    ];
    process.env.KEY_ENCRYPTION_KEYS = kek("v1");
    errors.push(custodyError(() => openSecret(own, workspaceId, credentialId)));
    process.env.KEY_ENCRYPTION_KEYS = kek("v2");
    errors.push(custodyError(() => openSecret(own, workspaceId, credentialId)));

    const forbidden = [secret, masterKey, Buffer.from(masterKey, "base64").toString("hex"), Buffer.from(secret).toString("base64")];
    for (const error of errors) {
      const everything = [String(error), error.stack ?? "", JSON.stringify(error, Object.getOwnPropertyNames(error))].join("\n");
      for (const value of forbidden) expect(everything).not.toContain(value);
    }
  });
});

describe("re-wrapping under a new master key", () => {
  it("moves the data key to the newest version and leaves the ciphertext alone", () => {
    const secret = apiKey();
    const sealed = sealSecret(secret, workspaceId, credentialId);
    process.env.KEY_ENCRYPTION_KEYS = `${v1},${kek("v2")}`;

    const rewrapped = rewrapDataKey(sealed, workspaceId, credentialId);
    expect(rewrapped.kekVersion).toBe("v2");
    expect(Buffer.from(rewrapped.ciphertext)).toEqual(Buffer.from(sealed.ciphertext));
    expect(Buffer.from(rewrapped.iv)).toEqual(Buffer.from(sealed.iv));
    expect(Buffer.from(rewrapped.wrappedDataKey)).not.toEqual(Buffer.from(sealed.wrappedDataKey));
    expect(openSecret(rewrapped, workspaceId, credentialId)).toBe(secret);
  });

  it("keeps keys under an old version readable until that version is removed", () => {
    const secret = apiKey();
    const sealed = sealSecret(secret, workspaceId, credentialId);
    const v2 = kek("v2");
    process.env.KEY_ENCRYPTION_KEYS = `${v2},${v1}`;
    expect(openSecret(sealed, workspaceId, credentialId)).toBe(secret);
    expect(sealSecret(secret, workspaceId, credentialId).kekVersion).toBe("v2");

    const rewrapped = rewrapDataKey(sealed, workspaceId, credentialId);
    process.env.KEY_ENCRYPTION_KEYS = v2;
    expect(openSecret(rewrapped, workspaceId, credentialId)).toBe(secret);
    expectCode(() => openSecret(sealed, workspaceId, credentialId), "kek_version_unknown");
  });

  it("refuses to re-wrap a key whose ciphertext was altered", () => {
    const sealed = sealSecret(apiKey(), workspaceId, credentialId);
    process.env.KEY_ENCRYPTION_KEYS = `${v1},${kek("v2")}`;
    expectCode(() => rewrapDataKey({ ...sealed, ciphertext: flipFirstBit(sealed.ciphertext) }, workspaceId, credentialId), "payload_authentication_failed");
  });

  it("binds the wrap to its version label, so relabelling to an unconfigured version fails", () => {
    const sealed = sealSecret(apiKey(), workspaceId, credentialId);
    expectCode(() => openSecret({ ...sealed, kekVersion: "v9" }, workspaceId, credentialId), "kek_version_unknown");
  });
});

/** A key sealed the way rows were before the credential id was bound (AAD version 1). */
function sealLikeVersion1(secret: string): StoredSecret {
  const binding = { workspaceId, credentialId: "", aadVersion: 1 };
  const dataKey = randomBytes(AES_KEY_BYTES);
  const iv = randomBytes(GCM_IV_BYTES);
  const { ciphertext, authTag } = gcmEncrypt(dataKey, iv, Buffer.from(secret, "utf8"), payloadAad(binding));
  return { ciphertext, iv, authTag, ...wrapDataKey(dataKey, loadKeyRing().newest, binding), aadVersion: 1 };
}

describe("binding the credential id", () => {
  it("seals new keys bound to workspace and credential: another stored key of the same workspace cannot take its seal", () => {
    const sealed = sealSecret(apiKey(), workspaceId, credentialId);
    expect(sealed.aadVersion).toBe(CURRENT_AAD_VERSION);
    const error = expectCode(() => openSecret(sealed, workspaceId, randomUUID()), "data_key_unwrap_failed");
    expect(error.message).toMatch(/copied from another stored key/);
  });

  it("still opens rows sealed before the binding, and re-sealing binds them to their credential", () => {
    const secret = apiKey();
    const old = sealLikeVersion1(secret);
    // Version-1 rows never bound a credential id: any id opens them, as before.
    expect(openSecret(old, workspaceId, credentialId)).toBe(secret);

    const resealed = rewrapDataKey(old, workspaceId, credentialId);
    expect(resealed.aadVersion).toBe(CURRENT_AAD_VERSION);
    expect(openSecret(resealed, workspaceId, credentialId)).toBe(secret);
    expectCode(() => openSecret(resealed, workspaceId, randomUUID()), "data_key_unwrap_failed");
  });

  it("refuses an AAD version it does not know", () => {
    const sealed = sealSecret(apiKey(), workspaceId, credentialId);
    expectCode(() => openSecret({ ...sealed, aadVersion: 3 }, workspaceId, credentialId), "sealed_secret_malformed");
  });
});
