import "server-only";
import { listSendings, type Page, type Sending, type YazsanaContext } from "@/lib/yazsana";
import { findSenders, type SenderLabel } from "./find-senders";
import { toReportError, type ReportError } from "./report-error";
import { toSendingsQuery, type SendingsFilters } from "./sendings-filters";

export type ReportSending = Sending & { sender: SenderLabel | undefined };

export type SendingsReport =
  | { status: "ok"; page: Page<ReportSending>; pageCount: number }
  | { status: "error"; error: ReportError };

/** One page of the context's sendings, newest first (Yazsana's order), with who sent each. */
export async function loadSendingsReport(
  yazsana: YazsanaContext,
  workspaceId: string,
  filters: SendingsFilters,
  timeZone: string,
): Promise<SendingsReport> {
  let page: Page<Sending>;
  try {
    page = await listSendings(yazsana, toSendingsQuery(filters, timeZone));
  } catch (error) {
    return { status: "error", error: await toReportError(error) };
  }
  const senders = await findSenders(workspaceId, page.items);
  return {
    status: "ok",
    page: { ...page, items: page.items.map((sending) => ({ ...sending, sender: senders.get(sending.id) })) },
    // Counted from `total` rather than trusting `totalPages`, which 1.0.0 deployments compute differently.
    pageCount: Math.max(1, Math.ceil(page.total / filters.limit)),
  };
}
