import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { KeyCustodyError } from "./key-custody-error";

/**
 * The master keys (KEKs) that wrap each stored API key's data key, from
 * `KEY_ENCRYPTION_KEYS=v1:<base64>,v2:<base64>`. The highest version seals new
 * keys; older versions stay listed until `npm run keys:rotate` has re-wrapped
 * everything they sealed.
 */

const ENV_NAME = "KEY_ENCRYPTION_KEYS";
export const KEK_BYTES = 32;
/** Bytes of a KEK's check value, stored with each wrapped data key (see envelope.ts). */
export const KEK_CHECK_BYTES = 8;

export type KeyEncryptionKey = {
  /** The label as configured and stored in `kek_version`, e.g. "v2". */
  version: string;
  /** Orders versions: the highest number is the newest. */
  number: number;
  key: Buffer;
  /**
   * A short one-way fingerprint of the key. Stored beside each wrapped data
   * key so "v1 is configured but is not the v1 that sealed this" is told apart
   * from "this row was sealed for another workspace".
   */
  checkValue: Buffer;
};

export type KeyRing = {
  newest: KeyEncryptionKey;
  byVersion: ReadonlyMap<string, KeyEncryptionKey>;
};

const VERSION_PATTERN = /^v(\d+)$/;
// Buffer.from(…, "base64") silently skips characters it does not know, so a
// typo would yield a shorter or different key instead of an error.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;
const FORMAT_HINT = "v<number>:<32 random bytes, base64>, separated by commas (e.g. v1:…,v2:…)";

let cached: { source: string; ring: KeyRing } | undefined;

/**
 * The configured master keys, parsed on first use rather than at import time
 * (so `next build` and tools that never touch keys need none) and re-parsed
 * only when the environment value changes.
 */
export function loadKeyRing(): KeyRing {
  const source = process.env[ENV_NAME] ?? "";
  if (cached?.source === source) return cached.ring;
  const ring = parseKeyRing(source);
  cached = { source, ring };
  return ring;
}

/** For startup checks: throws the same clear KeyCustodyError a first key use would. */
export function assertKeyEncryptionKeysConfigured(): { versions: string[]; newest: string } {
  const ring = loadKeyRing();
  return { versions: [...ring.byVersion.keys()], newest: ring.newest.version };
}

/** The number of a version label ("v2" → 2), or null for anything else. */
export function kekVersionNumber(label: string): number | null {
  const match = VERSION_PATTERN.exec(label);
  const number = match?.[1] ? Number(match[1]) : NaN;
  return Number.isSafeInteger(number) ? number : null;
}

/** A fresh `KEY_ENCRYPTION_KEYS` entry, e.g. for the demo's `.env.local`. */
export function generateKeyEncryptionKey(version = "v1"): string {
  if (!VERSION_PATTERN.test(version)) throw new Error(`A master key version looks like v1, v2…; got "${version}".`);
  return `${version}:${randomBytes(KEK_BYTES).toString("base64")}`;
}

export function parseKeyRing(source: string): KeyRing {
  if (!source.trim()) {
    throw new KeyCustodyError(
      "kek_not_configured",
      `${ENV_NAME} is not set: the portal cannot store or read API keys. ` +
        "`npm run demo` generates one into .env.local; in production set it to v1:<32 random bytes, base64>",
    );
  }

  const byVersion = new Map<string, KeyEncryptionKey>();
  const byNumber = new Map<number, string>();
  source.split(",").forEach((rawEntry, index) => {
    const kek = parseEntry(rawEntry.trim(), index + 1);
    const sameNumber = byNumber.get(kek.number);
    if (sameNumber !== undefined) {
      const labels = sameNumber === kek.version ? kek.version : `${sameNumber} and ${kek.version}`;
      throw new KeyCustodyError(
        "kek_duplicate_version",
        `${ENV_NAME} lists master key version ${kek.number} twice (${labels}): each version must appear once. ` +
          "Keep the key that sealed your stored API keys and give a new key the next version.",
      );
    }
    byNumber.set(kek.number, kek.version);
    byVersion.set(kek.version, kek);
  });

  let newest: KeyEncryptionKey | undefined;
  for (const kek of byVersion.values()) if (!newest || kek.number > newest.number) newest = kek;
  // Unreachable: a non-blank value yields at least one entry or throws.
  if (!newest) throw new KeyCustodyError("kek_not_configured", `${ENV_NAME} has no entries.`);
  return { newest, byVersion };
}

// Messages name the entry's position or version, never its text: the text
// may be (part of) a master key.
function parseEntry(entry: string, position: number): KeyEncryptionKey {
  const separator = entry.indexOf(":");
  const version = separator === -1 ? "" : entry.slice(0, separator).trim();
  const encoded = separator === -1 ? "" : entry.slice(separator + 1).trim();
  const versionMatch = VERSION_PATTERN.exec(version);
  if (!versionMatch?.[1] || !encoded) {
    throw new KeyCustodyError(
      "kek_entry_malformed",
      `${ENV_NAME} entry ${position} is not of the form ${FORMAT_HINT}.`,
    );
  }
  const number = Number(versionMatch[1]);
  if (!Number.isSafeInteger(number)) {
    throw new KeyCustodyError("kek_entry_malformed", `${ENV_NAME} entry ${position} has a version number that is too large.`);
  }
  if (!BASE64_PATTERN.test(encoded)) {
    throw new KeyCustodyError(
      "kek_entry_malformed",
      `${ENV_NAME} ${version} is not valid base64: expected ${FORMAT_HINT}.`,
    );
  }
  const key = Buffer.from(encoded, "base64");
  if (key.length !== KEK_BYTES) {
    const length = key.length;
    key.fill(0);
    throw new KeyCustodyError(
      "kek_wrong_length",
      `${ENV_NAME} ${version} decodes to ${length} bytes; a master key must be exactly ${KEK_BYTES} random bytes, ` +
        "base64-encoded (e.g. `openssl rand -base64 32`).",
    );
  }
  return { version, number, key, checkValue: kekCheckValue(key) };
}

function kekCheckValue(key: Buffer): Buffer {
  // HKDF with its own label, so the fingerprint reveals nothing usable about
  // the AES key it is derived from.
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "yazsana-portal/kek-check/v1", KEK_CHECK_BYTES));
}
