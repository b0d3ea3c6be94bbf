import { formatDateTime, type FormatOptions } from "@/lib/i18n/format";

/**
 * A time in the viewer's zone and language, with the UTC time on hover. Plain,
 * not async: a page reads its preferences once (getRequestPreferences) and
 * passes them to every cell, instead of each of its rows awaiting them.
 */
export function ZonedTime({ iso, preferences }: { iso: string; preferences: FormatOptions }) {
  if (!Number.isFinite(Date.parse(iso))) return <>{iso}</>;
  return (
    <time dateTime={iso} title={`${formatDateTime(iso, { locale: preferences.locale, timeZone: "UTC" })} UTC`}>
      {formatDateTime(iso, preferences)}
    </time>
  );
}
