import "server-only";
import { listSendingMessages, type SendingMessage, type YazsanaContext } from "@/lib/yazsana";
import { formatForFile } from "./format-time";
import { describeMessageStatus } from "./message-status";
import { toMessagesQuery, type MessagesFilters } from "./messages-filters";
import { walkPages } from "./walk-pages";

export const messagesCsvHeader = (timeZone: string) => ["Message ID", "Recipient", "Status", "Status meaning", "Created (UTC)", "Updated (UTC)", `Updated (${timeZone})`, "Cost", "Message", "Other fields"];

const KNOWN_FIELDS = new Set(["id", "to", "status", "message", "cost", "createdAt", "updatedAt"]);

/** Fields Yazsana returned that the portal does not know, kept as JSON so nothing is lost. */
export function otherFields(message: SendingMessage): Record<string, unknown> {
  return Object.fromEntries(Object.entries(message).filter(([name]) => !KNOWN_FIELDS.has(name)));
}

/** Every message of the sending matching `status` / `text` (paging ignored), one upstream page at a time. */
export async function* messagesCsvRows(
  yazsana: YazsanaContext,
  sendingId: string,
  filters: MessagesFilters,
  timeZone: string,
): AsyncGenerator<string[]> {
  const { status, text } = toMessagesQuery(filters);
  const query = { ...(status && { status }), ...(text && { text }) };
  for await (const messages of walkPages((page, limit) => listSendingMessages(yazsana, sendingId, { ...query, page, limit }))) {
    for (const message of messages) {
      const extra = otherFields(message);
      yield [
        message.id,
        message.to,
        message.status,
        describeMessageStatus(message.status).label,
        message.createdAt ?? "",
        message.updatedAt ?? "",
        message.updatedAt ? formatForFile(message.updatedAt, timeZone) : "",
        message.cost ?? "",
        message.message ?? "",
        Object.keys(extra).length > 0 ? JSON.stringify(extra) : "",
      ];
    }
  }
}
