import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "@/lib/crypto/redact";

const secret = () => `ysk_live_${randomBytes(15).toString("base64url")}+/ ü`;

describe("redactSecrets", () => {
  it("redacts the raw, JSON, URL-encoded, hex and base64 forms", () => {
    const key = secret();
    const bytes = Buffer.from(key);
    const forms = [
      key,
      JSON.stringify(key).slice(1, -1),
      encodeURIComponent(key),
      new URLSearchParams({ k: key }).toString().slice(2),
      bytes.toString("hex"),
      bytes.toString("hex").toUpperCase(),
      bytes.toString("base64"),
      bytes.toString("base64url"),
    ];
    for (const form of forms) {
      const redacted = redactSecrets(`request failed: x-api-key=${form}; retry`, [key]);
      expect(redacted).toBe(`request failed: x-api-key=${REDACTED}; retry`);
    }
  });

  it("redacts a key inside a longer base64 value, at any alignment", () => {
    const key = secret();
    for (const user of ["a", "ab", "abc"]) {
      const basic = Buffer.from(`${user}:${key}`).toString("base64");
      const redacted = redactSecrets(`Authorization: Basic ${basic}`, [key]);
      expect(redacted).toContain(REDACTED);
      // What remains: the user's part and at most two bytes of the key at each edge.
      const left = redacted.replace("Authorization: Basic ", "").split(REDACTED).join("");
      expect(left.length).toBeLessThanOrEqual(12);
    }
  });

  it("leaves other text alone and ignores empty or tiny secrets", () => {
    expect(redactSecrets("nothing to see", [secret(), "", "ab"])).toBe("nothing to see");
  });

  it("redacts several secrets", () => {
    const [a, b] = [secret(), secret()];
    expect(redactSecrets(`${a} and ${b}`, [a, b])).toBe(`${REDACTED} and ${REDACTED}`);
  });
});

describe("secretPattern", () => {
  it("is one expression for many keys that redacts each of them in every form, preferring the longest match", async () => {
    const { secretPattern, redactWithPattern } = await import("@/lib/crypto/redact");
    const keys = Array.from({ length: 300 }, () => secret());
    const pattern = secretPattern(keys);
    expect(pattern).toBeInstanceOf(RegExp);
    for (const key of [keys[0]!, keys[150]!, keys[299]!]) {
      const hex = Buffer.from(key).toString("hex");
      expect(redactWithPattern(`a ${key} b ${hex} c ${encodeURIComponent(key)}`, pattern)).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
    }
    // A key that continues another is redacted whole, not in part.
    const short = "ysk_0123456789";
    const long = `${short}_and_more`;
    expect(redactSecrets(`x ${long} y ${short} z`, [short, long])).toBe(`x ${REDACTED} y ${REDACTED} z`);
    expect(secretPattern([])).toBeNull();
    expect(redactWithPattern("unchanged", null)).toBe("unchanged");
  });

  it("escapes every character that means something in a regular expression", async () => {
    const { secretPattern, redactWithPattern } = await import("@/lib/crypto/redact");
    const key = "k.*+?^${}()|[]\\/-x";
    expect(redactWithPattern(`<${key}>`, secretPattern([key]))).toBe(`<${REDACTED}>`);
    expect(redactWithPattern("k-anything-x", secretPattern([key]))).toBe("k-anything-x");
  });
});
