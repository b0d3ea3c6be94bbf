/**
 * The portal's languages and how a request picks one. Pure and client-safe:
 * i18n/request.ts feeds it the saved choice, the cookie and the header.
 */
export const LOCALES = ["en", "tr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Visitors without an account (login, sign-up) keep their language choice here. */
export const LOCALE_COOKIE = "portal-locale";
/** The browser's IANA time zone, written by <TimeZoneCookie> for users who haven't saved one. */
export const TIME_ZONE_COOKIE = "portal-tz";

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", tr: "Türkçe" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language in an Accept-Language header, by q-value then
 * order ("tr-TR,tr;q=0.9,en;q=0.8" → "tr"); null when none is supported.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

/** The user's saved choice, else the visitor cookie, else the browser's languages, else English. */
export function resolveLocale(sources: { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(sources.saved)) return sources.saved;
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** Turkish users mostly live in Turkey; anyone else sees UTC until their browser or settings say otherwise. */
export const DEFAULT_TIME_ZONES: Record<Locale, string> = { tr: "Europe/Istanbul", en: "UTC" };

// Zones already accepted: every request checks its visitor's zone, and asking
// ICU means building a DateTimeFormat. Only valid zones are kept, so the set
// is bounded by the zones the runtime knows.
const KNOWN_ZONES = new Set<string>();

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  if (KNOWN_ZONES.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
  } catch {
    return false;
  }
  KNOWN_ZONES.add(value);
  return true;
}

/** The user's saved zone, else the browser's (cookie), else the language's default. */
export function resolveTimeZone(sources: { saved?: string | null; cookie?: string | null; locale: Locale }): string {
  if (isTimeZone(sources.saved)) return sources.saved;
  if (isTimeZone(sources.cookie)) return sources.cookie;
  return DEFAULT_TIME_ZONES[sources.locale];
}
