import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatInteger, formatRelativeTime } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import { localeFromAcceptLanguage, resolveLocale, resolveTimeZone } from "@/lib/i18n/locales";
import { compareNames, foldCase, matchesSearch, normalizeEmail, sortByName } from "@/lib/i18n/text";
import { createTranslator } from "use-intl/core";
import { sharedMessageCache } from "@/lib/i18n/message-format-cache";
import { translatorFor } from "@/lib/i18n/translator";

const at = new Date("2026-11-29T11:05:00Z");

describe("compiled messages shared across requests", () => {
  it("keeps one cache per language and zone, so a message compiled in one zone never formats another's", () => {
    expect(sharedMessageCache("tr", "Europe/Istanbul")).toBe(sharedMessageCache("tr", "Europe/Istanbul"));
    expect(sharedMessageCache("tr", "UTC")).not.toBe(sharedMessageCache("tr", "Europe/Istanbul"));
    const messages = { when: "Sent at {at, time, short} by {name}" };
    const sentAt = (timeZone: string, name: string) =>
      createTranslator({ locale: "en", messages, timeZone, _cache: sharedMessageCache("en", timeZone) })("when", { at, name });
    for (let round = 0; round < 2; round++) {
      expect(sentAt("Europe/Istanbul", "Ayşe")).toBe("Sent at 2:05 PM by Ayşe");
      expect(sentAt("UTC", "Can")).toBe("Sent at 11:05 AM by Can");
    }
    expect(Object.keys(sharedMessageCache("en", "UTC").message)).toHaveLength(1);
  });
});

describe("dates and times", () => {
  it("shows a moment in the reader's time zone and language", () => {
    expect(formatDateTime(at, { locale: "tr", timeZone: "Europe/Istanbul" })).toBe("29 Kas 2026 14:05");
    expect(formatDateTime(at, { locale: "en", timeZone: "Europe/Istanbul" })).toBe("29 Nov 2026, 14:05");
    expect(formatDateTime(at, { locale: "en", timeZone: "UTC" })).toBe("29 Nov 2026, 11:05");
    expect(formatDate("2026-11-29T23:30:00Z", { locale: "tr", timeZone: "Europe/Istanbul" })).toBe("30 Kas 2026");
  });

  it("reuses formatters without mixing up languages or zones, and still refuses an unknown zone", () => {
    for (let round = 0; round < 3; round++) {
      expect(formatDateTime(at, { locale: "tr", timeZone: "Europe/Istanbul" })).toBe("29 Kas 2026 14:05");
      expect(formatDateTime(at, { locale: "en", timeZone: "UTC" })).toBe("29 Nov 2026, 11:05");
      expect(formatDateTime(at, { locale: "en", timeZone: "Asia/Tokyo" })).toBe("29 Nov 2026, 20:05");
      expect(formatDate(at, { locale: "en", timeZone: "Pacific/Kiritimati" })).toBe("30 Nov 2026");
      expect(() => formatDateTime(at, { locale: "en", timeZone: "Mars/Olympus" })).toThrow(RangeError);
      expect(resolveTimeZone({ cookie: "Mars/Olympus", locale: "tr" })).toBe("Europe/Istanbul");
      expect(resolveTimeZone({ cookie: "Asia/Tokyo", locale: "tr" })).toBe("Asia/Tokyo");
    }
  });

  it("says how long ago, in words", () => {
    const now = new Date(at.getTime() + 3 * 60_000);
    expect(formatRelativeTime(at, { locale: "tr", now })).toBe("3 dakika önce");
    expect(formatRelativeTime(at, { locale: "en", now })).toBe("3 minutes ago");
    expect(formatRelativeTime(new Date(at.getTime() + 2 * 3_600_000), { locale: "en", now: at })).toBe("in 2 hours");
    expect(formatRelativeTime(new Date(at.getTime() - 86_400_000), { locale: "tr", now: at })).toBe("dün");
  });
});

describe("numbers and money", () => {
  it("formats money from the decimal string with the language's separators", () => {
    expect(formatMoney("1200", { locale: "tr" })).toBe("1.200,00");
    expect(formatMoney("1200", { locale: "en" })).toBe("1,200.00");
    expect(formatMoney("1234567.123456", { locale: "tr", currency: "TRY" })).toBe("1.234.567,123456 TRY");
    expect(formatMoney("-0.5", { locale: "tr" })).toBe("-0,50");
  });

  it("never goes through a float", () => {
    // 9007199254740993 is not representable as a double; 0.1 + 0.2 style errors would show here.
    expect(formatMoney("9007199254740993.10", { locale: "en" })).toBe("9,007,199,254,740,993.10");
    expect(formatMoney("0.300000", { locale: "tr" })).toBe("0,30");
  });

  it("groups counts", () => {
    expect(formatInteger(1200, "tr")).toBe("1.200");
    expect(formatInteger(1200, "en")).toBe("1,200");
  });
});

describe("plurals", () => {
  it("picks the plural form of each language from the catalog", () => {
    // Turkish nouns stay singular after a number, so the two catalogs differ in shape.
    const en = translatorFor("en", "common");
    const tr = translatorFor("tr", "common");
    expect(en("messageCount", { count: 1 })).toBe("1 message");
    expect(en("messageCount", { count: 1200 })).toBe("1,200 messages");
    expect(tr("messageCount", { count: 1 })).toMatch(/^1 \S+$/);
    expect(tr("messageCount", { count: 1200 })).toMatch(/^1\.200 \S+$/);
    expect(tr("messageCount", { count: 1200 }).split(" ")[1]).toBe(tr("messageCount", { count: 1 }).split(" ")[1]);
  });
});

describe("Turkish text rules", () => {
  it("folds dotted and dotless I the Turkish way for search", () => {
    expect(foldCase("İSTANBUL", "tr")).toBe("istanbul");
    expect(foldCase("IRMAK", "tr")).toBe("ırmak");
    expect(matchesSearch("Işıl Yıldız", "IŞIL", "tr")).toBe(true);
    expect(matchesSearch("İsmail", "ismail", "tr")).toBe(true);
    expect(matchesSearch("Irmak", "irmak", "tr")).toBe(false);
  });

  it("sorts names with Turkish collation", () => {
    const names = ["Zeynep", "Şule", "Çağla", "Can", "Ömer", "Oya", "İsmail", "Irmak", "Sude"];
    expect(sortByName(names, (name) => name, "tr")).toEqual(["Can", "Çağla", "Irmak", "İsmail", "Oya", "Ömer", "Sude", "Şule", "Zeynep"]);
    expect(compareNames("tr")("çağla", "Çağla")).toBe(0);
  });

  it("lower-cases emails without a locale, so I never becomes ı", () => {
    expect(normalizeEmail(" IRMAK@Example.COM ")).toBe("irmak@example.com");
  });
});

describe("language and time zone resolution", () => {
  it("prefers the saved choice, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ saved: "en", cookie: "tr", acceptLanguage: "tr-TR" })).toBe("en");
    expect(resolveLocale({ saved: null, cookie: "tr", acceptLanguage: "en-US" })).toBe("tr");
    expect(resolveLocale({ acceptLanguage: "de-DE,tr;q=0.8,en;q=0.9" })).toBe("en");
    expect(resolveLocale({ acceptLanguage: "tr-TR,tr;q=0.9,en-US;q=0.8" })).toBe("tr");
    expect(resolveLocale({ saved: "fr", cookie: "xx", acceptLanguage: "de" })).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0, tr")).toBe("tr");
  });

  it("uses the saved zone, then the browser's, then the language's default", () => {
    expect(resolveTimeZone({ saved: "America/New_York", cookie: "Europe/Berlin", locale: "tr" })).toBe("America/New_York");
    expect(resolveTimeZone({ cookie: "Europe/Berlin", locale: "tr" })).toBe("Europe/Berlin");
    expect(resolveTimeZone({ cookie: "Not/AZone", locale: "tr" })).toBe("Europe/Istanbul");
    expect(resolveTimeZone({ locale: "en" })).toBe("UTC");
  });
});
