"use client";

import { countSms, MAX_SMS_CHARACTERS } from "@/lib/sending/count-sms";

/** Live length, encoding and parts of a message; the same counter the server uses. */
export function SmsCounter({ id, text }: { id: string; text: string }) {
  const count = countSms(text);
  const over = count.characters > MAX_SMS_CHARACTERS;
  return (
    <div id={id} className="mt-1 space-y-1 text-xs text-slate-600" aria-live="polite">
      <p>
        <span className={over ? "font-semibold text-red-700" : undefined} data-testid="sms-characters">
          {count.characters} / {MAX_SMS_CHARACTERS} characters
        </span>
        {" · "}
        <span data-testid="sms-encoding">{count.encoding === "GSM-7" ? "GSM-7" : "Unicode"}</span>
        {" · "}
        <span data-testid="sms-parts">
          {count.parts} SMS {count.parts === 1 ? "part" : "parts"}
        </span>
        {count.parts > 0 && ` (${count.perPart} ${count.encoding === "GSM-7" ? "characters" : "Unicode characters"} per part)`}
      </p>
      {count.unicodeCharacters.length > 0 && (
        <p data-testid="sms-unicode-hint">
          Unicode because of {count.unicodeCharacters.map((character) => `“${character}”`).join(" ")}. Replace them (e.g. ş→s, ı→i, ğ→g,
          ç→c, İ→I) to fit 160 characters per part.
          {count.turkishShift &&
            ` Networks that use the Turkish single shift table would need ${count.turkishShift.parts} ${count.turkishShift.parts === 1 ? "part" : "parts"}.`}
        </p>
      )}
      {over && <p className="text-red-700">At most {MAX_SMS_CHARACTERS} characters: Yazsana refuses longer messages.</p>}
    </div>
  );
}
