/**
 * Date-times in the viewer's zone for reports ("31 May 2025, 14:05"), and the
 * UTC form for hovers and files. Kept here until the portal has shared
 * locale-aware formatting helpers.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function formatInZone(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? formatterFor(timeZone).format(time) : iso;
}

export function formatUtc(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? `${formatterFor("UTC").format(time)} UTC` : iso;
}

/** For files: sortable and unambiguous in any spreadsheet ("2025-03-10 23:59:59"). */
export function formatForFile(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? format(new TZDate(time, timeZone), "yyyy-MM-dd HH:mm:ss") : iso;
}
