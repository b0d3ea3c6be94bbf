import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { KeyCustodyError, type KeyCustodyErrorCode } from "@/lib/crypto/key-custody-error";
import {
  assertKeyEncryptionKeysConfigured,
  generateKeyEncryptionKey,
  loadKeyRing,
  parseKeyRing,
} from "@/lib/crypto/key-encryption-keys";

const originalKeys = process.env.KEY_ENCRYPTION_KEYS;
afterEach(() => {
  process.env.KEY_ENCRYPTION_KEYS = originalKeys;
});

const key = (bytes = 32) => randomBytes(bytes).toString("base64");

function parseError(source: string): KeyCustodyError {
  try {
    parseKeyRing(source);
  } catch (error) {
    if (error instanceof KeyCustodyError) return error;
    throw error;
  }
  throw new Error("expected KEY_ENCRYPTION_KEYS to be rejected");
}

describe("KEY_ENCRYPTION_KEYS", () => {
  it("picks the highest version as the newest, whatever the order", () => {
    const ring = parseKeyRing(` v2:${key()} , v10:${key()},v1:${key()}`);
    expect(ring.newest.version).toBe("v10");
    expect([...ring.byVersion.keys()]).toEqual(["v2", "v10", "v1"]);
    expect(ring.newest.key).toHaveLength(32);
  });

  it("accepts base64url as well as base64", () => {
    expect(parseKeyRing(`v1:${randomBytes(32).toString("base64url")}`).newest.key).toHaveLength(32);
  });

  it.each<[string, string, KeyCustodyErrorCode, RegExp]>([
    ["missing", "", "kek_not_configured", /KEY_ENCRYPTION_KEYS is not set: the portal cannot store or read API keys\. `npm run demo`/],
    ["blank", "  ", "kek_not_configured", /is not set/],
    ["without a version", key(), "kek_entry_malformed", /entry 1 is not of the form/],
    ["with a bad version label", `key1:${key()}`, "kek_entry_malformed", /entry 1 is not of the form/],
    ["with an empty entry", `v1:${key()},,v2:${key()}`, "kek_entry_malformed", /entry 2 is not of the form/],
    ["with invalid base64", `v1:${key().slice(0, 20)}!!${key().slice(22)}`, "kek_entry_malformed", /v1 is not valid base64/],
    ["with a 16-byte key", `v1:${key(16)}`, "kek_wrong_length", /v1 decodes to 16 bytes; a master key must be exactly 32/],
    ["with a 33-byte key", `v1:${key()},v2:${key(33)}`, "kek_wrong_length", /v2 decodes to 33 bytes/],
    ["with a version twice", `v1:${key()},v1:${key()}`, "kek_duplicate_version", /version 1 twice \(v1\)/],
    ["with the same version spelled twice", `v1:${key()},v01:${key()}`, "kek_duplicate_version", /version 1 twice \(v1 and v01\)/],
  ])("rejects a value %s with its own code", (_name, source, code, message) => {
    const error = parseError(source);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("never echoes key material in a parse error", () => {
    const secretish = [key(), key(16), key(33), `v1:${key()}`];
    for (const source of [secretish[0]!, `v1:${secretish[1]}`, `v1:${secretish[2]}`, `${secretish[3]},${secretish[3]}`]) {
      const message = parseError(source).message;
      for (const value of secretish) expect(message).not.toContain(value.replace(/^v1:/, ""));
    }
  });

  it("is read at first use and re-read when the environment changes", () => {
    delete process.env.KEY_ENCRYPTION_KEYS;
    expect(() => assertKeyEncryptionKeysConfigured()).toThrow(KeyCustodyError);
    process.env.KEY_ENCRYPTION_KEYS = `v1:${key()}`;
    const ring = loadKeyRing();
    expect(loadKeyRing()).toBe(ring);
    process.env.KEY_ENCRYPTION_KEYS = `v1:${key()},v2:${key()}`;
    expect(assertKeyEncryptionKeysConfigured()).toEqual({ versions: ["v1", "v2"], newest: "v2" });
  });

  it("generates entries the parser accepts, fresh each time", () => {
    const first = generateKeyEncryptionKey();
    expect(first).toMatch(/^v1:[A-Za-z0-9+/]{43}=$/);
    expect(generateKeyEncryptionKey()).not.toBe(first);
    const ring = parseKeyRing(`${first},${generateKeyEncryptionKey("v2")}`);
    expect(ring.newest.version).toBe("v2");
  });
});
