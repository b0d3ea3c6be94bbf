import { csvDownload, plainResponse, reportsAccessForRequest } from "@/lib/reports/csv-response";
import { todayIn } from "@/lib/reports/date-range";
import { messagesCsvHeader, messagesCsvRows } from "@/lib/reports/export-messages";
import { sendingIdSchema } from "@/lib/reports/load-sending-report";
import { parseMessagesFilters } from "@/lib/reports/messages-filters";
import { rawFromUrl } from "@/lib/reports/search-params";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { viewerFormat } from "@/lib/reports/viewer-time-zone";

export const dynamic = "force-dynamic";

/** All of one sending's messages (honouring `status` and `text`), streamed as CSV page by page. */
export async function GET(request: Request, { params }: { params: Promise<{ sendingId: string }> }) {
  const access = await reportsAccessForRequest();
  if (!access.allowed) return plainResponse(access.status, access.message);
  const { sendingId } = await params;
  if (!sendingIdSchema.safeParse(sendingId).success) return plainResponse(404, (await getServerTranslations("reportExports"))("noSuchSending"));
  const { filters } = parseMessagesFilters(rawFromUrl(new URL(request.url).searchParams));
  // Headers and worded cells in the exporting member's language and zone.
  const { locale, timeZone } = await viewerFormat();
  const yazsana = { ...access.yazsana, signal: request.signal };
  const rows = messagesCsvRows(yazsana, sendingId, filters, timeZone, locale);
  return csvDownload(`sending-${sendingId.slice(0, 8)}-messages`, todayIn(timeZone), messagesCsvHeader(timeZone, locale), rows);
}
