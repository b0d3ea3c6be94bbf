import "server-only";
import { cookies } from "next/headers";
import { isTimeZone } from "./date-range";

/** Set by the browser (components/time-zone-cookie.tsx): the zone the viewer's clock is in. */
export const TIME_ZONE_COOKIE = "tz";
export const DEFAULT_TIME_ZONE = "UTC";

/**
 * The viewer's IANA time zone: the browser reports it in a cookie; until it
 * has (the very first page, or no JavaScript) reports use UTC and say so.
 */
export async function viewerTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return value && isTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}
