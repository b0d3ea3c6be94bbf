import "server-only";
import { listSendings, type Page, type Sending, type YazsanaContext } from "@/lib/yazsana";
import { findSenders, type SenderLabel } from "./find-senders";
import { toReportError, type ReportError } from "./report-error";
import { toSendingsQuery, type SendingsFilters } from "./sendings-filters";

export type ReportSending = Sending & { sender: SenderLabel | undefined };

export type SendingsReport =
  | { status: "ok"; page: Page<ReportSending>; pageCount: number }
  | { status: "error"; error: ReportError };

/** The upstream half of a sendings report: one page of the context's sendings, as Yazsana lists them. */
export function listReportSendings(yazsana: YazsanaContext, filters: SendingsFilters, timeZone: string): Promise<Page<Sending>> {
  return listSendings(yazsana, toSendingsQuery(filters, timeZone));
}

/**
 * One page of the context's sendings, newest first (Yazsana's order), with who
 * sent each. `listed`: that page already requested (listReportSendings with
 * the same context and filters), e.g. beside the access check.
 */
export async function loadSendingsReport(
  yazsana: YazsanaContext,
  workspaceId: string,
  filters: SendingsFilters,
  timeZone: string,
  listed?: Promise<Page<Sending>>,
): Promise<SendingsReport> {
  let page: Page<Sending>;
  try {
    page = await (listed ?? listReportSendings(yazsana, filters, timeZone));
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
