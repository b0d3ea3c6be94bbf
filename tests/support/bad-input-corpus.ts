/**
 * The bad-input corpus (tests/integration/bad-input.test.ts, tests/e2e/bad-input.spec.ts):
 * fixed hostile values, and fast-check arbitraries for generated ones.
 *
 * Two kinds of value: `refuse` must never be accepted (it can't be stored or
 * is out of bounds), `text` is hostile-looking but legal text — a name may
 * contain an apostrophe or an emoji — so it may be accepted, stored verbatim
 * and rendered escaped; either way the answer is never a server error.
 */
import fc from "fast-check";

export type CorpusValue = { label: string; value: string; kind: "refuse" | "text" };

const refuse = (label: string, value: string): CorpusValue => ({ label, value, kind: "refuse" });
const text = (label: string, value: string): CorpusValue => ({ label, value, kind: "text" });

/** Values for any text field of any form. */
export const FIELD_CORPUS: CorpusValue[] = [
  refuse("NUL byte", "abc\u0000def"),
  refuse("only a NUL", "\u0000"),
  // FormData holds USVStrings: a lone surrogate arrives as U+FFFD, as a browser would send it.
  text("lone high surrogate", "name\uD800"),
  text("lone low surrogate", "\uDC00name"),
  refuse("1 MB of text", "x".repeat(1_000_000)),
  refuse("200 kB of emoji", "😀".repeat(50_000)),
  text("empty", ""),
  text("whitespace only", " \t\n "),
  text("RTL override", "\u202Egnp.exe\u202C"),
  text("RTL and LTR marks", "\u200Fname\u200E"),
  text("zero-width characters", "a\u200Bb\u200Cc\u200Dd\uFEFF"),
  text("emoji with joiners and flags", "👩‍👩‍👧‍👦🇹🇷✔️"),
  text("combining marks", "Z̸̢̛a̴l̵g̶o̷"),
  text("SQL injection", "'; DROP TABLE users; --"),
  text("SQL tautology", "' OR '1'='1"),
  text("HTML", "<b>bold</b><img src=x onerror=alert(1)>"),
  text("script tag", "<script>alert(document.cookie)</script>"),
  text("javascript URL", "javascript:alert(1)"),
  text("template and ICU syntax", "{{7*7}} ${7*7} {count, plural, other {#}}"),
  text("CSV formula", "=HYPERLINK(\"http://x\")"),
  text("path traversal", "../../../../etc/passwd"),
  text("encoded traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
  text("Windows traversal", "..\\..\\windows\\win.ini"),
  text("CRLF header injection", "a\r\nSet-Cookie: x=y"),
  text("Turkish dotted letters", "İıŞşĞğÇçÖöÜü"),
  text("a number", "12345"),
  text("JSON", '{"__proto__":{"admin":true}}'),
];

/**
 * Text-direction controls: legal text elsewhere (FIELD_CORPUS), refused in
 * display and workspace names, where they only disguise a name (lib/auth/schemas.ts).
 */
export const NAME_DIRECTION_CORPUS: CorpusValue[] = [
  refuse("right-to-left override", "\u202Egnp.exe"),
  refuse("override closed again", "Ayşe\u202Eexe.gnp\u202C"),
  refuse("left-to-right embedding", "\u202AAcme"),
  refuse("right-to-left isolate", "Acme \u2067Ltd\u2069"),
  refuse("first-strong isolate", "\u2068Acme\u2069"),
  refuse("right-to-left mark", "\u200FAcme"),
  refuse("left-to-right mark", "Acme\u200E"),
  refuse("Arabic letter mark", "\u061CAcme"),
];

/** Whether `text` holds a control of NAME_DIRECTION_CORPUS's kind (for generated names). */
export const hasDirectionControl = (text: string) => /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(text);

/** Values for id fields and id path segments: none is a UUID. */
export const ID_CORPUS: CorpusValue[] = [
  refuse("empty", ""),
  refuse("word", "abc"),
  refuse("36 dashes", "-".repeat(36)),
  refuse("36 hex without dashes", "0".repeat(36)),
  refuse("UUID with a trailing character", "2bd9cb13-13f1-45d0-a8a5-3c1e53dc2ce7x"),
  refuse("UUID with a NUL", "2bd9cb13-13f1-45d0-a8a5-3c1e53dc2ce\u0000"),
  refuse("UUID in braces", "{2bd9cb13-13f1-45d0-a8a5-3c1e53dc2ce7}"),
  refuse("path traversal", "../../etc/passwd"),
  refuse("encoded path traversal", "..%2F..%2Fetc%2Fpasswd"),
  refuse("SQL injection", "1' OR '1'='1"),
  refuse("script tag", "<script>alert(1)</script>"),
  refuse("number", "42"),
  refuse("negative number", "-1"),
  refuse("long", "a".repeat(10_000)),
  refuse("emoji", "😀"),
];

/**
 * Strings of every kind of code unit: printable, control characters, NUL,
 * lone surrogates, astral characters — and now and then one longer than any field allows.
 */
export function anyText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    // Any UTF-16 code unit, so lone surrogates too ("binary" gives whole code points only).
    { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\u202E", "\u200B", "'", "<", "%", "\\", "/", ".", "a"), maxLength: 30 }) },
    // Past every field's limit (the fixed corpus has the megabyte-long ones; these stay readable in a failure report).
    { weight: 1, arbitrary: fc.nat({ max: 200 }).map((extra) => "y".repeat(300 + extra)) },
  );
}

/** Not a UUID: anything of hex digits and dashes (36 long or not), and anything at all. */
export function notAUuid(): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ unit: fc.constantFrom("0", "9", "a", "f", "-", "g"), minLength: 30, maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
    )
    .filter((candidate) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(candidate));
}

/** Arguments a caller can pass instead of the form's FormData. */
export const NOT_FORM_DATA: Array<{ label: string; value: unknown }> = [
  { label: "undefined", value: undefined },
  { label: "null", value: null },
  { label: "a string", value: "name=x" },
  { label: "a number", value: 42 },
  { label: "a plain object", value: { name: "x", email: "a@example.com" } },
  { label: "an array", value: [["name", "x"]] },
  { label: "URLSearchParams", value: new URLSearchParams("name=x") },
  { label: "a Map", value: new Map([["name", "x"]]) },
];

/** fast-check settings: few runs (CI runs everything twice), a fixed seed printed with any failure. */
export const PROPERTY_SETTINGS = { numRuns: 12, seed: 20_261_129, endOnFailure: true } as const;
