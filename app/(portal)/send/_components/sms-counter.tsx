"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatInteger } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { countSms, MAX_SMS_CHARACTERS } from "@/lib/sending/count-sms";

/** Live length, encoding and parts of a message; the same counter the server uses. */
export function SmsCounter({ id, text }: { id: string; text: string }) {
  const t = useTranslations("sending.counter");
  const locale = useLocale() as Locale;
  const count = countSms(text);
  const over = count.characters > MAX_SMS_CHARACTERS;
  const max = formatInteger(MAX_SMS_CHARACTERS, locale);
  return (
    <div id={id} className="mt-1 space-y-1 text-xs text-slate-600" aria-live="polite">
      <p>
        <span className={over ? "font-semibold text-red-700" : undefined} data-testid="sms-characters">
          {t("characters", { count: formatInteger(count.characters, locale), max })}
        </span>
        {" · "}
        <span data-testid="sms-encoding">{count.encoding === "GSM-7" ? "GSM-7" : t("unicode")}</span>
        {" · "}
        <span data-testid="sms-parts">{t("parts", { count: count.parts })}</span>
        {count.parts > 0 && ` ${t(count.encoding === "GSM-7" ? "perPartGsm" : "perPartUnicode", { count: count.perPart })}`}
      </p>
      {count.unicodeCharacters.length > 0 && (
        <p data-testid="sms-unicode-hint">
          {t("unicodeBecause", { characters: count.unicodeCharacters.map((character) => `“${character}”`).join(" ") })}
          {count.turkishShift && ` ${t("turkishShift", { count: count.turkishShift.parts })}`}
        </p>
      )}
      {over && <p className="text-red-700">{t("tooLong", { max })}</p>}
    </div>
  );
}
