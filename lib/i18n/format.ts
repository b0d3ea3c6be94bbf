import type { Locale } from "./locales";

/**
 * Locale-aware formatting for both server and client code. Every function
 * takes the locale (and time zone) explicitly: on the server get them from
 * getRequestPreferences(), in client components from useLocale()/useTimeZone().
 * Money has its own module (./format-money.ts): it needs decimal.js, which
 * client components that only count or date things should not download.
 */
export type FormatOptions = { locale: Locale; timeZone: string };

// English dates read "29 Nov 2026, 14:05" (day first, 24-hour), which is en-GB's shape.
const DATE_LOCALES: Record<Locale, string> = { en: "en-GB", tr: "tr-TR" };

/**
 * Intl formatters, made once per language, zone and shape and reused: making
 * one costs far more than formatting with it (a /reports page formats 40
 * dates; building a DateTimeFormat for each was a tenth of the page's CPU).
 * Bounded: keys are our two languages times the zones the runtime accepts
 * (an unknown zone throws before anything is stored); past the bound the
 * cache starts over.
 */
const MAX_FORMATTERS = 2_000;
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
export function reusedFormatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "29 Kas 2026 14:05" / "29 Nov 2026, 14:05" in the given time zone. */
export function formatDateTime(date: Date | string, { locale, timeZone }: FormatOptions): string {
  const formatter = reusedFormatter(
    `datetime|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }),
  );
  return formatter.format(new Date(date));
}

/** "29 Kas 2026" / "29 Nov 2026" in the given time zone. */
export function formatDate(date: Date | string, { locale, timeZone }: FormatOptions): string {
  const formatter = reusedFormatter(`date|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: "numeric", month: "short", year: "numeric", timeZone }));
  return formatter.format(new Date(date));
}

/** An ISO-8601 timestamp for <time dateTime>, always UTC. */
export function isoTimestamp(date: Date | string): string {
  return new Date(date).toISOString();
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.345],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "3 dakika önce" / "3 minutes ago", "in 2 hours"; `now` is explicit so renders and tests agree. */
export function formatRelativeTime(date: Date | string, { locale, now }: { locale: Locale; now: Date }): string {
  let value = (new Date(date).getTime() - now.getTime()) / 1000;
  let unit: Intl.RelativeTimeFormatUnit = "second";
  for (const [stepUnit, size] of RELATIVE_STEPS) {
    unit = stepUnit;
    if (Math.abs(value) < size) break;
    value /= size;
  }
  return reusedFormatter(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" })).format(Math.trunc(value), unit);
}

/** Whole numbers (counts): "1.200" / "1,200". */
export function formatInteger(value: number, locale: Locale): string {
  return reusedFormatter(`integer|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(value);
}
