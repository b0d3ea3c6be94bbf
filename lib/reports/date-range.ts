import { TZDate } from "@date-fns/tz";
import { endOfDay } from "date-fns";
import { reusedFormatter } from "@/lib/i18n/format";

/**
 * Report dates are calendar days in the viewer's time zone (`YYYY-MM-DD` in
 * the URL); Yazsana filters by instants. These helpers turn one into the
 * other in a given IANA zone, DST included (a day is not always 24 hours).
 */

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day written as YYYY-MM-DD (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000 && year <= 2999;
}

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function dayIn(date: string, timeZone: string): TZDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, timeZone);
}

/** The first instant of `date` in `timeZone`, as an ISO date-time in UTC. */
export function startOfDayIso(date: string, timeZone: string): string {
  return new Date(dayIn(date, timeZone).getTime()).toISOString();
}

/** The last millisecond of `date` in `timeZone`, as an ISO date-time in UTC. */
export function endOfDayIso(date: string, timeZone: string): string {
  return new Date(endOfDay(dayIn(date, timeZone)).getTime()).toISOString();
}

/**
 * One "YYYY-MM-DD in this zone" formatter per zone, made once (lib/i18n's
 * bounded cache): building an Intl formatter (or a TZDate) per call was most
 * of the date presets' cost on every /reports render.
 */
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  return reusedFormatter(`day|${timeZone}`, () => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory", numberingSystem: "latn" }));
}

/** Today's date (YYYY-MM-DD) as seen in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dayFormatter(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

/** `date` moved by `days` calendar days (calendar arithmetic: no zone or DST involved). */
export function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export type DatePreset = { id: "today" | "last7" | "last30"; from: string; to: string };

/** Today, the last 7 days and the last 30 days, each including today. */
export function datePresets(timeZone: string, now: Date = new Date()): DatePreset[] {
  const today = todayIn(timeZone, now);
  return [
    { id: "today", from: today, to: today },
    { id: "last7", from: shiftDate(today, -6), to: today },
    { id: "last30", from: shiftDate(today, -29), to: today },
  ];
}
