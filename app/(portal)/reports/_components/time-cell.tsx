import { formatInZone, formatUtc } from "@/lib/reports/format-time";

/** A time in the viewer's zone, with the UTC time on hover. */
export function ZonedTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatInZone(iso, timeZone)}
    </time>
  );
}
