import "server-only";
import { formatWithOptions } from "node:util";
import { REDACTED, redactSecrets } from "@/lib/crypto/redact";

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
const SECRETS_KEY = Symbol.for("yazsana-portal.redacted-secrets");
const knownSecrets: Set<string> = ((globalThis as { [SECRETS_KEY]?: Set<string> })[SECRETS_KEY] ??= new Set<string>());

// Shorter strings are not keys worth the risk of blanking ordinary log text.
const MIN_REMEMBERED_LENGTH = 16;

export function rememberSecretForRedaction(secret: string): void {
  if (secret.length < MIN_REMEMBERED_LENGTH) return;
  knownSecrets.delete(secret);
  knownSecrets.add(secret);
  if (knownSecrets.size > MAX_REMEMBERED) knownSecrets.delete(knownSecrets.values().next().value!);
}

// A header or field that names an API key, whatever value follows it.
const API_KEY_FIELD = /(x-api-key|api[_-]?key|apiKey)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi;

export function redactLogText(text: string): string {
  return redactSecrets(text, [...knownSecrets]).replace(API_KEY_FIELD, `$1$2${REDACTED}`);
}

type ConsoleLike = Pick<Console, "log" | "info" | "warn" | "error" | "debug">;
const METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** Routes every console method of `target` through redactLogText. Idempotent. */
export function installLogRedaction(target: ConsoleLike = console): void {
  const marked = target as ConsoleLike & { __redacting?: boolean };
  if (marked.__redacting) return;
  marked.__redacting = true;
  for (const method of METHODS) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(redactLogText(formatWithOptions({ colors: false }, ...args)));
  }
}
