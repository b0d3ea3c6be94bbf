import { formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";

/** A time in the viewer's zone and language, with the UTC time on hover. */
export async function ZonedTime({ iso }: { iso: string }) {
  const { locale, timeZone } = await getRequestPreferences();
  if (!Number.isFinite(Date.parse(iso))) return <>{iso}</>;
  return (
    <time dateTime={iso} title={`${formatDateTime(iso, { locale, timeZone: "UTC" })} UTC`}>
      {formatDateTime(iso, { locale, timeZone })}
    </time>
  );
}
