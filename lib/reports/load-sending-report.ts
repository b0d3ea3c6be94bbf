import "server-only";
import { z } from "zod";
import { isYazsanaError, listSendingMessages, type Page, type Sending, type SendingMessage, type YazsanaContext } from "@/lib/yazsana";
import { findSenders, type SenderLabel } from "./find-senders";
import { findSending } from "./find-sending";
import { toMessagesQuery, type MessagesFilters } from "./messages-filters";
import { toReportError, type ReportError } from "./report-error";

/** Yazsana's sending ids are UUIDs; anything else can't be one and answers 404 without a call. */
export const sendingIdSchema = z.guid();

export type SendingReport =
  | {
      status: "ok";
      /** Null when the sendings list did not turn it up (stats are then not shown). */
      sending: Sending | null;
      sender: SenderLabel | undefined;
      messages: Page<SendingMessage>;
      pageCount: number;
    }
  | { status: "not_found" }
  | { status: "error"; error: ReportError };

/** The first upstream half of a sending report: one page of its messages. */
export function listReportMessages(yazsana: YazsanaContext, sendingId: string, filters: MessagesFilters): Promise<Page<SendingMessage>> {
  return listSendingMessages(yazsana, sendingId, toMessagesQuery(filters));
}

/**
 * A sending's messages page and its stats. Yazsana answering 404 for the
 * messages means the sending is unknown in this context: another user's,
 * another organization's, or made up. `listed`: that messages page already
 * requested (listReportMessages with the same context and filters).
 */
export async function loadSendingReport(
  yazsana: YazsanaContext,
  workspaceId: string,
  sendingId: string,
  filters: MessagesFilters,
  listed?: Promise<Page<SendingMessage>>,
): Promise<SendingReport> {
  if (!sendingIdSchema.safeParse(sendingId).success) return { status: "not_found" };
  let messages: Page<SendingMessage>;
  try {
    messages = await (listed ?? listReportMessages(yazsana, sendingId, filters));
  } catch (error) {
    if (isYazsanaError(error) && error.kind === "not_found") return { status: "not_found" };
    return { status: "error", error: await toReportError(error) };
  }
  let sending: Sending | null = null;
  try {
    sending = await findSending(yazsana, sendingId, messages.items[0]?.createdAt);
  } catch (error) {
    // The messages are here; missing stats should not hide them.
    await toReportError(error);
  }
  const senders = await findSenders(workspaceId, [{ id: sendingId, source: sending?.source }]);
  return {
    status: "ok",
    sending,
    sender: senders.get(sendingId),
    messages,
    pageCount: Math.max(1, Math.ceil(messages.total / filters.limit)),
  };
}
