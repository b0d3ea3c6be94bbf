import "server-only";

export const REDACTED = "[redacted]";

/**
 * Removes every secret from `text` before it is logged, in the forms it
 * usually travels in: raw, JSON-escaped, URL-encoded, hex, and base64 (also
 * when embedded in a longer base64 value such as `Basic base64(user:key)`).
 * Secrets shorter than MIN_SECRET_LENGTH are ignored: redacting them would
 * blank ordinary words, and no real key is that short.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of encodedForms(secret)) if (form.length >= MIN_FORM_LENGTH) forms.add(form);
  }
  // Longest first, so a form is not half-redacted by a shorter one inside it.
  let redacted = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) redacted = redacted.split(form).join(REDACTED);
  return redacted;
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
