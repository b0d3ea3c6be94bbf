import "server-only";
import { formatWithOptions } from "node:util";
import { MIN_API_KEY_LENGTH } from "@/lib/api-key/api-key-input";
import { REDACTED, redactWithPattern, secretPattern } from "@/lib/crypto/redact";
import { maskPhoneNumbers } from "./mask-log-values";

/**
 * API keys this process has decrypted or been handed recently. Logs are
 * scrubbed of them (in every encoding redactSecrets knows) before they leave
 * the process. Bounded: the oldest are forgotten first; they are in this
 * process's memory anyway while it talks to Yazsana.
 */
const MAX_REMEMBERED = 500;
// On globalThis: Next.js bundles instrumentation (which installs the console
// wrapper) and the routes (which decrypt keys) separately, each with its own
// copy of this module; both must see one set.
// The scrub patterns live beside the set and are rebuilt only when it
// changes, never per log line. Compiling the pattern of hundreds of keys takes
// a good part of a second, so a new key first joins a small "recent" pattern;
// the full one is rebuilt once RECENT_MAX keys are waiting. A forgotten key
// stays in the full pattern until then: scrubbing it a while longer is harmless.
const SECRETS_KEY = Symbol.for("yazsana-portal.redacted-secrets");
const RECENT_MAX = 16;
type Remembered = {
  secrets: Set<string>;
  /** Remembered since `settled` was built. */
  recent: Set<string>;
  settled?: RegExp | null;
  recentPattern?: RegExp | null;
};
const remembered: Remembered = ((globalThis as { [SECRETS_KEY]?: Remembered })[SECRETS_KEY] ??= {
  secrets: new Set<string>(),
  recent: new Set<string>(),
});

/**
 * Every key the portal accepts is remembered: the minimum is the form's own
 * (MIN_API_KEY_LENGTH), so no accepted key is too short to be scrubbed.
 */
export function rememberSecretForRedaction(secret: string): void {
  if (secret.length < MIN_API_KEY_LENGTH) return;
  const { secrets } = remembered;
  if (secrets.delete(secret)) {
    secrets.add(secret); // most recently used last; the patterns are unchanged
    return;
  }
  secrets.add(secret);
  if (secrets.size > MAX_REMEMBERED) {
    const oldest = secrets.values().next().value!;
    secrets.delete(oldest);
    remembered.recent.delete(oldest);
  }
  remembered.recent.add(secret);
  remembered.recentPattern = undefined;
  if (remembered.recent.size > RECENT_MAX) remembered.settled = undefined;
}

/** The compiled patterns for the remembered keys: the full one and the recent one (null when empty). */
export function redactionPatterns(): [RegExp | null, RegExp | null] {
  if (remembered.settled === undefined) {
    remembered.settled = secretPattern(remembered.secrets);
    remembered.recent.clear();
    remembered.recentPattern = null;
  }
  if (remembered.recentPattern === undefined) remembered.recentPattern = secretPattern(remembered.recent);
  return [remembered.settled, remembered.recentPattern];
}

// A header or field that names an API key, whatever value follows it.
const API_KEY_FIELD = /(x-api-key|api[_-]?key|apiKey)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi;

export function redactLogText(text: string): string {
  const [settled, recent] = redactionPatterns();
  return redactWithPattern(redactWithPattern(text, settled), recent).replace(API_KEY_FIELD, `$1$2${REDACTED}`);
}

type ConsoleLike = Pick<Console, "log" | "info" | "warn" | "error" | "debug">;
const METHODS = ["log", "info", "warn", "error", "debug"] as const;

/**
 * Routes every console method of `target` through redactLogText and masks
 * phone numbers, for what still writes to the console (Next.js's own error
 * output, a library). Idempotent.
 */
export function installLogRedaction(target: ConsoleLike = console): void {
  const marked = target as ConsoleLike & { __redacting?: boolean };
  if (marked.__redacting) return;
  marked.__redacting = true;
  for (const method of METHODS) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(maskPhoneNumbers(redactLogText(formatWithOptions({ colors: false }, ...args))));
  }
}
