import "server-only";

export const REDACTED = "[redacted]";

/**
 * Removes every secret from `text` before it is logged, in the forms it
 * usually travels in: raw, JSON-escaped, URL-encoded, hex, and base64 (also
 * when embedded in a longer base64 value such as `Basic base64(user:key)`).
 * Secrets shorter than MIN_SECRET_LENGTH are ignored: redacting them would
 * blank ordinary words, and no real key is that short.
 *
 * For one-off use. Code that scrubs many texts with the same secrets builds
 * the pattern once with secretPattern and calls redactWithPattern.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return redactWithPattern(text, secretPattern(secrets));
}

export function redactWithPattern(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/**
 * One regular expression matching every encoded form of every secret, or
 * null when there is nothing to match. The forms are laid out as a trie
 * ("ab(?:c|d)") so the engine follows one branch per character instead of
 * trying each form at each position; where one form continues another the
 * longer is preferred, so no form is half-redacted by a shorter one.
 */
export function secretPattern(secrets: Iterable<string>): RegExp | null {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of encodedForms(secret)) if (form.length >= MIN_FORM_LENGTH) forms.add(form);
  }
  if (forms.size === 0) return null;
  // Sorted, forms sharing a prefix sit together: the trie is read off the
  // list without building nodes (hundreds of keys make ~100k of them).
  const sorted = [...forms].sort();
  return new RegExp(trieSource(sorted, 0, sorted.length, 0), "g");
}

/** The trie of sorted[from..to), whose members all share their first `depth` characters. */
function trieSource(sorted: readonly string[], from: number, to: number, depth: number): string {
  const first = sorted[from]!;
  const last = sorted[to - 1]!;
  // In a sorted run, the prefix shared by the first and last is shared by all.
  let shared = depth;
  while (shared < first.length && shared < last.length && first[shared] === last[shared]) shared++;
  const prefix = escapeForRegExp(first.slice(depth, shared));
  let start = from;
  const endsHere = first.length === shared; // sorting puts the one that ends here first
  if (endsHere) start++;
  if (start === to) return prefix;

  const branches: string[] = [];
  while (start < to) {
    const next = sorted[start]![shared];
    let stop = start + 1;
    while (stop < to && sorted[stop]![shared] === next) stop++;
    branches.push(trieSource(sorted, start, stop, shared));
    start = stop;
  }
  const rest = branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
  if (!endsHere) return prefix + rest;
  return prefix + (branches.length === 1 ? `(?:${rest})?` : `${rest}?`);
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

const MIN_SECRET_LENGTH = 4;
const MIN_FORM_LENGTH = 4;

function encodedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const hex = bytes.toString("hex");
  const base64 = bytes.toString("base64");
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    hex,
    hex.toUpperCase(),
    base64,
    base64.replace(/=+$/, ""),
    bytes.toString("base64url"),
    ...embeddedBase64Forms(bytes),
  ];
}

/**
 * Base64 encodes 3 bytes as 4 characters, so inside a longer value the
 * secret's characters depend on its offset modulo 3. For each offset, the
 * characters that depend only on the secret's own bytes are the same wherever
 * it appears; redacting them hides the secret (a character or two of the
 * neighbouring bytes may remain).
 */
function embeddedBase64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const lead = (3 - offset) % 3; // bytes of the secret that share a group with bytes before it
    const body = bytes.subarray(lead);
    const whole = body.length - (body.length % 3);
    // Shorter fragments would match unrelated base64 by chance.
    if (whole < 6) continue;
    const encoded = body.subarray(0, whole).toString("base64");
    forms.push(encoded, encoded.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}
