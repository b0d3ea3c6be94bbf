/**
 * How many SMS parts a text takes, per 3GPP TS 23.038 / 23.040. Pure and
 * dependency-free: the send forms run it live in the browser, the server runs
 * it again. No maintained npm package knows the Turkish national shift table,
 * so this is ours; its GSM-7/UCS-2 results are cross-checked against
 * `sms-segments-calculator` in tests/unit/count-sms.test.ts.
 */

/** GSM 03.38 default alphabet (the escape code 0x1B is not a character). */
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** Default extension table: reached through the escape code, so each costs two septets. */
const GSM7_EXTENSION = new Set("\f^{}\\[~]|€");
/** Turkish national single shift table (TS 23.038 A.2.1): the extension table plus these letters. */
const TURKISH_SINGLE_SHIFT_LETTERS = new Set("ĞİŞçğış");

export type SmsEncoding = "GSM-7" | "UCS-2";

export type SmsCount = {
  /** What the API's 160-character limit counts (UTF-16 code units, like String#length). */
  characters: number;
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text needs. */
  units: number;
  parts: number;
  /** Capacity of each part at this length: 160/153 septets or 70/67 code units. */
  perPart: number;
  /** Distinct characters that are not in GSM-7 (default alphabet + extension), in order of appearance. */
  unicodeCharacters: string[];
  /**
   * Only when Turkish letters alone force UCS-2: the parts the text would take
   * with the Turkish single shift table (a 3-octet header in every part: 155
   * septets alone, 149 when concatenated). Whether an operator uses the table
   * is up to the network; the default-alphabet result above is what we charge by.
   */
  turkishShift: { units: number; parts: number; perPart: number } | null;
};

export const SMS_LIMITS = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
  turkishShift: { single: 155, multi: 149 },
} as const;

/** The API refuses longer messages. */
export const MAX_SMS_CHARACTERS = 160;

type Limits = { single: number; multi: number };

/**
 * Parts needed for items of the given widths. A character is never split
 * between parts (an escape pair or a surrogate pair must stay together), so a
 * two-unit character that doesn't fit opens the next part.
 */
function segment(widths: number[], limits: Limits): { units: number; parts: number; perPart: number } {
  const units = widths.reduce((sum, width) => sum + width, 0);
  if (units === 0) return { units, parts: 0, perPart: limits.single };
  if (units <= limits.single) return { units, parts: 1, perPart: limits.single };
  let parts = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > limits.multi) {
      parts++;
      used = 0;
    }
    used += width;
  }
  return { units, parts, perPart: limits.multi };
}

export function countSms(text: string): SmsCount {
  const characters = [...text];
  const unicodeCharacters: string[] = [];
  const seen = new Set<string>();
  let onlyTurkishShiftMissing = true;
  const gsmWidths: number[] = [];
  const turkishWidths: number[] = [];

  for (const character of characters) {
    if (GSM7_BASIC.has(character)) {
      gsmWidths.push(1);
      turkishWidths.push(1);
    } else if (GSM7_EXTENSION.has(character)) {
      gsmWidths.push(2);
      turkishWidths.push(2);
    } else {
      if (!seen.has(character)) {
        seen.add(character);
        unicodeCharacters.push(character);
      }
      if (TURKISH_SINGLE_SHIFT_LETTERS.has(character)) turkishWidths.push(2);
      else onlyTurkishShiftMissing = false;
    }
  }

  if (unicodeCharacters.length === 0) {
    return { characters: text.length, encoding: "GSM-7", ...segment(gsmWidths, SMS_LIMITS.gsm7), unicodeCharacters, turkishShift: null };
  }
  const ucs2Widths = characters.map((character) => character.length);
  return {
    characters: text.length,
    encoding: "UCS-2",
    ...segment(ucs2Widths, SMS_LIMITS.ucs2),
    unicodeCharacters,
    turkishShift: onlyTurkishShiftMissing ? segment(turkishWidths, SMS_LIMITS.turkishShift) : null,
  };
}
