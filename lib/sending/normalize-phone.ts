import { Metadata } from "libphonenumber-js/core";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import maxMetadata from "libphonenumber-js/metadata.max.json";
import type { AppTranslator } from "@/lib/i18n/translator";
import enSending from "@/messages/en/sending.json";

/**
 * Why a typed recipient cannot be sent to. Each has its own sentence
 * (sending.phone.<problem>) so the person typing knows what to fix (a landline
 * is not a typo).
 */
export type PhoneProblem = "empty" | "letters" | "characters" | "invalid" | "foreign" | "landline" | "service_number" | "not_mobile";

/** `reason` is the English sentence, kept for stored review lines and logs; show `describePhoneProblem` to people. */
export type NormalizedPhone = { ok: true; number: string } | { ok: false; problem: PhoneProblem; reason: string };

/** The problem in the reader's language. */
export function describePhoneProblem(problem: PhoneProblem, t: AppTranslator<"sending">): string {
  return t(`phone.${problem}`);
}

// What people put around digits when they type or paste a number. Digits may be
// any Unicode decimal digits (libphonenumber maps ٠١٢… and full-width ０１２ to 0-9).
const ALLOWED = /^[\p{Nd}\s+\-().\/]+$/u;
const LETTER = /\p{L}/u;
const SERVICE_TYPES = new Set(["TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOIP", "UAN"]);
/** The only form the API accepts: 905 and nine digits. */
const API_FORM = /^905\d{9}$/;

function problem(kind: PhoneProblem): NormalizedPhone {
  return { ok: false, problem: kind, reason: enSending.phone[kind] };
}

type TypeDescription = { pattern(): string; possibleLengths(): number[] | undefined };

/**
 * Turkey's mobile range from the same "max" metadata, compiled once.
 * libphonenumber-js compiles its patterns on every call (~0.1 ms a number);
 * a 100,000-line upload needs the common case faster. Only a match is
 * decided here; anything else goes through libphonenumber for its reason.
 * tests/unit/normalize-phone.test.ts checks both paths agree.
 */
const turkishMobile = (() => {
  const metadata = new Metadata(maxMetadata);
  metadata.selectNumberingPlan("TR");
  const mobile = (metadata.numberingPlan as unknown as { type(name: string): TypeDescription | undefined }).type("MOBILE");
  if (!mobile) throw new Error("libphonenumber-js metadata has no Turkish mobile range");
  return { pattern: new RegExp(`^(?:${mobile.pattern()})$`), lengths: new Set(mobile.possibleLengths() ?? [10]) };
})();
/** Separators people type, and the prefixes in front of a 10-digit national number. */
const SEPARATORS = /[\s\-().\/]/g;
const NATIONAL = /^(?:\+90|0090|90|0)?(5\d{9})$/;

/** The fast path: a plain ASCII-digit Turkish mobile number, or null to let libphonenumber decide. */
function fastTurkishMobile(text: string): string | null {
  const national = NATIONAL.exec(text.replace(SEPARATORS, ""))?.[1];
  if (!national || !turkishMobile.lengths.has(national.length) || !turkishMobile.pattern.test(national)) return null;
  return `90${national}`;
}

/**
 * Turns what someone typed (`0555 123 45 67`, `+90 555 123 4567`,
 * `00905551234567`…) into the API's `905XXXXXXXXX`, or says why not. Uses
 * libphonenumber's full ("max") metadata: only it tells a Turkish mobile
 * range from a landline or an unallocated prefix.
 */
export function normalizePhone(input: string): NormalizedPhone {
  const text = input.trim();
  const fast = fastTurkishMobile(text);
  if (fast) return { ok: true, number: fast };
  return normalizeWithLibphonenumber(text);
}

/** The full check, and the reason when a number is refused. Exported for the cross-check test. */
export function normalizeWithLibphonenumber(input: string): NormalizedPhone {
  const text = input.trim();
  if (!text) return problem("empty");
  if (LETTER.test(text)) return problem("letters");
  if (!ALLOWED.test(text)) return problem("characters");

  const parsed = parsePhoneNumberFromString(text, "TR");
  if (!parsed) return problem("invalid");
  if (parsed.countryCallingCode !== "90") return parsed.isValid() ? problem("foreign") : problem("invalid");
  if (!parsed.isValid()) return problem("invalid");

  const type = parsed.getType();
  if (type === "FIXED_LINE") return problem("landline");
  if (type !== undefined && SERVICE_TYPES.has(type)) return problem("service_number");
  if (type !== "MOBILE") return problem("not_mobile");

  const number = parsed.number.slice(1);
  return API_FORM.test(number) ? { ok: true, number } : problem("not_mobile");
}

/** "905551234567" → "+90 555 123 45 67", the way Turkish numbers are read aloud. */
export function formatTurkishMobile(number: string): string {
  const match = /^90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(number);
  return match ? `+90 ${match[1]} ${match[2]} ${match[3]} ${match[4]}` : number;
}
