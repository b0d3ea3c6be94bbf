import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSecret, rewrapDataKey, sealSecret, type SealedSecret } from "@/lib/crypto/envelope";
import { KeyCustodyError, type KeyCustodyErrorCode } from "@/lib/crypto/key-custody-error";

const originalKeys = process.env.KEY_ENCRYPTION_KEYS;
const kek = (version: string) => `${version}:${randomBytes(32).toString("base64")}`;
const apiKey = () => `ysk_test_${randomBytes(18).toString("base64url")}`;

let v1: string;
let workspaceId: string;

beforeEach(() => {
  v1 = kek("v1");
  process.env.KEY_ENCRYPTION_KEYS = v1;
  workspaceId = randomUUID();
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
      expect(openSecret(sealSecret(secret, workspaceId), workspaceId)).toBe(secret);
    }
  });

  it("uses a fresh data key and IVs for every seal", () => {
    const secret = apiKey();
    const first = sealSecret(secret, workspaceId);
    const second = sealSecret(secret, workspaceId);
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
    const sealed = sealSecret(apiKey(), workspaceId);
    for (const field of ["ciphertext", "iv", "authTag", "wrappedDataKey", "wrapIv", "wrapAuthTag"] as const) {
      expect(sealed[field]).toBeInstanceOf(Uint8Array);
    }
  });
});

describe("refusing altered or misplaced keys, each with its own reason", () => {
  let sealed: SealedSecret;
  beforeEach(() => {
    sealed = sealSecret(apiKey(), workspaceId);
  });

  it("rejects a tampered ciphertext or auth tag as a payload failure", () => {
    expectCode(() => openSecret({ ...sealed, ciphertext: flipFirstBit(sealed.ciphertext) }, workspaceId), "payload_authentication_failed");
    expectCode(() => openSecret({ ...sealed, authTag: flipFirstBit(sealed.authTag) }, workspaceId), "payload_authentication_failed");
    expectCode(() => openSecret({ ...sealed, iv: flipFirstBit(sealed.iv) }, workspaceId), "payload_authentication_failed");
  });

  it("rejects a tampered wrapped data key, wrap IV or wrap tag as an unwrap failure", () => {
    const last = sealed.wrappedDataKey.length - 1;
    expectCode(() => openSecret({ ...sealed, wrappedDataKey: flipFirstBit(sealed.wrappedDataKey, last) }, workspaceId), "data_key_unwrap_failed");
    expectCode(() => openSecret({ ...sealed, wrapIv: flipFirstBit(sealed.wrapIv) }, workspaceId), "data_key_unwrap_failed");
    expectCode(() => openSecret({ ...sealed, wrapAuthTag: flipFirstBit(sealed.wrapAuthTag) }, workspaceId), "data_key_unwrap_failed");
  });

  it("rejects truncated tags and unknown wrap formats as malformed", () => {
    expectCode(() => openSecret({ ...sealed, authTag: sealed.authTag.subarray(0, 4) }, workspaceId), "sealed_secret_malformed");
    expectCode(() => openSecret({ ...sealed, wrapAuthTag: sealed.wrapAuthTag.subarray(0, 12) }, workspaceId), "sealed_secret_malformed");
    expectCode(() => openSecret({ ...sealed, wrappedDataKey: flipFirstBit(sealed.wrappedDataKey, 0) }, workspaceId), "sealed_secret_malformed");
  });

  it("refuses to open a key in another workspace", () => {
    const error = expectCode(() => openSecret(sealed, randomUUID()), "workspace_mismatch");
    expect(error.message).toMatch(/different workspace/);
  });

  it("refuses a key whose stored workspace check was forged, at the GCM tag", () => {
    // An attacker who also rewrites the workspace check still cannot open it elsewhere.
    const other = randomUUID();
    const forged = sealSecret(apiKey(), other).wrappedDataKey.subarray(9, 17);
    const wrapped = new Uint8Array(sealed.wrappedDataKey);
    wrapped.set(forged, 9);
    expectCode(() => openSecret({ ...sealed, wrappedDataKey: wrapped }, other), "data_key_unwrap_failed");
  });

  it("names the missing master key version when it is no longer configured", () => {
    process.env.KEY_ENCRYPTION_KEYS = kek("v2");
    const error = expectCode(() => openSecret(sealed, workspaceId), "kek_version_unknown");
    expect(error.message).toContain("master key v1, which is not in KEY_ENCRYPTION_KEYS — restore it");
  });

  it("tells a changed master key (same version, different bytes) apart from the rest", () => {
    process.env.KEY_ENCRYPTION_KEYS = kek("v1");
    const error = expectCode(() => openSecret(sealed, workspaceId), "kek_mismatch");
    expect(error.message).toMatch(/not the v1 that sealed/);
  });

  it("detects a kek_version relabelled to another configured version", () => {
    process.env.KEY_ENCRYPTION_KEYS = `${v1},${kek("v2")}`;
    expectCode(() => openSecret({ ...sealed, kekVersion: "v2" }, workspaceId), "kek_version_mislabelled");
  });

  it("never puts the key or master key material in an error", () => {
    const secret = apiKey();
    const own = sealSecret(secret, workspaceId);
    const masterKey = v1.slice(3);
    const errors = [
      custodyError(() => openSecret({ ...own, ciphertext: flipFirstBit(own.ciphertext) }, workspaceId)),
      custodyError(() => openSecret(own, randomUUID())),
    ];
    process.env.KEY_ENCRYPTION_KEYS = kek("v1");
    errors.push(custodyError(() => openSecret(own, workspaceId)));
    process.env.KEY_ENCRYPTION_KEYS = kek("v2");
    errors.push(custodyError(() => openSecret(own, workspaceId)));

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
    const sealed = sealSecret(secret, workspaceId);
    process.env.KEY_ENCRYPTION_KEYS = `${v1},${kek("v2")}`;

    const rewrapped = rewrapDataKey(sealed, workspaceId);
    expect(rewrapped.kekVersion).toBe("v2");
    expect(Buffer.from(rewrapped.ciphertext)).toEqual(Buffer.from(sealed.ciphertext));
    expect(Buffer.from(rewrapped.iv)).toEqual(Buffer.from(sealed.iv));
    expect(Buffer.from(rewrapped.wrappedDataKey)).not.toEqual(Buffer.from(sealed.wrappedDataKey));
    expect(openSecret(rewrapped, workspaceId)).toBe(secret);
  });

  it("keeps keys under an old version readable until that version is removed", () => {
    const secret = apiKey();
    const sealed = sealSecret(secret, workspaceId);
    const v2 = kek("v2");
    process.env.KEY_ENCRYPTION_KEYS = `${v2},${v1}`;
    expect(openSecret(sealed, workspaceId)).toBe(secret);
    expect(sealSecret(secret, workspaceId).kekVersion).toBe("v2");

    const rewrapped = rewrapDataKey(sealed, workspaceId);
    process.env.KEY_ENCRYPTION_KEYS = v2;
    expect(openSecret(rewrapped, workspaceId)).toBe(secret);
    expectCode(() => openSecret(sealed, workspaceId), "kek_version_unknown");
  });

  it("refuses to re-wrap a key whose ciphertext was altered", () => {
    const sealed = sealSecret(apiKey(), workspaceId);
    process.env.KEY_ENCRYPTION_KEYS = `${v1},${kek("v2")}`;
    expectCode(() => rewrapDataKey({ ...sealed, ciphertext: flipFirstBit(sealed.ciphertext) }, workspaceId), "payload_authentication_failed");
  });

  it("binds the wrap to its version label, so relabelling to an unconfigured version fails", () => {
    const sealed = sealSecret(apiKey(), workspaceId);
    expectCode(() => openSecret({ ...sealed, kekVersion: "v9" }, workspaceId), "kek_version_unknown");
  });
});
