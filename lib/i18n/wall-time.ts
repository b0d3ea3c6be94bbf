import { TZDate } from "@date-fns/tz";

/**
 * A `datetime-local` value ("2026-11-30T09:00") read as a wall-clock time in
 * `timeZone` — the user's zone, in which every time is shown, not the
 * browser's: the UTC instant, or null if the value is not such a time.
 * For client and server code alike.
 */
export function wallTimeToUtc(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const instant = new TZDate(year!, month! - 1, day!, hour!, minute!, second, timeZone).getTime();
  return Number.isNaN(instant) ? null : new Date(instant);
}
