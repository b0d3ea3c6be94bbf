import { csvDownload, plainResponse, reportsAccessForRequest } from "@/lib/reports/csv-response";
import { todayIn } from "@/lib/reports/date-range";
import { sendingsCsvHeader, sendingsCsvRows } from "@/lib/reports/export-sendings";
import { rawFromUrl } from "@/lib/reports/search-params";
import { parseSendingsFilters } from "@/lib/reports/sendings-filters";
import { viewerFormat } from "@/lib/reports/viewer-time-zone";

export const dynamic = "force-dynamic";

/** Every sending matching /reports' filters, streamed as CSV page by page from Yazsana. */
export async function GET(request: Request) {
  const access = await reportsAccessForRequest();
  if (!access.allowed) return plainResponse(access.status, access.message);
  const { filters } = parseSendingsFilters(rawFromUrl(new URL(request.url).searchParams));
  // Headers and worded cells in the exporting member's language and zone.
  const { locale, timeZone } = await viewerFormat();
  const yazsana = { ...access.yazsana, signal: request.signal };
  const rows = sendingsCsvRows(yazsana, access.context.workspace.id, filters, timeZone, locale);
  return csvDownload("sendings", todayIn(timeZone), sendingsCsvHeader(timeZone, locale), rows);
}
