/**
 * Masking applied to every value a log line carries, before pino writes it:
 * phone numbers keep only their last 4 digits, wherever they appear in free
 * text (an upstream error that echoes the recipient, a stack trace, a CSV
 * line), and errors become plain objects whose message and stack are masked
 * the same way. Keys that name secrets are removed by pino's own redaction
 * paths (see logger.ts); remembered API keys by redactLogText.
 */

// A phone number as people and APIs write it: 10 to 15 digits, optionally
// after a "+", with single spaces, dots, dashes or brackets between digits.
// Not part of a longer run of digits, letters or dashes, so UUIDs, hex ids and
// ISO dates are left alone. "+" numbers may be shorter (8 digits), as some
// countries' are.
const PHONE = /(?<![\w+\-.])(?:\+\d(?:[ .\-()]{0,2}\d){7,14}|\(?\d(?:[ .\-()]{0,2}\d){9,14})(?![\w\-]|\.\d)/g;

export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE, (match) => {
    let keep = 4;
    let masked = "";
    for (let index = match.length - 1; index >= 0; index--) {
      const char = match[index]!;
      if (char >= "0" && char <= "9") {
        masked = (keep > 0 ? char : "*") + masked;
        keep--;
      } else masked = char + masked;
    }
    return masked;
  });
}

const MAX_DEPTH = 6;

/** A copy of `value` with every string phone-masked and every error made plain; other values unchanged. */
export function maskLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPhoneNumbers(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Error) return maskLogValue(plainError(value), depth);
  if (Array.isArray(value)) return value.map((item) => maskLogValue(item, depth + 1));
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = maskLogValue(item, depth + 1);
  return copy;
}

function plainError(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  const kind = (error as { kind?: unknown }).kind;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" && { code }),
    ...(typeof kind === "string" && { kind }),
    ...(error.stack && { stack: error.stack }),
    ...(error.cause !== undefined && { cause: error.cause }),
  };
}
