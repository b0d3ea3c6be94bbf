import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** For files: sortable and unambiguous in any spreadsheet ("2025-03-10 23:59:59"), in the given zone. */
export function formatForFile(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? format(new TZDate(time, timeZone), "yyyy-MM-dd HH:mm:ss") : iso;
}
