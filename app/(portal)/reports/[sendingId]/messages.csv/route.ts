import { csvDownload, plainResponse, reportsAccessForRequest } from "@/lib/reports/csv-response";
import { todayIn } from "@/lib/reports/date-range";
import { messagesCsvHeader, messagesCsvRows } from "@/lib/reports/export-messages";
import { sendingIdSchema } from "@/lib/reports/load-sending-report";
import { parseMessagesFilters } from "@/lib/reports/messages-filters";
import { rawFromUrl } from "@/lib/reports/search-params";
import { viewerTimeZone } from "@/lib/reports/viewer-time-zone";

export const dynamic = "force-dynamic";

/** All of one sending's messages (honouring `status` and `text`), streamed as CSV page by page. */
export async function GET(request: Request, { params }: { params: Promise<{ sendingId: string }> }) {
  const access = await reportsAccessForRequest();
  if (!access.allowed) return plainResponse(access.status, access.message);
  const { sendingId } = await params;
  if (!sendingIdSchema.safeParse(sendingId).success) return plainResponse(404, "No such sending.");
  const { filters } = parseMessagesFilters(rawFromUrl(new URL(request.url).searchParams));
  const timeZone = await viewerTimeZone();
  const yazsana = { ...access.yazsana, signal: request.signal };
  const rows = messagesCsvRows(yazsana, sendingId, filters, timeZone);
  return csvDownload(`sending-${sendingId.slice(0, 8)}-messages`, todayIn(timeZone), messagesCsvHeader(timeZone), rows);
}
