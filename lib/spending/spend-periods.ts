import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, startOfDay, startOfMonth } from "date-fns";

/**
 * The calendar day and month a send counts in, as UTC instants, in the
 * workspace's time zone: a cap resets at local midnight and a budget on the
 * local first of the month, DST included (a day is not always 24 hours).
 */
export type SpendPeriods = { dayStart: Date; dayEnd: Date; monthStart: Date; monthEnd: Date };

export function spendPeriods(now: Date, timeZone: string): SpendPeriods {
  const local = new TZDate(now.getTime(), timeZone);
  const day = startOfDay(local);
  const month = startOfMonth(local);
  return {
    dayStart: new Date(day.getTime()),
    dayEnd: new Date(addDays(day, 1).getTime()),
    monthStart: new Date(month.getTime()),
    monthEnd: new Date(addMonths(month, 1).getTime()),
  };
}

export const MONTH_PATTERN = /^(20\d\d|2[1-9]\d\d)-(0[1-9]|1[0-2])$/;

/** The month (YYYY-MM) `now` falls in, seen from `timeZone`. */
export function monthIn(timeZone: string, now: Date = new Date()): string {
  return format(new TZDate(now.getTime(), timeZone), "yyyy-MM");
}

/** The first instant of `month` (YYYY-MM) and of the month after it, in `timeZone`. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date } {
  const [year, index] = month.split("-").map(Number) as [number, number];
  const start = new TZDate(year, index - 1, 1, timeZone);
  return { start: new Date(start.getTime()), end: new Date(addMonths(start, 1).getTime()) };
}
