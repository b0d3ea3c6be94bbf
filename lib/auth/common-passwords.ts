import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The 49,233 most common passwords of leaked-password corpora, as kept and
 * published by zxcvbn-ts (the list its strength estimator starts from). Its
 * estimator itself is not used: it takes ~100 ms a check and seconds on long
 * repetitive input, while a set lookup takes microseconds.
 */
const BREACHED = new Set(dictionary["passwords-common"]);

// Words of this site: a password built on them is among the first tried against it.
const SITE_WORDS = ["yazsana", "yazsanaportal", "yazsanasms"];
const MIN_WORD_LENGTH = 3;

/**
 * True when the password is a common one, or one built the way people
 * stretch a common word to the minimum length: digits or symbols before or
 * after it ("Sunshine2024!"), letters swapped for look-alikes ("p@ssw0rd").
 * `personalWords` (e.g. the email's name part) count like common words.
 */
export function isCommonPassword(password: string, personalWords: readonly string[] = []): boolean {
  const lowered = password.toLowerCase();
  const words = new Set([...SITE_WORDS, ...personalWords.map((word) => word.toLowerCase())]);
  const core = lowered.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  for (const base of new Set([lowered, core])) {
    for (const candidate of [base, unleet(base, "i"), unleet(base, "l")]) {
      if (candidate.length >= MIN_WORD_LENGTH && (BREACHED.has(candidate) || words.has(candidate))) return true;
    }
  }
  return false;
}

const LOOK_ALIKES: Record<string, string> = { "@": "a", "4": "a", "3": "e", "0": "o", $: "s", "5": "s", "7": "t", "!": "i" };

/** "p@ssw0rd" → "password"; "1" reads as `one` ("i" or "l"). */
function unleet(text: string, one: "i" | "l"): string {
  return text.replace(/[@4305$7!1]/g, (character) => (character === "1" ? one : LOOK_ALIKES[character]!));
}
